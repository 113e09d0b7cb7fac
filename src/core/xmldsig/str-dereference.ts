// STR Dereference Transform when the SecurityTokenReference names its token by a KeyIdentifier
// (SKI, ThumbprintSHA1, X509v3) or a ds:X509Data (IssuerSerial, SKI, certificate) instead of a wsu:Id: the token is the X.509 certificate it names,
// rendered as a wsse:BinarySecurityToken the way WSS4J's STRTransformUtil builds it (WSS 1.1
// section 8.3: "the referenced token is to be represented as a BinarySecurityToken").
import type { Element } from '@xmldom/xmldom';
import { fromBase64, NOT_BASE64, toBase64, equalBytes } from '../bytes/encoding';
import { attr, child, NS, trimmedText } from '../xml/dom';
import type { KnownCert } from './keyinfo';
import { dnMatches } from './keys';
import { hasCode } from '../errors';

const X509 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#';

export type KeyIdentifierToken =
	| { ok: true; der: Uint8Array; what: string }
	| { ok: false; reason: 'not-found' | 'unsupported'; message: string };

/** The certificate a KeyIdentifier names, among the message's and the dropped certificates. */
export function keyIdentifierCertificate(
	kid: Element,
	certs: readonly KnownCert[],
): KeyIdentifierToken {
	const vt = attr(kid, 'ValueType') ?? '';
	let value: Uint8Array;
	try {
		value = fromBase64(trimmedText(kid).replace(/\s+/g, ''));
	} catch (error) {
		if (!hasCode(error, NOT_BASE64)) throw error;
		return { ok: false, reason: 'unsupported', message: 'KeyIdentifier is not base64' };
	}
	const short = vt.replace(/^.*#/, '') || '(no ValueType)';
	if (vt === X509 + 'X509v3' || vt.endsWith('#X509')) return { ok: true, der: value, what: short };
	let hit: KnownCert | undefined;
	if (vt === X509 + 'X509SubjectKeyIdentifier')
		hit = certs.find((c) => !!c.info.skiExtension && equalBytes(c.info.skiExtension, value));
	else if (vt.endsWith('#ThumbprintSHA1')) hit = certs.find((c) => equalBytes(c.info.sha1, value));
	else
		return {
			ok: false,
			reason: 'unsupported',
			message: `a KeyIdentifier of type ${short} (only X.509 SKI, ThumbprintSHA1 and X509v3)`,
		};
	if (!hit)
		return {
			ok: false,
			reason: 'not-found',
			message: `the certificate its ${short} KeyIdentifier names is not among the dropped files`,
		};
	return { ok: true, der: hit.info.der, what: short };
}

/** The certificate a ds:X509Data in the STR names (X509IssuerSerial, X509SKI or X509Certificate). */
export function x509DataCertificate(
	x509: Element,
	certs: readonly KnownCert[],
): KeyIdentifierToken {
	const inline = child(x509, NS.ds, 'X509Certificate');
	if (inline) {
		try {
			return {
				ok: true,
				der: fromBase64(trimmedText(inline).replace(/\s+/g, '')),
				what: 'X509Certificate',
			};
		} catch (error) {
			if (!hasCode(error, NOT_BASE64)) throw error;
			return { ok: false, reason: 'unsupported', message: 'X509Certificate is not base64' };
		}
	}
	const is_ = child(x509, NS.ds, 'X509IssuerSerial');
	if (is_) {
		const issuer = trimmedText(child(is_, NS.ds, 'X509IssuerName'));
		let serial: bigint | null = null;
		try {
			serial = BigInt(trimmedText(child(is_, NS.ds, 'X509SerialNumber')).trim());
		} catch (error) {
			if (!(error instanceof SyntaxError)) throw error;
			return {
				ok: false,
				reason: 'unsupported',
				message: 'X509SerialNumber is not a decimal integer',
			};
		}
		const hit = certs.find((c) => c.info.serial === serial && dnMatches(issuer, c.info.issuerRdns));
		return hit
			? { ok: true, der: hit.info.der, what: 'X509IssuerSerial' }
			: {
					ok: false,
					reason: 'not-found',
					message: `the certificate issued by ${issuer} with serial ${serial} is not among the dropped files`,
				};
	}
	const ski = child(x509, NS.ds, 'X509SKI');
	if (ski) {
		let value: Uint8Array;
		try {
			value = fromBase64(trimmedText(ski).replace(/\s+/g, ''));
		} catch (error) {
			if (!hasCode(error, NOT_BASE64)) throw error;
			return { ok: false, reason: 'unsupported', message: 'X509SKI is not base64' };
		}
		const hit = certs.find((c) => !!c.info.skiExtension && equalBytes(c.info.skiExtension, value));
		return hit
			? { ok: true, der: hit.info.der, what: 'X509SKI' }
			: {
					ok: false,
					reason: 'not-found',
					message: 'the certificate its X509SKI names is not among the dropped files',
				};
	}
	return {
		ok: false,
		reason: 'unsupported',
		message: 'ds:X509Data without IssuerSerial, SKI or certificate',
	};
}

/** The wsse prefix in scope at the STR (WSS4J reuses it for the token it builds). */
function wssePrefix(str: Element): string {
	for (let n: Element | null = str; n && n.nodeType === 1; n = n.parentNode as Element | null) {
		const attrs = n.attributes;
		for (let i = 0; i < attrs.length; i++) {
			const a = attrs.item(i);
			if (a && a.name.startsWith('xmlns:') && a.value === NS.wsse) return a.name.slice(6);
		}
	}
	return 'wsse';
}

/**
 * Canonical form of the BinarySecurityToken standing in for the certificate: a detached element
 * (so only its own wsse declaration), xmlns="" added as the STR-Transform requires, base64 unwrapped.
 */
export function bstCanonical(str: Element, der: Uint8Array): string {
	const p = wssePrefix(str);
	return `<${p}:BinarySecurityToken xmlns="" xmlns:${p}="${NS.wsse}" ValueType="${X509}X509v3">${toBase64(der)}</${p}:BinarySecurityToken>`;
}
