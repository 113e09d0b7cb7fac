// The one certificate-key model: what signature verification (xmldsig) and XML Encryption key
// matching (xmlenc) need from a certificate, built once per certificate (cached by its SHA-256)
// from the one certificate decoder (readRawCertificate in certificate-facts.ts), with the
// thumbprints and the RFC 5280 method-1 key identifier from the one thumbprint/SKI helper
// (thumbprint.ts) and names printed by the one DN printer (names.ts). A house-style test
// (certificate-key.test.ts) keeps it the only certificate summary type outside the full facts.
import * as asn1js from 'asn1js';
import { children, oidText, readTlv, type Tlv } from '../asn1/der';
import { toArrayBuffer, toHex } from '../bytes/encoding';
import { isBug, ParseError } from '../errors';
import { readRawCertificate } from './certificate-facts';
import { commonName, nameText } from './names';
import { computedSubjectKeyId, sha1Thumbprint, sha256Thumbprint } from './thumbprint';

/** A certificate as KeyInfo / key-identifier matching, verification and decryption use it. */
export interface CertificateKey {
	der: Uint8Array;
	/** SHA-256 of the DER, lower-case hex (the report's certificate id). */
	sha256: string;
	/** SHA-1 of the DER (ThumbprintSHA1, X509Digest with SHA-1). */
	sha1: Uint8Array;
	/** The serial as a signed INTEGER value, and its content octets as hex and as decimal text. */
	serial: bigint;
	serialHex: string;
	serialDecimal: string;
	/** Names printed by the one DN printer (x509/names.ts), most specific first. */
	issuerName: string;
	subjectName: string;
	subjectCn: string | null;
	/** Names as attribute lists, for X509IssuerName / X509SubjectName matching (xmldsig/keys.ts). */
	issuerRdns: Rdn[];
	subjectRdns: Rdn[];
	/** Names as encoded (chain building compares them byte for byte). */
	issuerDer: Uint8Array;
	subjectDer: Uint8Array;
	/** SubjectPublicKeyInfo DER and its key decoded for verification. */
	spki: Uint8Array;
	key: PublicKey;
	/** The subjectKeyIdentifier extension's key identifier; null when the certificate has none. */
	skiExtension: Uint8Array | null;
	/**
	 * RFC 5280 §4.2.1.2 method 1 (SHA-1 of the subjectPublicKey bits), whatever the extension says:
	 * WSS4J computes this when a certificate has no extension, so decryption hints may carry it.
	 */
	skiMethod1: Uint8Array;
	/** Validity, ISO 8601 to the second. */
	notBefore: string;
	notAfter: string;
	/** The certificate's own signature: algorithm, the TBSCertificate it covers, the signature bits. */
	signatureOid: string;
	tbsDer: Uint8Array;
	signature: Uint8Array | null;
}

const isoSecond = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Built models and decoding errors by SHA-256; bounded so a long session does not grow it forever. */
const cache = new Map<string, CertificateKey | ParseError>();
const CACHE_LIMIT = 4096;

/**
 * The certificate-key model of a DER certificate, built once per certificate. Throws the decoder's
 * ParseError (code NOT_A_CERTIFICATE, certificate-facts.ts) for bytes that are not a certificate.
 */
export function certificateKey(der: Uint8Array): CertificateKey {
	const sha256 = toHex(sha256Thumbprint(der));
	const cached = cache.get(sha256);
	if (cached instanceof ParseError) throw cached;
	if (cached) return cached;
	let built: CertificateKey | ParseError;
	try {
		built = build(der, sha256);
	} catch (error) {
		if (isBug(error) || !(error instanceof ParseError)) throw error;
		built = error;
	}
	if (cache.size >= CACHE_LIMIT) {
		const oldest = cache.keys().next().value;
		if (oldest !== undefined) cache.delete(oldest);
	}
	cache.set(sha256, built);
	if (built instanceof ParseError) throw built;
	return built;
}

/** The model, or null for bytes that are not a readable certificate (bugs still throw). */
export function certificateKeyOrNull(der: Uint8Array): CertificateKey | null {
	try {
		return certificateKey(der);
	} catch (error) {
		if (isBug(error)) throw error;
		return null;
	}
}

function build(der: Uint8Array, sha256: string): CertificateKey {
	const raw = readRawCertificate(der);
	let key: PublicKey;
	try {
		key = publicKeyFromSpki(raw.spkiDer);
	} catch (error) {
		if (isBug(error)) throw error;
		key = {
			kind: 'unsupported',
			algorithm: error instanceof Error ? error.message : 'unreadable key',
		};
	}
	let serial = bigintFrom(raw.serial);
	if ((raw.serial[0] ?? 0) & 0x80) serial -= 1n << BigInt(raw.serial.length * 8);
	return {
		der,
		sha256,
		sha1: sha1Thumbprint(der),
		serial,
		serialHex: toHex(raw.serial),
		serialDecimal: new asn1js.Integer({ valueHex: toArrayBuffer(raw.serial) })
			.toBigInt()
			.toString(10),
		issuerName: nameText(raw.issuer),
		subjectName: nameText(raw.subject),
		subjectCn: commonName(raw.subject),
		issuerRdns: readName(raw.issuer),
		subjectRdns: readName(raw.subject),
		issuerDer: raw.issuerDer,
		subjectDer: raw.subjectDer,
		spki: raw.spkiDer,
		key,
		skiExtension: raw.subjectKeyId,
		skiMethod1: computedSubjectKeyId(raw.subjectPublicKey),
		notBefore: isoSecond(raw.notBefore),
		notAfter: isoSecond(raw.notAfter),
		signatureOid: raw.signatureOid,
		tbsDer: raw.tbsDer,
		signature: raw.signature,
	};
}

/** One attribute of a distinguished name: OID and value text. */
export interface Rdn {
	oid: string;
	value: string;
	/** Index of its RDN (SET) in the Name, so multi-valued RDNs print joined by '+'. */
	set?: number;
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

// Public keys for verification, from a SubjectPublicKeyInfo (also read from KeyInfo's DER forms).
export type EcCurve = 'P-256' | 'P-384' | 'P-521';

export type PublicKey =
	| { kind: 'rsa'; n: bigint; e: bigint }
	| { kind: 'ec'; curve: EcCurve; point: Uint8Array }
	| { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint }
	| { kind: 'ed25519'; point: Uint8Array }
	| { kind: 'unsupported'; algorithm: string };

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
