// RSA private-key operation over BigInt (with CRT), plus PKCS#1 v1.5 and OAEP decoding with any
// digest/MGF1 pair: WebCrypto has no rsa-1_5 and ties the MGF1 hash to the OAEP digest
// (shared/notes/libraries.md section 5). Used only where WebCrypto cannot do the job.
import { CryptoError, ParseError } from '../errors';
import { children, readTlv, type Tlv } from '../asn1/der';
import type { SyncHash } from './hashes';
import { modPow } from './modular';

export interface RsaPrivateKey {
	n: bigint;
	e: bigint;
	d: bigint;
	p: bigint;
	q: bigint;
	dp: bigint;
	dq: bigint;
	qinv: bigint;
	/** Modulus length in bytes (k in PKCS#1). */
	size: number;
}

function bigintOf(bytes: Uint8Array, tlv: Tlv): bigint {
	let v = 0n;
	for (let i = tlv.contentStart; i < tlv.end; i++) v = (v << 8n) | BigInt(bytes[i] ?? 0);
	return v;
}

export function bytesToBigint(bytes: Uint8Array): bigint {
	let v = 0n;
	for (const b of bytes) v = (v << 8n) | BigInt(b);
	return v;
}

export function bigintToBytes(v: bigint, length: number): Uint8Array {
	const out = new Uint8Array(length);
	for (let i = length - 1; i >= 0; i--) {
		out[i] = Number(v & 0xffn);
		v >>= 8n;
	}
	return out;
}

/** Reads the RSAPrivateKey inside a PKCS#8 PrivateKeyInfo. */
export function parseRsaPkcs8(pkcs8: Uint8Array): RsaPrivateKey {
	const outer = readTlv(pkcs8);
	const top = outer ? children(pkcs8, outer) : null;
	const octets = top?.[2];
	if (!octets || octets.tag !== 0x04)
		throw new ParseError('rsa/not-pkcs8', 'not a PKCS#8 RSA private key');
	const inner = readTlv(pkcs8, octets.contentStart, octets.end);
	const parts = inner ? children(pkcs8, inner) : null;
	if (!parts || parts.length < 9 || parts.some((p) => p.tag !== 0x02)) {
		throw new ParseError('rsa/not-pkcs1', 'not a PKCS#1 RSAPrivateKey');
	}
	const [, n, e, d, p, q, dp, dq, qinv] = parts.map((t) => bigintOf(pkcs8, t)) as [
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
		bigint,
	];
	return { n, e, d, p, q, dp, dq, qinv, size: Math.ceil(n.toString(16).length / 2) };
}

/** m = c^d mod n through the CRT; returns the k-byte encoded message. */
export function rsaPrivateRaw(key: RsaPrivateKey, ciphertext: Uint8Array): Uint8Array {
	if (ciphertext.length !== key.size)
		throw new CryptoError('rsa/ciphertext-length', 'ciphertext length differs from the modulus');
	const c = bytesToBigint(ciphertext);
	if (c >= key.n) throw new CryptoError('rsa/ciphertext-range', 'ciphertext out of range');
	const m1 = modPow(c, key.dp, key.p);
	const m2 = modPow(c, key.dq, key.q);
	let h = ((m1 - m2) * key.qinv) % key.p;
	if (h < 0n) h += key.p;
	return bigintToBytes(m2 + h * key.q, key.size);
}

/** EME-PKCS1-v1_5 decoding (RFC 8017 7.2.2); null when the block is malformed. */
export function pkcs1v15Unpad(em: Uint8Array): Uint8Array | null {
	if (em.length < 11 || em[0] !== 0 || em[1] !== 2) return null;
	let sep = -1;
	for (let i = 2; i < em.length; i++) {
		if (em[i] === 0) {
			sep = i;
			break;
		}
	}
	if (sep < 10) return null;
	return em.slice(sep + 1);
}

function mgf1(hash: SyncHash, seed: Uint8Array, length: number): Uint8Array {
	const out = new Uint8Array(length);
	const input = new Uint8Array(seed.length + 4);
	input.set(seed);
	for (let counter = 0, at = 0; at < length; counter++) {
		new DataView(input.buffer).setUint32(seed.length, counter);
		const block = hash.hash(input);
		out.set(block.subarray(0, Math.min(block.length, length - at)), at);
		at += block.length;
	}
	return out;
}

/** EME-OAEP decoding (RFC 8017 7.1.2) with independent digest and MGF1 hash; null when invalid. */
export function oaepDecode(
	em: Uint8Array,
	digest: SyncHash,
	mgfHash: SyncHash,
	label: Uint8Array,
): Uint8Array | null {
	const hLen = digest.outputLen;
	const k = em.length;
	if (k < 2 * hLen + 2) return null;
	const maskedSeed = em.subarray(1, 1 + hLen);
	const maskedDb = em.subarray(1 + hLen);
	const seedMask = mgf1(mgfHash, maskedDb, hLen);
	const seed = maskedSeed.map((b, i) => b ^ (seedMask[i] ?? 0));
	const dbMask = mgf1(mgfHash, seed, k - hLen - 1);
	const db = maskedDb.map((b, i) => b ^ (dbMask[i] ?? 0));
	const lHash = digest.hash(label);
	let bad = em[0] ?? 1;
	for (let i = 0; i < hLen; i++) bad |= (db[i] ?? 0) ^ (lHash[i] ?? 0);
	let sep = -1;
	for (let i = hLen; i < db.length; i++) {
		const b = db[i] ?? 0;
		if (b === 1) {
			sep = i;
			break;
		}
		if (b !== 0) return null;
	}
	if (bad !== 0 || sep < 0) return null;
	return db.slice(sep + 1);
}
