// Reads a SubjectPublicKeyInfo: algorithm, size or curve, RSA exponent, and a comparable
// public-key identity used to pair private keys with certificates across files.
import * as asn1js from 'asn1js';
import { assertBerDepth } from '../asn1/der';
import { toHex } from '../bytes/encoding';
import { CURVES, KEY_ALGORITHMS } from './oids';

export interface PublicKeyInfo {
	algorithm: string;
	algorithmOid: string;
	keySize: number | null;
	curve: string | null;
	curveOid: string | null;
	/** Explicit (non-named) EC domain parameters. */
	explicitCurve: boolean;
	/** RSA public exponent in decimal. */
	rsaExponent: string | null;
	/** Comparable identity of the public key ("rsa:<n hex>", "ec:<point hex>", …), or null. */
	identity: string | null;
}

export function bitLength(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length && bytes[i] === 0) i++;
	if (i === bytes.length) return 0;
	const first = bytes[i] ?? 0;
	return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

export function stripZeros(bytes: Uint8Array): Uint8Array {
	let i = 0;
	while (i < bytes.length - 1 && bytes[i] === 0) i++;
	return bytes.subarray(i);
}

export function bigIntOf(bytes: Uint8Array): bigint {
	return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
}

function asView(data: Uint8Array): ArrayBuffer {
	return data.slice().buffer;
}

/**
 * asn1js (3.1) stops at 10,000 elements by default, which a CRL of 6,000 revoked certificates
 * (three elements each) exceeds: it was an "unreadable CRL". Every element takes at least two bytes and the depth
 * is checked first (assertBerDepth), so a bound proportional to the input keeps the work linear.
 */
function maxNodes(data: Uint8Array): number {
	return Math.max(10_000, data.length);
}

/**
 * Parses DER whose OCTET/BIT STRING contents the caller reads as bytes: asn1js otherwise tries
 * to decode every such content as nested ASN.1 (each extension value, the public key, the
 * signature), which is most of the work of decoding a certificate. No copy of the input either:
 * the decoded values are views into `data`, which callers do not change.
 */
export function parseDerFlat(data: Uint8Array): asn1js.AsnType | null {
	assertBerDepth(data);
	const r = asn1js.fromBER(data, {
		parseEmbedded: false,
		copyInput: false,
		maxNodes: maxNodes(data),
	});
	return r.offset === -1 ? null : r.result;
}

/** Parses DER into an asn1js value or returns null. */
export function parseDer(data: Uint8Array): asn1js.AsnType | null {
	assertBerDepth(data);
	const r = asn1js.fromBER(asView(data), { maxNodes: maxNodes(data) });
	return r.offset === -1 ? null : r.result;
}

export function integerBytes(v: unknown): Uint8Array | null {
	return v instanceof asn1js.Integer ? new Uint8Array(v.valueBlock.valueHexView) : null;
}

export function rsaIdentity(modulus: Uint8Array): string {
	return 'rsa:' + toHex(stripZeros(modulus));
}

/** Analyzes SPKI parts: algorithm OID, parameters (asn1js value or null) and key bits. */
export function analyzePublicKey(
	algorithmOid: string,
	params: asn1js.AsnType | null | undefined,
	keyBits: Uint8Array,
): PublicKeyInfo {
	const info: PublicKeyInfo = {
		algorithm: KEY_ALGORITHMS[algorithmOid] ?? algorithmOid,
		algorithmOid,
		keySize: null,
		curve: null,
		curveOid: null,
		explicitCurve: false,
		rsaExponent: null,
		identity: null,
	};
	if (info.algorithm === 'RSA') {
		const seq = parseDerFlat(keyBits);
		if (seq instanceof asn1js.Sequence) {
			const n = integerBytes(seq.valueBlock.value[0]);
			const e = integerBytes(seq.valueBlock.value[1]);
			if (n) {
				info.keySize = bitLength(n);
				info.identity = rsaIdentity(n);
			}
			if (e) info.rsaExponent = bigIntOf(e).toString();
		}
	} else if (info.algorithm === 'EC') {
		if (params instanceof asn1js.ObjectIdentifier) {
			const oid = params.valueBlock.toString();
			const curve = CURVES[oid];
			info.curveOid = oid;
			info.curve = curve?.name ?? oid;
			info.keySize = curve?.bits ?? null;
		} else if (params instanceof asn1js.Sequence) {
			info.explicitCurve = true;
			info.curve = 'explicit parameters';
			// keySize from the field size: a prime field's p is the second element's INTEGER.
			const field = params.valueBlock.value[1];
			if (field instanceof asn1js.Sequence) {
				const p = integerBytes(field.valueBlock.value[1]);
				if (p) info.keySize = bitLength(p);
			}
		}
		info.identity = 'ec:' + toHex(keyBits);
	} else if (info.algorithm === 'Ed25519' || info.algorithm === 'X25519') {
		info.keySize = 256;
		info.curve = info.algorithm;
		info.identity = info.algorithm.toLowerCase() + ':' + toHex(keyBits);
	} else if (info.algorithm === 'Ed448' || info.algorithm === 'X448') {
		info.keySize = 448;
		info.curve = info.algorithm;
		info.identity = info.algorithm.toLowerCase() + ':' + toHex(keyBits);
	} else if (info.algorithm === 'DSA' || info.algorithm === 'DH') {
		if (params instanceof asn1js.Sequence) {
			const p = integerBytes(params.valueBlock.value[0]);
			if (p) info.keySize = bitLength(p);
		}
		const y = integerBytes(parseDer(keyBits));
		if (y) info.identity = info.algorithm.toLowerCase() + ':' + toHex(stripZeros(y));
	}
	return info;
}

/** Analyzes a DER SubjectPublicKeyInfo. */
export function analyzeSpki(spki: Uint8Array): PublicKeyInfo | null {
	const seq = parseDer(spki);
	if (!(seq instanceof asn1js.Sequence)) return null;
	const [alg, bits] = seq.valueBlock.value;
	if (!(alg instanceof asn1js.Sequence) || !(bits instanceof asn1js.BitString)) return null;
	const oid = alg.valueBlock.value[0];
	if (!(oid instanceof asn1js.ObjectIdentifier)) return null;
	return analyzePublicKey(
		oid.valueBlock.toString(),
		alg.valueBlock.value[1],
		new Uint8Array(bits.valueBlock.valueHexView),
	);
}
