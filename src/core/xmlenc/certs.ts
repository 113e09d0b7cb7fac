// What XML Encryption key matching needs from a certificate: thumbprints, SKI, issuer and serial,
// subject, and the SubjectPublicKeyInfo (to pair it with a private key or a key agreement), read
// by the one certificate decoder (x509/certificate-facts.ts).
import { Integer } from 'asn1js';
import { toArrayBuffer, toHex } from '../bytes/encoding';
import { isBug } from '../errors';
import { readRawCertificate } from '../x509/certificate-facts';
import { commonName, nameText } from '../x509/names';
import { computedSubjectKeyId, sha1Thumbprint } from '../x509/thumbprint';

export interface CertInfo {
	sha256: string;
	der: Uint8Array;
	sha1: Uint8Array;
	/** SubjectKeyIdentifier extension, else the RFC 5280 method 1 value (WSS4J computes that). */
	ski: Uint8Array;
	skiComputed: Uint8Array;
	serialHex: string;
	serialDecimal: string;
	issuer: string;
	subject: string;
	subjectCn: string | null;
	spki: Uint8Array;
}

const cache = new Map<string, CertInfo | null>();

export function certInfo(der: Uint8Array, sha256: string): CertInfo | null {
	const cached = cache.get(sha256);
	if (cached !== undefined) return cached;
	let info: CertInfo | null;
	try {
		const raw = readRawCertificate(der);
		const skiComputed = computedSubjectKeyId(raw.subjectPublicKey);
		info = {
			sha256,
			der,
			sha1: sha1Thumbprint(der),
			ski: raw.subjectKeyId ?? skiComputed,
			skiComputed,
			serialHex: toHex(raw.serial),
			serialDecimal: new Integer({ valueHex: toArrayBuffer(raw.serial) }).toBigInt().toString(10),
			issuer: nameText(raw.issuer),
			subject: nameText(raw.subject),
			subjectCn: commonName(raw.subject),
			spki: raw.spkiDer,
		};
	} catch (error) {
		// not a readable certificate: it names no recipient (the certificate stage reports why)
		if (isBug(error)) throw error;
		info = null;
	}
	cache.set(sha256, info);
	return info;
}

/** Compares two DN strings as multisets of type=value pairs (order and spacing vary by producer). */
export function sameDn(a: string, b: string): boolean {
	const norm = (dn: string): string =>
		splitDn(dn)
			.map((p) => {
				const eq = p.indexOf('=');
				let key = p.slice(0, eq).trim().toUpperCase();
				if (key === 'EMAILADDRESS' || key === '1.2.840.113549.1.9.1') key = 'E';
				if (key === 'S') key = 'ST';
				return `${key}=${p
					.slice(eq + 1)
					.trim()
					.toLowerCase()
					.replace(/\s+/g, ' ')}`;
			})
			.sort()
			.join('\n');
	return norm(a) === norm(b);
}

function splitDn(dn: string): string[] {
	const out: string[] = [];
	let cur = '';
	for (let i = 0; i < dn.length; i++) {
		const ch = dn[i] ?? '';
		if (ch === '\\' && i + 1 < dn.length) {
			cur += dn[i + 1] ?? '';
			i++;
		} else if (ch === ',' || ch === ';' || ch === '+') {
			if (cur.includes('=')) out.push(cur);
			else if (out.length) out[out.length - 1] += ',' + cur;
			cur = '';
		} else cur += ch;
	}
	if (cur.trim()) out.push(cur);
	return out.filter((p) => p.includes('='));
}

/** Serial given in decimal (X509SerialNumber) or hex; normalised to decimal digits. */
export function serialToDecimal(text: string): string | null {
	const t = text.trim();
	if (/^-?\d+$/.test(t)) return BigInt(t).toString(10);
	if (/^(0x)?[0-9a-fA-F]+$/.test(t)) return BigInt('0x' + t.replace(/^0x/, '')).toString(10);
	return null;
}
