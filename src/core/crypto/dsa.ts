// DSA signature verification (FIPS 186-4 §4.7) on BigInt, for certificates and CRLs signed with
// dsa-with-SHA1/SHA224/SHA256 (old private PKIs, NIST PKITS 4.1.4–4.1.5), which WebCrypto does not
// offer. Verification only: no secret is handled.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../bytes/encoding';

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

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
	let result = 1n;
	let b = base % mod;
	let e = exp;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % mod;
		b = (b * b) % mod;
		e >>= 1n;
	}
	return result;
}

/** Modular inverse by the extended Euclidean algorithm (`a` and `m` coprime). */
function modInverse(a: bigint, m: bigint): bigint {
	let [oldR, r] = [((a % m) + m) % m, m];
	let [oldS, s] = [1n, 0n];
	while (r !== 0n) {
		const q = oldR / r;
		[oldR, r] = [r, oldR - q * r];
		[oldS, s] = [s, oldS - q * s];
	}
	return ((oldS % m) + m) % m;
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
	const { p, q, g, y } = key;
	if (r <= 0n || r >= q || s <= 0n || s >= q || p <= 1n || q <= 1n) return false;
	const digest = hash(message);
	// z: the leftmost min(N, outlen) bits of the digest (N = bit length of q)
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
