// What a captured SOAP envelope shows for the policy check: addressing headers, Body element,
// the wsse:Security header's tokens and Timestamp, what is signed and with which algorithms
// (from the signature and decryption facts, else read from the document itself).
import type { Document, Element } from '@xmldom/xmldom';
import type { AnalysisFacts } from '../facts';
import type { XmlDocumentRef } from '../pipeline';
import { attr, descendants, kid, kids, textOf } from '../xml/ns-dom';
import { NS } from './namespaces';
import { WSA_NAMESPACES } from '../xml/dom';
import type { CapturedMessage } from './types';
import { buildIdMap, resolveFragment } from '../xml/ids';

export function envelopeRoot(doc: Document): { root: Element; version: '1.1' | '1.2' } | null {
	const root = doc.documentElement;
	if (!root || root.localName !== 'Envelope') return null;
	if (root.namespaceURI === NS.soap11) return { root, version: '1.1' };
	if (root.namespaceURI === NS.soap12) return { root, version: '1.2' };
	return null;
}

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
	const parent = el.parentNode as Element | null;
	if (parent && parent.namespaceURI === soapNs && parent.localName === 'Header')
		return `Header ${key(el)}`;
	return key(el);
}

/** Maps a signature fact's target text ("soap:Body", "wsu:Timestamp") to the same vocabulary. */
function targetFromText(target: string, kind: string | undefined): string | null {
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
	const env = envelopeRoot(ref.xml.doc);
	if (!env) return null;
	const soapNs = env.version === '1.1' ? NS.soap11 : NS.soap12;
	const header = kid(env.root, soapNs, 'Header');
	const body = kid(env.root, soapNs, 'Body');
	const headers = header ? kids(header) : [];
	const action = headers.find(
		(h) => WSA_NAMESPACES.has(h.namespaceURI ?? '') && h.localName === 'Action',
	);
	const to = headers.find((h) => WSA_NAMESPACES.has(h.namespaceURI ?? '') && h.localName === 'To');
	const security = headers.filter((h) => h.namespaceURI === NS.wsse && h.localName === 'Security');
	const secEls = security.flatMap((s) => descendants(s));
	const first = body ? kids(body)[0] : undefined;
	const bodyEncrypted =
		!!first && first.namespaceURI === NS.xenc && first.localName === 'EncryptedData';
	let bodyElement = first && !bodyEncrypted ? key(first) : null;
	if (bodyEncrypted) {
		for (const d of decrypted) {
			if (d.inputName !== ref.inputName) continue;
			const denv = envelopeRoot(d.xml.doc);
			const dBody = denv
				? kid(denv.root, denv.version === '1.1' ? NS.soap11 : NS.soap12, 'Body')
				: null;
			const candidate = dBody ? kids(dBody)[0] : d.xml.doc.documentElement;
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
	const ut = secEls.find((e) => e.namespaceURI === NS.wsse && e.localName === 'UsernameToken');
	let usernameToken: CapturedMessage['usernameToken'] = null;
	if (ut) {
		const pw = kid(ut, NS.wsse, 'Password');
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
				const byUri = r.uri.startsWith('#') ? ids.get(r.uri.slice(1)) : undefined;
				const kind = (r as { targetKind?: unknown }).targetKind;
				const t = byUri
					? targetOf(byUri, soapNs)
					: targetFromText(r.target ?? '', typeof kind === 'string' ? kind : undefined);
				if (t) signedTargets.add(t);
			}
		}
	} else {
		const sigs = secEls.filter((e) => e.namespaceURI === NS.ds && e.localName === 'Signature');
		if (sigs.length) algorithmSource = 'document';
		for (const sig of sigs) {
			const si = kid(sig, NS.ds, 'SignedInfo');
			if (!si) continue;
			const sm = kid(si, NS.ds, 'SignatureMethod');
			if (sm && attr(sm, 'Algorithm')) signatureAlgorithms.push(attr(sm, 'Algorithm')!);
			for (const r of kids(si, NS.ds, 'Reference')) {
				const dm = kid(r, NS.ds, 'DigestMethod');
				if (dm && attr(dm, 'Algorithm')) digestAlgorithms.push(attr(dm, 'Algorithm')!);
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
			const m = kid(el, NS.xenc, 'EncryptionMethod');
			const alg = m ? attr(m, 'Algorithm') : null;
			if (!alg) continue;
			(el.localName === 'EncryptedData' ? dataAlgorithms : keyTransports).push(alg);
		}
	}
	const bsts = secEls.filter(
		(e) => e.namespaceURI === NS.wsse && e.localName === 'BinarySecurityToken',
	);
	const x509Referenced =
		secEls.some(
			(e) =>
				e.namespaceURI === NS.wsse &&
				e.localName === 'KeyIdentifier' &&
				/X509|ThumbprintSHA1/.test(attr(e, 'ValueType') ?? ''),
		) || secEls.some((e) => e.namespaceURI === NS.ds && e.localName === 'X509IssuerSerial');
	const ts = secEls.find((e) => e.namespaceURI === NS.wsu && e.localName === 'Timestamp');
	return {
		inputName: ref.inputName,
		soapVersion: env.version,
		action: action ? textOf(action) : null,
		to: to ? textOf(to) : null,
		bodyElement,
		bodyEncrypted,
		securityHeader: security.length > 0,
		timestamp: { present: !!ts, signed: !!ts && signedTargets.has('Timestamp') },
		usernameToken,
		binaryTokens: bsts.map((b) => shortValueType(attr(b, 'ValueType'))),
		x509Referenced,
		saml: secEls.some(
			(e) =>
				(e.namespaceURI === NS.saml1 || e.namespaceURI === NS.saml2) && e.localName === 'Assertion',
		),
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
