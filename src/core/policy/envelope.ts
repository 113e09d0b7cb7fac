// What a captured SOAP envelope shows for the policy check: addressing headers, Body element,
// the wsse:Security header's tokens and Timestamp, what is signed and with which algorithms
// (from the signature and decryption facts, else read from the document itself).
import type { Element } from '@xmldom/xmldom';
import type { AnalysisFacts } from '../facts';
import type { XmlDocumentRef } from '../pipeline';
import { attr, descendants, isElement, child, children, trimmedText } from '../xml/dom';
import { NS } from './namespaces';
import { readEnvelope } from '../xml/envelope';
import type { CapturedMessage } from './types';
import { buildIdMap, resolveFragment } from '../xml/ids';

function key(el: Element): string {
	return `{${el.namespaceURI ?? ''}}${el.localName ?? ''}`;
}

/** Classifies a signed element: Body, Timestamp, a header, a token. */
function targetOf(el: Element, soapNs: string): string {
	const ns = el.namespaceURI;
	const local = el.localName ?? '';
	if (ns === soapNs && local === 'Body') return 'Body';
	if (ns === NS.wsu && local === 'Timestamp') return 'Timestamp';
	if (ns === NS.wsse && (local === 'UsernameToken' || local === 'BinarySecurityToken'))
		return local;
	if (ns === NS.saml1 || ns === NS.saml2) return 'SAML assertion';
	const parent = el.parentNode;
	if (isElement(parent) && parent.namespaceURI === soapNs && parent.localName === 'Header')
		return `Header ${key(el)}`;
	return key(el);
}

/** Maps a signature fact's target text ("soap:Body", "wsu:Timestamp") to the same vocabulary. */
function targetFromText(target: string, kind: string | null): string | null {
	const t = `${kind ?? ''} ${target}`;
	if (/\bBody\b/i.test(t)) return 'Body';
	if (/Timestamp/i.test(t)) return 'Timestamp';
	if (/UsernameToken/.test(t)) return 'UsernameToken';
	if (/BinarySecurityToken/.test(t)) return 'BinarySecurityToken';
	return null;
}

function shortValueType(v: string | null): string {
	if (!v) return 'unknown';
	return v.slice(Math.max(v.lastIndexOf('#'), v.lastIndexOf('/')) + 1);
}

export function readCapturedMessage(
	ref: XmlDocumentRef,
	facts: AnalysisFacts,
	decrypted: readonly XmlDocumentRef[],
): CapturedMessage | null {
	// the same reading the envelope model made of this document (xml/envelope.ts)
	const env = readEnvelope(ref.xml.doc);
	if (!env) return null;
	const { soapNs } = env;
	const action = env.wsaHeader('Action');
	const to = env.wsaHeader('To');
	// what the Security headers hold, from the one envelope reader (no second walk here)
	const sec = env.security;
	const first = env.bodyChildren[0];
	const bodyEncrypted =
		!!first && first.namespaceURI === NS.xenc && first.localName === 'EncryptedData';
	let bodyElement = first && !bodyEncrypted ? key(first) : null;
	if (bodyEncrypted) {
		for (const d of decrypted) {
			if (d.inputName !== ref.inputName) continue;
			const denv = readEnvelope(d.xml.doc);
			const candidate = denv?.body ? denv.bodyChildren[0] : d.xml.doc.documentElement;
			if (candidate && !(candidate.namespaceURI === NS.xenc)) {
				bodyElement = key(candidate);
				break;
			}
		}
	}
	// the shared ID rule (xml/ids.ts): a duplicated ID never resolves, so "Body signed" here
	// cannot contradict the XSW findings of the same report
	const idMap = buildIdMap(ref.xml.doc);
	const ids = {
		get: (id: string): Element | undefined => resolveFragment(idMap, '#' + id) ?? undefined,
	};
	const ut = sec.usernameTokens[0];
	let usernameToken: CapturedMessage['usernameToken'] = null;
	if (ut) {
		const pw = child(ut, NS.wsse, 'Password');
		const type = pw ? attr(pw, 'Type') : null;
		usernameToken = {
			present: true,
			passwordType: !pw ? 'none' : type && type.endsWith('#PasswordDigest') ? 'digest' : 'text',
		};
	}
	const signedTargets = new Set<string>();
	const signatureAlgorithms: string[] = [];
	const digestAlgorithms: string[] = [];
	let algorithmSource: CapturedMessage['algorithmSource'] = 'none';
	const sigFacts = facts.signatures.filter((s) => s.inputName === ref.inputName);
	if (sigFacts.length > 0) {
		algorithmSource = 'facts';
		for (const s of sigFacts) {
			if (s.signatureAlgorithm) signatureAlgorithms.push(s.signatureAlgorithm);
			for (const r of s.references) {
				if (r.digestAlgorithm) digestAlgorithms.push(r.digestAlgorithm);
				// a signed copy that is not the one the receiver reads (XSW-SIGNED-ELEMENT-RELOCATED)
				// does not make the element the policy names signed: the same answer as that finding
				if (r.atExpectedPosition === false) continue;
				const byUri = r.uri.startsWith('#') ? ids.get(r.uri.slice(1)) : undefined;
				const t = byUri ? targetOf(byUri, soapNs) : targetFromText(r.target ?? '', r.targetKind);
				if (t) signedTargets.add(t);
			}
		}
	} else {
		const sigs = sec.signatures;
		if (sigs.length) algorithmSource = 'document';
		for (const sig of sigs) {
			const si = child(sig, NS.ds, 'SignedInfo');
			if (!si) continue;
			const sm = child(si, NS.ds, 'SignatureMethod');
			const signatureAlgorithm = sm ? attr(sm, 'Algorithm') : null;
			if (signatureAlgorithm) signatureAlgorithms.push(signatureAlgorithm);
			for (const r of children(si, NS.ds, 'Reference')) {
				const dm = child(r, NS.ds, 'DigestMethod');
				const digestAlgorithm = dm ? attr(dm, 'Algorithm') : null;
				if (digestAlgorithm) digestAlgorithms.push(digestAlgorithm);
				const uri = attr(r, 'URI') ?? '';
				const el = uri.startsWith('#') ? ids.get(uri.slice(1)) : undefined;
				if (el) signedTargets.add(targetOf(el, soapNs));
			}
		}
	}
	const decFacts = facts.decryptions.filter((d) => d.inputName === ref.inputName);
	const dataAlgorithms: string[] = [];
	const keyTransports: string[] = [];
	if (decFacts.length) {
		for (const d of decFacts) {
			if (d.dataAlgorithm) dataAlgorithms.push(d.dataAlgorithm);
			if (d.keyTransport) keyTransports.push(d.keyTransport);
		}
	} else {
		for (const el of descendants(env.root, NS.xenc)) {
			if (el.localName !== 'EncryptedData' && el.localName !== 'EncryptedKey') continue;
			const m = child(el, NS.xenc, 'EncryptionMethod');
			const alg = m ? attr(m, 'Algorithm') : null;
			if (!alg) continue;
			(el.localName === 'EncryptedData' ? dataAlgorithms : keyTransports).push(alg);
		}
	}
	const bsts = sec.binarySecurityTokens;
	const x509Referenced =
		sec.keyIdentifiers.some((e) => /X509|ThumbprintSHA1/.test(attr(e, 'ValueType') ?? '')) ||
		sec.x509IssuerSerials.length > 0;
	const ts = sec.timestamps[0];
	return {
		inputName: ref.inputName,
		soapVersion: env.version,
		action: action ? trimmedText(action) : null,
		to: to ? trimmedText(to) : null,
		bodyElement,
		bodyEncrypted,
		securityHeader: env.securityHeaders.length > 0,
		timestamp: { present: !!ts, signed: !!ts && signedTargets.has('Timestamp') },
		usernameToken,
		binaryTokens: bsts.map((b) => shortValueType(attr(b, 'ValueType'))),
		x509Referenced,
		saml: sec.assertions.length > 0,
		signedTargets: [...signedTargets],
		signatureAlgorithms: [...new Set(signatureAlgorithms)],
		digestAlgorithms: [...new Set(digestAlgorithms)],
		dataAlgorithms: [...new Set(dataAlgorithms)],
		keyTransports: [...new Set(keyTransports)],
		algorithmSource,
		match: null,
		matchNote: '',
	};
}
