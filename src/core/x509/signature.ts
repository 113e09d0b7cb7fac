// Signatures checked straight with WebCrypto: RSA PKCS#1 v1.5 and ECDSA on the NIST curves, the
// algorithms of nearly every certificate and CRL, and DSA on BigInt (crypto/dsa.ts; WebCrypto has
// none). Shared by path validation, the self-signature check of certificates and the CRL
// signature check; callers fall back to a library for the rest.
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes/encoding';
import { isDsaSignature, verifyDsa, type DsaPublicKey } from '../crypto/dsa';
import type { PublicKeyInfo } from './public-key';

const RSA_HASH: Record<string, string> = {
	'1.2.840.113549.1.1.5': 'SHA-1',
	'1.2.840.113549.1.1.11': 'SHA-256',
	'1.2.840.113549.1.1.12': 'SHA-384',
	'1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA_HASH: Record<string, string> = {
	'1.2.840.10045.4.1': 'SHA-1',
	'1.2.840.10045.4.3.2': 'SHA-256',
	'1.2.840.10045.4.3.3': 'SHA-384',
	'1.2.840.10045.4.3.4': 'SHA-512',
};
const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } → WebCrypto's fixed-size r ‖ s. */
function ecdsaRawSignature(der: Uint8Array, size: number): Uint8Array | null {
	const seq = asn1js.fromBER(toArrayBuffer(der)).result;
	if (!(seq instanceof asn1js.Sequence)) return null;
	const out = new Uint8Array(size * 2);
	for (const [i, part] of seq.valueBlock.value.slice(0, 2).entries()) {
		if (!(part instanceof asn1js.Integer)) return null;
		let bytes = new Uint8Array(part.valueBlock.valueHexView);
		while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
		if (bytes.length > size) return null;
		out.set(bytes, i * size + size - bytes.length);
	}
	return out;
}

/** The signer's public key: its SubjectPublicKeyInfo DER and what analyzePublicKey read from it. */
export interface SignerKey {
	spkiDer: Uint8Array;
	key: Pick<PublicKeyInfo, 'algorithm' | 'curve'>;
	/**
	 * DSA domain parameters for a key whose SubjectPublicKeyInfo omits them: RFC 3279 2.3.2 has
	 * them inherited from the issuer's key (the SPKI DER of the certificate above the signer).
	 */
	inheritedDsaSpki?: Uint8Array | null;
}

const ints = (v: asn1js.AsnType | null | undefined): bigint[] | null => {
	if (!(v instanceof asn1js.Sequence)) return null;
	const out: bigint[] = [];
	for (const x of v.valueBlock.value) {
		if (!(x instanceof asn1js.Integer)) return null;
		out.push(x.toBigInt());
	}
	return out;
};

/** p, q, g of a DSA SubjectPublicKeyInfo, null when it carries none. */
function dsaParams(spkiDer: Uint8Array): [bigint, bigint, bigint] | null {
	const spki = asn1js.fromBER(toArrayBuffer(spkiDer)).result;
	const alg = spki instanceof asn1js.Sequence ? spki.valueBlock.value[0] : null;
	const params = alg instanceof asn1js.Sequence ? alg.valueBlock.value[1] : null;
	const pqg = ints(params);
	return pqg && pqg.length === 3 ? [pqg[0] ?? 0n, pqg[1] ?? 0n, pqg[2] ?? 0n] : null;
}

function dsaKey(signer: SignerKey): DsaPublicKey | null {
	const spki = asn1js.fromBER(toArrayBuffer(signer.spkiDer)).result;
	const bits = spki instanceof asn1js.Sequence ? spki.valueBlock.value[1] : null;
	if (!(bits instanceof asn1js.BitString)) return null;
	const y = asn1js.fromBER(bits.valueBlock.valueHexView).result;
	if (!(y instanceof asn1js.Integer)) return null;
	const pqg =
		dsaParams(signer.spkiDer) ??
		(signer.inheritedDsaSpki ? dsaParams(signer.inheritedDsaSpki) : null);
	if (!pqg) return null;
	return { p: pqg[0], q: pqg[1], g: pqg[2], y: y.toBigInt() };
}

/**
 * Whether `signature` (as in the BIT STRING) over `signed` verifies with the signer's key; null
 * when the algorithm or key type is not one handled here.
 */
export async function verifySigned(
	signer: SignerKey,
	signatureOid: string,
	signature: Uint8Array,
	signed: Uint8Array,
): Promise<boolean | null> {
	const rsaHash = RSA_HASH[signatureOid];
	const ecHash = ECDSA_HASH[signatureOid];
	const curve = signer.key.curve;
	if (rsaHash && signer.key.algorithm === 'RSA') {
		const params = { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash };
		const key = await crypto.subtle.importKey(
			'spki',
			toArrayBuffer(signer.spkiDer),
			params,
			false,
			['verify'],
		);
		return crypto.subtle.verify(params, key, toArrayBuffer(signature), toArrayBuffer(signed));
	}
	if (isDsaSignature(signatureOid) && signer.key.algorithm === 'DSA') {
		const key = dsaKey(signer);
		if (!key) return null; // parameters neither in the key nor inherited
		const rs = ints(asn1js.fromBER(toArrayBuffer(signature)).result);
		if (!rs || rs.length !== 2) return false;
		return verifyDsa(signatureOid, key, rs[0] ?? 0n, rs[1] ?? 0n, signed);
	}
	if (ecHash && signer.key.algorithm === 'EC' && curve && CURVE_BYTES[curve]) {
		const raw = ecdsaRawSignature(signature, CURVE_BYTES[curve]);
		if (!raw) return false;
		const key = await crypto.subtle.importKey(
			'spki',
			toArrayBuffer(signer.spkiDer),
			{ name: 'ECDSA', namedCurve: curve },
			false,
			['verify'],
		);
		return crypto.subtle.verify(
			{ name: 'ECDSA', hash: ecHash },
			key,
			toArrayBuffer(raw),
			toArrayBuffer(signed),
		);
	}
	return null;
}
