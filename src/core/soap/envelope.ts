// SOAP 1.1/1.2 envelope model (RULES.md 4.16): header blocks, every wsse:Security with its actor
// or role and its children in order, Timestamps, UsernameTokens, BinarySecurityTokens, SAML
// assertions, EncryptedKey / ReferenceList / EncryptedData, WS-Addressing headers.
import { samlAssertion } from '../xml/saml';
import type { Document, Element, Node } from '@xmldom/xmldom';
import {
	attr,
	attrNS,
	child,
	childElements,
	descendants,
	is,
	localName,
	NS,
	text,
	WSA_NAMESPACES,
} from '../xml/dom';
import { elementPath, type IdMap } from '../xml/ids';
import type {
	BinarySecurityTokenFacts,
	EnvelopeFacts,
	SecurityHeaderFacts,
	TimestampFacts,
	UsernameTokenFacts,
} from './facts';

const PASSWORD_TEXT =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const PASSWORD_DIGEST =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

function wsuId(el: Element): string | null {
	return attrNS(el, NS.wsu, 'Id') ?? attr(el, 'Id') ?? attr(el, 'ID') ?? attr(el, 'AssertionID');
}

function qname(el: Element): string {
	return `{${el.namespaceURI ?? ''}}${localName(el)}`;
}

function insideEncrypted(el: Node): boolean {
	for (let p = el.parentNode; p; p = p.parentNode) {
		if (is(p, NS.xenc, 'EncryptedData') || is(p, NS.wsse11, 'EncryptedHeader')) return true;
	}
	return false;
}

function timestamp(el: Element): TimestampFacts {
	const created = child(el, NS.wsu, 'Created');
	const expires = child(el, NS.wsu, 'Expires');
	return {
		path: elementPath(el),
		id: wsuId(el),
		created: created ? text(created) : null,
		expires: expires ? text(expires) : null,
	};
}

export function usernameToken(el: Element, decrypted: boolean): UsernameTokenFacts {
	const pw = child(el, NS.wsse, 'Password');
	const nonce = child(el, NS.wsse, 'Nonce');
	const created = child(el, NS.wsu, 'Created') ?? child(el, NS.wsse, 'Created');
	const typeUri = attr(pw, 'Type');
	let passwordType: UsernameTokenFacts['passwordType'] = 'none';
	if (pw) {
		if (typeUri === null || typeUri === PASSWORD_TEXT || typeUri.endsWith('#PasswordText'))
			passwordType = 'PasswordText';
		else if (typeUri === PASSWORD_DIGEST || typeUri.endsWith('#PasswordDigest'))
			passwordType = 'PasswordDigest';
		else passwordType = 'other';
	}
	return {
		path: elementPath(el),
		id: wsuId(el),
		username: text(child(el, NS.wsse, 'Username')),
		passwordTypeUri: typeUri,
		passwordType,
		hasNonce: !!nonce,
		nonceEncodingType: attr(nonce, 'EncodingType'),
		created: created ? text(created) : null,
		protectedByEncryption: decrypted || insideEncrypted(el),
	};
}

const assertion = samlAssertion;

function securityHeader(
	el: Element,
	soapNs: string,
	decrypted: boolean,
	certSha: (bst: Element) => string | null,
): SecurityHeaderFacts {
	const kids = childElements(el);
	const actor = soapNs === NS.soap11 ? attrNS(el, soapNs, 'actor') : attrNS(el, soapNs, 'role');
	const bsts: BinarySecurityTokenFacts[] = kids
		.filter((k) => is(k, NS.wsse, 'BinarySecurityToken'))
		.map((k) => ({
			path: elementPath(k),
			id: wsuId(k),
			valueType: attr(k, 'ValueType'),
			encodingType: attr(k, 'EncodingType'),
			certSha256: certSha(k),
		}));
	return {
		path: elementPath(el),
		actor,
		mustUnderstand: attrNS(el, soapNs, 'mustUnderstand'),
		children: kids.map((k) => k.tagName),
		timestamps: kids.filter((k) => is(k, NS.wsu, 'Timestamp')).map(timestamp),
		usernameTokens: kids
			.filter((k) => is(k, NS.wsse, 'UsernameToken'))
			.map((k) => usernameToken(k, decrypted)),
		binarySecurityTokens: bsts,
		signaturePaths: kids.filter((k) => is(k, NS.ds, 'Signature')).map(elementPath),
		encryptedKeys: kids.filter((k) => is(k, NS.xenc, 'EncryptedKey')).length,
		referenceLists: kids.filter((k) => is(k, NS.xenc, 'ReferenceList')).length,
		signatureConfirmations: kids.filter((k) => is(k, NS.wsse11, 'SignatureConfirmation')).length,
		assertions: kids
			.filter((k) => is(k, NS.saml1, 'Assertion') || is(k, NS.saml2, 'Assertion'))
			.map(assertion),
	};
}

/** The envelope model of a document, or null when its root is not a SOAP Envelope. */
export function envelopeFacts(
	doc: Document,
	opts: {
		inputName: string;
		origin: 'input' | 'decrypted';
		fileDate: string | null;
		idMap: IdMap;
		certSha?: (bst: Element) => string | null;
	},
): EnvelopeFacts | null {
	const env = doc.documentElement;
	if (!env || localName(env) !== 'Envelope') return null;
	const soapNs = env.namespaceURI ?? '';
	if (soapNs !== NS.soap11 && soapNs !== NS.soap12) return null;
	const headers = childElements(env).filter((k) => is(k, soapNs, 'Header'));
	const bodies = childElements(env).filter((k) => is(k, soapNs, 'Body'));
	const header = headers[0] ?? null;
	const body = bodies[0] ?? null;
	const blocks = header ? childElements(header) : [];
	const bodyKids = body ? childElements(body) : [];
	const first = bodyKids[0] ?? null;
	const wsaValue = (local: string): string | null => {
		const el = blocks.find(
			(b) => WSA_NAMESPACES.has(b.namespaceURI ?? '') && localName(b) === local,
		);
		if (!el) return null;
		if (local === 'ReplyTo') return text(childElements(el).find((c) => localName(c) === 'Address'));
		return text(el);
	};
	const decrypted = opts.origin === 'decrypted';
	const certSha = opts.certSha ?? (() => null);
	const securityHeaders = blocks
		.filter((b) => is(b, NS.wsse, 'Security'))
		.map((s) => securityHeader(s, soapNs, decrypted, certSha));
	return {
		inputName: opts.inputName,
		soapVersion: soapNs === NS.soap11 ? '1.1' : '1.2',
		documentOrigin: opts.origin,
		fileDate: opts.fileDate,
		envelopePath: elementPath(env),
		headerPath: header ? elementPath(header) : null,
		headerCount: headers.length,
		bodyPath: body ? elementPath(body) : null,
		bodyCount: bodies.length,
		bodyId: body ? wsuId(body) : null,
		bodyFirstChild: first ? qname(first) : null,
		bodyFirstChildName: first ? first.tagName : null,
		bodyChildCount: bodyKids.length,
		bodyEncrypted: !!first && is(first, NS.xenc, 'EncryptedData'),
		headerBlocks: blocks.map((b) => ({
			name: b.tagName,
			qname: qname(b),
			path: elementPath(b),
			id: wsuId(b),
		})),
		wsa: {
			to: wsaValue('To'),
			action: wsaValue('Action'),
			messageId: wsaValue('MessageID'),
			replyTo: wsaValue('ReplyTo'),
		},
		securityHeaders,
		encryptedData: descendants(env, NS.xenc, 'EncryptedData').map((e) => ({
			path: elementPath(e),
			id: attr(e, 'Id'),
			type: attr(e, 'Type'),
		})),
		encryptedHeaders: descendants(env, NS.wsse11, 'EncryptedHeader').length,
		duplicateIds: opts.idMap.duplicates,
		usernameTokens: descendants(env, NS.wsse, 'UsernameToken').map((u) =>
			usernameToken(u, decrypted),
		),
	};
}
