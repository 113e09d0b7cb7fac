// DSA signature verification (FIPS 186-4 §4.7) on BigInt, for certificates and CRLs signed with
// dsa-with-SHA1/SHA224/SHA256 (old private PKIs, NIST PKITS 4.1.4–4.1.5), which WebCrypto does not
// offer. Verification only: no secret is handled.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../bytes/encoding';
import { modInverse, modPow } from './modular';

/** DSA domain parameters and public value. */
export interface DsaPublicKey {
	p: bigint;
	q: bigint;
	g: bigint;
	y: bigint;
}

const HASHES: Record<string, (m: Uint8Array) => Uint8Array> = {
	'1.2.840.10040.4.3': sha1,
	'2.16.840.1.101.3.4.3.1': sha224,
	'2.16.840.1.101.3.4.3.2': sha256,
};

/** Whether the OID names a DSA signature algorithm handled here. */
export function isDsaSignature(oid: string): boolean {
	return oid in HASHES;
}

const toBig = (b: Uint8Array) => (b.length === 0 ? 0n : BigInt('0x' + toHex(b)));

/**
 * Verifies a DSA signature given as its r and s values over `message`; null when the signature
 * algorithm is not a DSA one handled here.
 */
export function verifyDsa(
	oid: string,
	key: DsaPublicKey,
	r: bigint,
	s: bigint,
	message: Uint8Array,
): boolean | null {
	const hash = HASHES[oid];
	if (!hash) return null;
	return verifyDsaDigest(key, r, s, hash(message));
}

/**
 * FIPS 186-4 §4.7 over a digest already computed (XML-DSig hashes the SignedInfo itself):
 * z is the leftmost min(N, outlen) bits of the digest, N the bit length of q.
 */
export function verifyDsaDigest(
	key: DsaPublicKey,
	r: bigint,
	s: bigint,
	digest: Uint8Array,
): boolean {
	const { p, q, g, y } = key;
	if (r <= 0n || r >= q || s <= 0n || s >= q || p <= 1n || q <= 1n) return false;
	const n = q.toString(2).length;
	let z = toBig(digest);
	const outBits = digest.length * 8;
	if (outBits > n) z >>= BigInt(outBits - n);
	const w = modInverse(s, q);
	const u1 = (z * w) % q;
	const u2 = (r * w) % q;
	const v = ((modPow(g, u1, p) * modPow(y, u2, p)) % p) % q;
	return v === r;
}
