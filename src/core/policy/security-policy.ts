// Interprets one normalized policy alternative as WS-SecurityPolicy 1.1 / 1.2 / 1.3 requirements
// (RULES.md 4.15): binding, tokens, algorithm suite, layout, protection and supporting tokens.
import type { Element } from '@xmldom/xmldom';
import { attr, attrNS, children, namespacesInScope, trimmedText } from '../xml/dom';
import { isSp, isWsp, NS, SP, WSA_METADATA_NAMESPACES } from './namespaces';
import { nestedAssertions, type PolicyRegistry, type RawAlternative } from './normalize';
import type {
	PartSet,
	PolicyAlternative,
	PolicyToken,
	PolicyXPath,
	TokenRole,
	TokenType,
} from './types';

const SUPPORTING: Record<string, TokenRole> = {
	SupportingTokens: 'supporting',
	SignedSupportingTokens: 'signed-supporting',
	EndorsingSupportingTokens: 'endorsing',
	SignedEndorsingSupportingTokens: 'signed-endorsing',
	EncryptedSupportingTokens: 'encrypted-supporting',
	SignedEncryptedSupportingTokens: 'signed-encrypted-supporting',
	EndorsingEncryptedSupportingTokens: 'endorsing-encrypted',
	SignedEndorsingEncryptedSupportingTokens: 'signed-endorsing-encrypted',
};

const BINDING_TOKENS: Record<string, TokenRole> = {
	TransportToken: 'transport',
	ProtectionToken: 'protection',
	SignatureToken: 'signature',
	EncryptionToken: 'encryption',
	InitiatorToken: 'initiator',
	InitiatorSignatureToken: 'initiator',
	InitiatorEncryptionToken: 'initiator',
	RecipientToken: 'recipient',
	RecipientSignatureToken: 'recipient',
	RecipientEncryptionToken: 'recipient',
};

const TOKEN_TYPES: Record<string, TokenType> = {
	X509Token: 'X509',
	UsernameToken: 'UsernameToken',
	HttpsToken: 'HttpsToken',
	SamlToken: 'SAML',
	KerberosToken: 'Kerberos',
	IssuedToken: 'IssuedToken',
	SecureConversationToken: 'SecureConversation',
	SecurityContextToken: 'SecureConversation',
	SpnegoContextToken: 'SpnegoContext',
	KeyValueToken: 'KeyValue',
	RelToken: 'Other',
};

/** Binding properties that are flags (nested assertions without content). */
const FLAGS = new Set([
	'IncludeTimestamp',
	'EncryptBeforeSigning',
	'SignBeforeEncrypting',
	'EncryptSignature',
	'ProtectTokens',
	'OnlySignEntireHeadersAndBody',
]);

/** Assertions of other specifications that are known and deliberately not evaluated. */
const KNOWN_OTHER_NS = [
	'http://docs.oasis-open.org/ws-rx/wsrmp/200702',
	'http://schemas.xmlsoap.org/ws/2005/02/rm/policy',
	'http://docs.oasis-open.org/ws-rx/wsmc/200702',
	'http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization',
	'http://schemas.microsoft.com/ws/06/2004/mspolicy/netbinary1',
	'http://schemas.microsoft.com/ws/2006/05/framing/policy',
	'http://schemas.microsoft.com/net/2006/06/duplex',
	'http://java.sun.com/xml/ns/wsit/policy',
	'http://schemas.sun.com/2006/03/wss/server',
	'http://schemas.sun.com/2006/03/wss/client',
	'http://cxf.apache.org/transports/http/configuration',
];

function emptyParts(): PartSet {
	return { body: false, allHeaders: false, headers: [], attachments: false };
}

export function emptyAlternative(): PolicyAlternative {
	return {
		binding: 'none',
		bindingAssertion: null,
		origin: '',
		spVersion: null,
		algorithmSuite: null,
		suiteOptions: [],
		includeTimestamp: false,
		layout: null,
		encryptBeforeSigning: false,
		encryptSignature: false,
		protectTokens: false,
		onlySignEntireHeadersAndBody: false,
		tokens: [],
		signedParts: emptyParts(),
		encryptedParts: emptyParts(),
		signedElements: [],
		encryptedElements: [],
		contentEncryptedElements: [],
		addressing: false,
		wss: null,
		requireSignatureConfirmation: false,
		trust: null,
		unknownAssertions: [],
	};
}

function spVersionOf(ns: string | null): PolicyAlternative['spVersion'] {
	if (ns === NS.sp11) return '1.1';
	if (ns === NS.sp13) return '1.3';
	if (ns === NS.sp12) return '1.2';
	return null;
}

interface Ctx {
	inputName: string;
	registry: PolicyRegistry;
	alt: PolicyAlternative;
}

function readParts(el: Element, into: PartSet): void {
	const kids = children(el);
	if (kids.length === 0) {
		// WS-SP 4.1.1: an empty SignedParts / EncryptedParts means the Body and every header.
		into.body = true;
		into.allHeaders = true;
		return;
	}
	for (const c of kids) {
		if (!isSp(c.namespaceURI)) continue;
		if (c.localName === 'Body') into.body = true;
		else if (c.localName === 'Attachments') into.attachments = true;
		else if (c.localName === 'Header') {
			const ns = attr(c, 'Namespace') ?? '';
			const name = attr(c, 'Name') ?? '*';
			into.headers.push(`{${ns}}${name}`);
		}
	}
}

const XPATH_ASSERTIONS: Record<string, PolicyXPath['assertion']> = {
	SignedElements: 'sp:SignedElements',
	EncryptedElements: 'sp:EncryptedElements',
	ContentEncryptedElements: 'sp:ContentEncryptedElements',
};

/** The XPath texts of an sp:*Elements assertion; each also goes to alt.elementXPaths with its namespaces. */
function readXPaths(el: Element, alt: PolicyAlternative): string[] {
	const paths = children(el, SP).filter((c) => c.localName === 'XPath' || c.localName === 'XPath2');
	const assertion = XPATH_ASSERTIONS[el.localName ?? ''];
	if (assertion)
		for (const p of paths)
			(alt.elementXPaths ??= []).push({
				assertion,
				xpath: trimmedText(p),
				namespaces: namespacesInScope(p),
				version: p.localName === 'XPath2' ? 'XPath2' : 'XPath',
			});
	return paths.map((c) => trimmedText(c));
}

function includeTokenOf(el: Element): string | null {
	const v = attrNS(el, SP, 'IncludeToken') ?? attr(el, 'IncludeToken');
	if (!v) return null;
	return v.slice(v.lastIndexOf('/') + 1);
}

function tokenFrom(el: Element, role: TokenRole, container: string, ctx: Ctx): PolicyToken | null {
	if (!isSp(el.namespaceURI)) return null;
	const type = TOKEN_TYPES[el.localName ?? ''];
	if (!type) return null;
	const options: string[] = [];
	for (const n of nestedAssertions(el, ctx.inputName, ctx.registry))
		options.push(n.localName ?? '');
	// WS-SP 1.1 HttpsToken carries RequireClientCertificate as an attribute.
	if (attr(el, 'RequireClientCertificate') === 'true') options.push('RequireClientCertificate');
	let finalType: TokenType = type;
	if (type === 'IssuedToken') {
		const template = children(el, SP, 'RequestSecurityTokenTemplate')[0];
		if (template && /saml/i.test(template.textContent ?? '')) options.push('SAML');
	}
	if (type === 'Other') finalType = 'Other';
	return {
		type: finalType,
		assertion: el.tagName,
		role,
		container,
		includeToken: includeTokenOf(el),
		options,
	};
}

function readTokenSlot(el: Element, role: TokenRole, ctx: Ctx): void {
	for (const t of nestedAssertions(el, ctx.inputName, ctx.registry)) {
		const token = tokenFrom(t, role, el.tagName, ctx);
		if (token) ctx.alt.tokens.push(token);
		else ctx.alt.unknownAssertions.push(`${t.tagName} (in ${el.tagName})`);
	}
}

function readBinding(el: Element, ctx: Ctx): void {
	const alt = ctx.alt;
	for (const p of nestedAssertions(el, ctx.inputName, ctx.registry)) {
		if (!isSp(p.namespaceURI)) {
			alt.unknownAssertions.push(`${p.tagName} (in ${el.tagName})`);
			continue;
		}
		const local = p.localName ?? '';
		const role = BINDING_TOKENS[local];
		if (role) readTokenSlot(p, role, ctx);
		else if (local === 'AlgorithmSuite') readSuite(p, ctx);
		else if (local === 'Layout') {
			const inner = nestedAssertions(p, ctx.inputName, ctx.registry)[0];
			alt.layout = inner?.localName ?? null;
		} else if (FLAGS.has(local)) setFlag(local);
		else alt.unknownAssertions.push(`${p.tagName} (in ${el.tagName})`);
	}
	function setFlag(local: string): void {
		if (local === 'IncludeTimestamp') alt.includeTimestamp = true;
		else if (local === 'EncryptBeforeSigning') alt.encryptBeforeSigning = true;
		else if (local === 'EncryptSignature') alt.encryptSignature = true;
		else if (local === 'ProtectTokens') alt.protectTokens = true;
		else if (local === 'OnlySignEntireHeadersAndBody') alt.onlySignEntireHeadersAndBody = true;
	}
}

function readSuite(el: Element, ctx: Ctx): void {
	for (const s of nestedAssertions(el, ctx.inputName, ctx.registry)) {
		const local = s.localName ?? '';
		if (
			[
				'InclusiveC14N',
				'InclusiveC14N11',
				'SOAPNormalization10',
				'STRTransform10',
				'XPath10',
				'XPathFilter20',
				'AbsXPath',
			].includes(local)
		)
			ctx.alt.suiteOptions.push(local);
		else if (!ctx.alt.algorithmSuite || ctx.alt.algorithmSuite === local)
			ctx.alt.algorithmSuite = local;
		else ctx.alt.unknownAssertions.push(`${s.tagName} (second suite in ${el.tagName})`);
	}
}

function readSupporting(el: Element, role: TokenRole, ctx: Ctx): void {
	for (const t of nestedAssertions(el, ctx.inputName, ctx.registry)) {
		const token = tokenFrom(t, role, el.tagName, ctx);
		if (token) {
			ctx.alt.tokens.push(token);
			continue;
		}
		if (isSp(t.namespaceURI) && t.localName === 'AlgorithmSuite') continue;
		if (isSp(t.namespaceURI) && t.localName === 'SignedParts') readParts(t, ctx.alt.signedParts);
		else if (isSp(t.namespaceURI) && t.localName === 'EncryptedParts')
			readParts(t, ctx.alt.encryptedParts);
		else if (isSp(t.namespaceURI) && t.localName === 'SignedElements')
			ctx.alt.signedElements.push(...readXPaths(t, ctx.alt));
		else if (isSp(t.namespaceURI) && t.localName === 'EncryptedElements')
			ctx.alt.encryptedElements.push(...readXPaths(t, ctx.alt));
		else ctx.alt.unknownAssertions.push(`${t.tagName} (in ${el.tagName})`);
	}
}

/** Turns one normalized alternative (assertion elements) into plain requirements. */
export function interpretAlternative(
	assertions: RawAlternative,
	inputName: string,
	registry: PolicyRegistry,
	originOf: (el: Element) => string,
): PolicyAlternative {
	const alt = emptyAlternative();
	const ctx: Ctx = { inputName, registry, alt };
	for (const a of assertions) {
		const ns = a.namespaceURI;
		const local = a.localName ?? '';
		if (isSp(ns)) {
			alt.spVersion = alt.spVersion ?? spVersionOf(ns);
			switch (local) {
				case 'TransportBinding':
				case 'SymmetricBinding':
				case 'AsymmetricBinding': {
					const kind =
						local === 'TransportBinding'
							? 'transport'
							: local === 'SymmetricBinding'
								? 'symmetric'
								: 'asymmetric';
					if (alt.binding !== 'none' && alt.binding !== kind) {
						registry.note(
							'warning',
							`A policy alternative in ${inputName} holds both ${alt.bindingAssertion} and ${a.tagName}; the first is used`,
						);
						break;
					}
					alt.binding = kind;
					alt.bindingAssertion = a.tagName;
					alt.origin = originOf(a);
					alt.spVersion = spVersionOf(ns);
					readBinding(a, ctx);
					break;
				}
				case 'SignedParts':
					readParts(a, alt.signedParts);
					break;
				case 'EncryptedParts':
					readParts(a, alt.encryptedParts);
					break;
				case 'SignedElements':
					alt.signedElements.push(...readXPaths(a, alt));
					break;
				case 'EncryptedElements':
					alt.encryptedElements.push(...readXPaths(a, alt));
					break;
				case 'ContentEncryptedElements':
					alt.contentEncryptedElements.push(...readXPaths(a, alt));
					break;
				case 'Wss10':
				case 'Wss11':
					alt.wss = local;
					alt.requireSignatureConfirmation = nestedAssertions(a, inputName, registry).some(
						(n) => n.localName === 'RequireSignatureConfirmation',
					);
					break;
				case 'Trust10':
				case 'Trust13':
					alt.trust = local;
					break;
				case 'RequiredElements':
				case 'RequiredParts':
					break;
				default: {
					const role = SUPPORTING[local];
					if (role) readSupporting(a, role, ctx);
					else {
						const token = tokenFrom(a, 'supporting', a.tagName, ctx);
						if (token) alt.tokens.push(token);
						else alt.unknownAssertions.push(a.tagName);
					}
				}
			}
		} else if (
			(ns === NS.wsam && local === 'Addressing') ||
			(WSA_METADATA_NAMESPACES.includes(ns ?? '') && local === 'UsingAddressing')
		) {
			alt.addressing = true;
		} else if (!isWsp(ns) && !KNOWN_OTHER_NS.includes(ns ?? '')) {
			alt.unknownAssertions.push(`${a.tagName}${ns ? ` {${ns}}` : ''}`);
		}
	}
	return alt;
}
