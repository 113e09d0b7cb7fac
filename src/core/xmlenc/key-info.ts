// Reads the key references of a ds:KeyInfo (and WS-Security SecurityTokenReference) into plain
// hints: who the sender encrypted for. Resolution against keys happens in key-match.ts.
import type { Element } from '@xmldom/xmldom';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';
import { NS } from './algorithms';
import { child, children, childElements, rawText } from '../xml/dom';
import { resolveFragment } from './dom';
import { hasCode } from '../errors';

export interface KeyHints {
	keyNames: string[];
	skis: Uint8Array[];
	sha1Thumbprints: Uint8Array[];
	/** dsig11:X509Digest values by hash name. */
	digests: { algorithm: string; value: Uint8Array }[];
	issuerSerials: { issuer: string; serial: string }[];
	subjectNames: string[];
	/** Certificates carried inline (X509Certificate, BinarySecurityToken). */
	certificates: Uint8Array[];
	/** Elements referenced by RetrievalMethod / STR Reference that are not certificates (EncryptedKey, X509Data…). */
	references: Element[];
	/** References that did not resolve in this document. */
	unresolved: string[];
	/** Something that names a key in a way we could not read (EncryptedKeySHA1, SAML, …). */
	other: string[];
}

export function emptyHints(): KeyHints {
	return {
		keyNames: [],
		skis: [],
		sha1Thumbprints: [],
		digests: [],
		issuerSerials: [],
		subjectNames: [],
		certificates: [],
		references: [],
		unresolved: [],
		other: [],
	};
}

const KI_X509V3 = 'X509v3';
const KI_SKI = 'X509SubjectKeyIdentifier';
const KI_THUMB = 'ThumbprintSHA1';

function safeBase64(text: string): Uint8Array | null {
	try {
		return fromBase64(text);
	} catch (error) {
		// a hint that is not base64 names no key: the caller skips it
		if (!hasCode(error, NOT_BASE64)) throw error;
		return null;
	}
}

function readX509Data(x509: Element, hints: KeyHints): void {
	for (const el of childElements(x509)) {
		const ns = el.namespaceURI ?? '';
		if (ns !== NS.ds && ns !== NS.dsig11) continue;
		switch (el.localName) {
			case 'X509Certificate': {
				const der = safeBase64(rawText(el));
				if (der) hints.certificates.push(der);
				break;
			}
			case 'X509SKI': {
				const ski = safeBase64(rawText(el));
				if (ski) hints.skis.push(ski);
				break;
			}
			case 'X509SubjectName':
				hints.subjectNames.push(rawText(el).trim());
				break;
			case 'X509IssuerSerial':
				hints.issuerSerials.push({
					issuer: rawText(child(el, NS.ds, 'X509IssuerName')).trim(),
					serial: rawText(child(el, NS.ds, 'X509SerialNumber')).trim(),
				});
				break;
			case 'X509Digest': {
				const value = safeBase64(rawText(el));
				if (value) hints.digests.push({ algorithm: el.getAttribute('Algorithm') ?? '', value });
				break;
			}
		}
	}
}

function readStr(str: Element, hints: KeyHints, ids: Map<string, Element[]>): void {
	for (const el of childElements(str)) {
		if (el.namespaceURI === NS.ds && el.localName === 'X509Data') readX509Data(el, hints);
		if (el.namespaceURI !== NS.wsse) continue;
		if (el.localName === 'KeyIdentifier') {
			const vt = el.getAttribute('ValueType') ?? '';
			const value = safeBase64(rawText(el));
			if (!value) continue;
			if (vt.endsWith(KI_SKI)) hints.skis.push(value);
			else if (vt.endsWith(KI_THUMB)) hints.sha1Thumbprints.push(value);
			else if (vt.endsWith(KI_X509V3)) hints.certificates.push(value);
			else hints.other.push(`KeyIdentifier ${vt}`);
		} else if (el.localName === 'Reference') {
			const uri = el.getAttribute('URI') ?? '';
			const target = resolveFragment(ids, uri);
			if (!target) hints.unresolved.push(uri);
			else if (target.localName === 'BinarySecurityToken') {
				const der = safeBase64(rawText(target));
				if (der) hints.certificates.push(der);
			} else hints.references.push(target);
		} else if (el.localName === 'Embedded') {
			for (const inner of childElements(el)) {
				if (inner.localName === 'BinarySecurityToken') {
					const der = safeBase64(rawText(inner));
					if (der) hints.certificates.push(der);
				}
			}
		}
	}
}

/** Reads a ds:KeyInfo (or OriginatorKeyInfo / RecipientKeyInfo) into hints. */
export function readKeyInfo(keyInfo: Element | null, ids: Map<string, Element[]>): KeyHints {
	const hints = emptyHints();
	if (!keyInfo) return hints;
	for (const el of childElements(keyInfo)) {
		const ns = el.namespaceURI ?? '';
		if (ns === NS.ds && el.localName === 'KeyName') hints.keyNames.push(rawText(el).trim());
		else if (ns === NS.ds && el.localName === 'X509Data') readX509Data(el, hints);
		else if (ns === NS.ds && el.localName === 'RetrievalMethod') {
			const uri = el.getAttribute('URI') ?? '';
			const target = resolveFragment(ids, uri);
			if (!target) hints.unresolved.push(uri);
			else if (target.localName === 'X509Data') readX509Data(target, hints);
			else hints.references.push(target);
		} else if (ns === NS.wsse && el.localName === 'SecurityTokenReference') readStr(el, hints, ids);
		else if (ns === NS.dsig11 && el.localName === 'KeyInfoReference') {
			const uri = el.getAttribute('URI') ?? '';
			const target = resolveFragment(ids, uri);
			if (target) {
				const inner = readKeyInfo(target, ids);
				mergeHints(hints, inner);
			} else hints.unresolved.push(uri);
		}
	}
	return hints;
}

function mergeHints(into: KeyHints, from: KeyHints): void {
	into.keyNames.push(...from.keyNames);
	into.skis.push(...from.skis);
	into.sha1Thumbprints.push(...from.sha1Thumbprints);
	into.digests.push(...from.digests);
	into.issuerSerials.push(...from.issuerSerials);
	into.subjectNames.push(...from.subjectNames);
	into.certificates.push(...from.certificates);
	into.references.push(...from.references);
	into.unresolved.push(...from.unresolved);
	into.other.push(...from.other);
}

/** EncryptedKey elements a KeyInfo points to: children, RetrievalMethod and STR references. */
export function encryptedKeysOf(keyInfo: Element | null, hints: KeyHints): Element[] {
	if (!keyInfo) return [];
	const direct = children(keyInfo, NS.xenc, 'EncryptedKey');
	const referenced = hints.references.filter(
		(r) => r.namespaceURI === NS.xenc && r.localName === 'EncryptedKey',
	);
	return [...direct, ...referenced];
}

/** Plain-language list of what the hints name, for "it was encrypted for …". */
export function describeHints(hints: KeyHints): string[] {
	const out: string[] = [];
	for (const s of hints.issuerSerials)
		out.push(`the certificate with serial ${s.serial} issued by ${s.issuer}`);
	for (const s of hints.subjectNames) out.push(s);
	for (const s of hints.skis) out.push(`the certificate with SKI ${hexOf(s)}`);
	for (const t of hints.sha1Thumbprints)
		out.push(`the certificate with SHA-1 thumbprint ${hexOf(t)}`);
	for (const d of hints.digests) out.push(`the certificate with digest ${hexOf(d.value)}`);
	for (const n of hints.keyNames) out.push(`the key named "${n}"`);
	return out;
}

function hexOf(b: Uint8Array): string {
	return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
}
