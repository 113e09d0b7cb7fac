// Public keys for signature verification, read from certificates (DER), SubjectPublicKeyInfo and
// XML KeyValue forms, plus the certificate fields KeyInfo hints match against (issuer + serial,
// SKI, subject, thumbprints). Certificates are read by the one certificate decoder
// (x509/certificate-facts.ts); keys (SPKI, KeyValue) by plain DER walking.
import * as asn1js from 'asn1js';
import { children, oidText, readTlv, type Tlv } from '../asn1/der';
import { toHex } from '../bytes/encoding';
import { hasCode, ParseError } from '../errors';
import {
	NOT_A_CERTIFICATE,
	readRawCertificate,
	type RawCertificate,
} from '../x509/certificate-facts';
import { formatDn } from '../x509/names';
import { ATTRIBUTE_NAMES } from '../x509/oids';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

export type PublicKey =
	| { kind: 'rsa'; n: bigint; e: bigint }
	| { kind: 'ec'; curve: EcCurve; point: Uint8Array }
	| { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint }
	| { kind: 'ed25519'; point: Uint8Array }
	| { kind: 'unsupported'; algorithm: string };

export interface CertInfo {
	der: Uint8Array;
	serial: bigint;
	issuer: Rdn[];
	subject: Rdn[];
	issuerDer: Uint8Array;
	subjectDer: Uint8Array;
	spki: Uint8Array;
	ski: Uint8Array | null;
	key: PublicKey;
	notBefore: string | null;
	notAfter: string | null;
}

/** One attribute of a distinguished name: OID and value text. */
export interface Rdn {
	oid: string;
	value: string;
	/** Index of its RDN (SET) in the Name, so multi-valued RDNs print joined by '+'. */
	set?: number;
}

const CURVES: Record<string, EcCurve> = {
	'1.2.840.10045.3.1.7': 'P-256',
	'1.3.132.0.34': 'P-384',
	'1.3.132.0.35': 'P-521',
};

export function curveFromOid(oid: string): EcCurve | null {
	return CURVES[oid] ?? null;
}

export function bigintFrom(bytes: Uint8Array): bigint {
	return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
}

function content(bytes: Uint8Array, t: Tlv): Uint8Array {
	return bytes.subarray(t.contentStart, t.end);
}

function kids(bytes: Uint8Array, t: Tlv | undefined, what: string): Tlv[] {
	const k = t ? children(bytes, t, 4096) : null;
	if (!k) throw new ParseError('xmldsig/malformed-der', `malformed DER (${what})`);
	return k;
}

/** Reads a SubjectPublicKeyInfo. */
export function publicKeyFromSpki(spki: Uint8Array): PublicKey {
	const top = readTlv(spki);
	const [alg, bits] = kids(spki, top ?? undefined, 'SubjectPublicKeyInfo');
	const [oidTlv, params] = kids(spki, alg, 'AlgorithmIdentifier');
	if (!oidTlv || !bits)
		throw new ParseError('xmldsig/malformed-spki', 'malformed SubjectPublicKeyInfo');
	const oid = oidText(spki, oidTlv);
	const keyBytes = spki.subarray(bits.contentStart + 1, bits.end);
	if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.113549.1.1.10') {
		const seq = readTlv(keyBytes);
		const [n, e] = kids(keyBytes, seq ?? undefined, 'RSAPublicKey');
		if (!n || !e) throw new ParseError('xmldsig/malformed-rsa-key', 'malformed RSAPublicKey');
		return {
			kind: 'rsa',
			n: bigintFrom(content(keyBytes, n)),
			e: bigintFrom(content(keyBytes, e)),
		};
	}
	if (oid === '1.2.840.10045.2.1') {
		const curve = params && params.tag === 0x06 ? curveFromOid(oidText(spki, params)) : null;
		if (!curve) return { kind: 'unsupported', algorithm: 'EC on an unsupported curve' };
		return { kind: 'ec', curve, point: keyBytes.slice() };
	}
	if (oid === '1.2.840.10040.4.1') {
		const [p, q, g] = kids(spki, params, 'Dss-Parms');
		const y = readTlv(keyBytes);
		if (!p || !q || !g || !y)
			throw new ParseError('xmldsig/malformed-dsa-key', 'malformed DSA key');
		return {
			kind: 'dsa',
			p: bigintFrom(content(spki, p)),
			q: bigintFrom(content(spki, q)),
			g: bigintFrom(content(spki, g)),
			y: bigintFrom(content(keyBytes, y)),
		};
	}
	if (oid === '1.3.101.112') return { kind: 'ed25519', point: keyBytes.slice() };
	return { kind: 'unsupported', algorithm: `key algorithm ${oid}` };
}

/** A name's attributes in order, each with its RDN index; values as the DER strings hold them. */
function readName(name: asn1js.Sequence): Rdn[] {
	const out: Rdn[] = [];
	name.valueBlock.value.forEach((set, index) => {
		if (!(set instanceof asn1js.Set)) return;
		for (const atv of set.valueBlock.value) {
			if (!(atv instanceof asn1js.Sequence)) continue;
			const [oid, value] = atv.valueBlock.value;
			if (oid instanceof asn1js.ObjectIdentifier && value)
				out.push({ oid: oid.valueBlock.toString(), value: stringValue(value), set: index });
		}
	});
	return out;
}

/** BMPString as UCS-2, UniversalString not decoded (''), every other string type as UTF-8. */
function stringValue(v: asn1js.AsnType): string {
	const tag = v.idBlock.tagNumber;
	const full = new Uint8Array(v.valueBeforeDecodeView);
	const t = readTlv(full);
	const c = t ? content(full, t) : full;
	if (tag === 30) {
		let s = '';
		for (let i = 0; i + 1 < c.length; i += 2)
			s += String.fromCharCode(((c[i] ?? 0) << 8) | (c[i + 1] ?? 0));
		return s;
	}
	if (tag === 28) return '';
	return new TextDecoder().decode(c);
}

const isoSecond = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The fields of an X.509 certificate that KeyInfo matching and verification need, read by the one
 * certificate decoder (x509/certificate-facts.ts); the key is decoded here for verification.
 */
export function certInfo(der: Uint8Array): CertInfo {
	let raw: RawCertificate;
	try {
		raw = readRawCertificate(der);
	} catch (error) {
		if (hasCode(error, NOT_A_CERTIFICATE))
			throw new ParseError(
				'xmldsig/malformed-certificate',
				'malformed certificate',
				{},
				{ cause: error },
			);
		throw error;
	}
	let key: PublicKey;
	try {
		key = publicKeyFromSpki(raw.spkiDer);
	} catch (error) {
		key = {
			kind: 'unsupported',
			algorithm: error instanceof Error ? error.message : 'unreadable key',
		};
	}
	let serialValue = bigintFrom(raw.serial);
	if ((raw.serial[0] ?? 0) & 0x80) serialValue -= 1n << BigInt(raw.serial.length * 8);
	return {
		der,
		serial: serialValue,
		issuer: readName(raw.issuer),
		subject: readName(raw.subject),
		issuerDer: raw.issuerDer,
		subjectDer: raw.subjectDer,
		spki: raw.spkiDer,
		ski: raw.subjectKeyId,
		key,
		notBefore: isoSecond(raw.notBefore),
		notAfter: isoSecond(raw.notAfter),
	};
}

const NAME_OIDS: Record<string, string> = {
	CN: '2.5.4.3',
	SN: '2.5.4.4',
	SERIALNUMBER: '2.5.4.5',
	C: '2.5.4.6',
	L: '2.5.4.7',
	ST: '2.5.4.8',
	S: '2.5.4.8',
	STREET: '2.5.4.9',
	O: '2.5.4.10',
	OU: '2.5.4.11',
	T: '2.5.4.12',
	TITLE: '2.5.4.12',
	GIVENNAME: '2.5.4.42',
	DC: '0.9.2342.19200300.100.1.25',
	UID: '0.9.2342.19200300.100.1.1',
	E: '1.2.840.113549.1.9.1',
	EMAILADDRESS: '1.2.840.113549.1.9.1',
	EMAIL: '1.2.840.113549.1.9.1',
};

/** A DN as text, through the one DN printer (x509/names.ts), most specific first. */
export function dnText(rdns: readonly Rdn[]): string {
	const groups: Rdn[][] = [];
	rdns.forEach((r, k) => {
		const last = groups[groups.length - 1];
		const prev = rdns[k - 1];
		if (last && r.set !== undefined && prev?.set === r.set) last.push(r);
		else groups.push([r]);
	});
	return formatDn(groups);
}

/** Keywords the DN printer writes (x509/oids.ts), so every name it prints parses back. */
const PRINTED_OIDS: Record<string, string> = Object.fromEntries(
	Object.entries(ATTRIBUTE_NAMES).map(([oid, key]) => [key, oid]),
);

/** Parses an RFC 2253/4514-style DN string as written in X509IssuerName / X509SubjectName. */
export function parseDn(text: string): Rdn[] | null {
	const out: Rdn[] = [];
	let i = 0;
	const s = text.trim();
	while (i < s.length) {
		const eq = s.indexOf('=', i);
		if (eq === -1) return null;
		const type = s
			.slice(i, eq)
			.trim()
			.toUpperCase()
			.replace(/^OID\./, '');
		let value = '';
		let j = eq + 1;
		while (j < s.length && s[j] === ' ') j++;
		if (s[j] === '#') return null;
		for (; j < s.length; j++) {
			const ch = s[j] as string;
			if (ch === '\\' && j + 1 < s.length) {
				const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(j + 1, j + 3));
				if (hex) {
					value += String.fromCharCode(parseInt(hex[0], 16));
					j += 2;
				} else value += s[++j];
			} else if (ch === ',' || ch === '+' || ch === ';') break;
			else value += ch;
		}
		const oid = /^\d+(\.\d+)+$/.test(type) ? type : (NAME_OIDS[type] ?? PRINTED_OIDS[type]);
		if (!oid) return null;
		out.push({ oid, value: value.trim() });
		i = j + 1;
	}
	return out.reverse();
}

function norm(v: string): string {
	return v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Compares a DN string to a certificate's name as sets of (type, value), case- and space-insensitive. */
export function dnMatches(text: string, rdns: readonly Rdn[]): boolean {
	const parsed = parseDn(text);
	if (!parsed || parsed.length !== rdns.length) return false;
	const a = parsed.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	const b = rdns.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	return a.every((x, k) => x === b[k]);
}
