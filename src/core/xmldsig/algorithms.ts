// Digest and signature algorithms of XML-DSig 1.0/1.1 and xmldsig-more: WebCrypto where it has
// the primitive (SHA-1/2, ECDSA, RSA-PSS), BigInt for RSA PKCS#1 v1.5 (any hash, incl. SHA-224)
// and DSA, @noble/hashes for SHA-224, MD5/RIPEMD-160 digests and HMAC (any output length).
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_384, sha3_512, sha3_224 } from '@noble/hashes/sha3.js';
import { digestInput } from '../bytes/digest';
import { fromHex, toArrayBuffer, toBase64Url } from '../bytes/encoding';
import { UnsupportedError } from '../errors';
import { modPow } from '../crypto/modular';
import { verifyDsaDigest, type DsaPublicKey } from '../crypto/dsa';
import { verifyEcdsaDigest } from './ecdsa';
import type { PublicKey } from '../x509/certificate-key';
import { NS } from '../xml/namespaces';

export type HashName =
	| 'sha1'
	| 'sha224'
	| 'sha256'
	| 'sha384'
	| 'sha512'
	| 'md5'
	| 'ripemd160'
	| 'sha3-224'
	| 'sha3-256'
	| 'sha3-384'
	| 'sha3-512';

const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const MORE07 = 'http://www.w3.org/2007/05/xmldsig-more#';
const DS = NS.ds;
const ENC = NS.xenc;
const DS11 = NS.dsig11;

export const DIGESTS: Record<string, HashName> = {
	[DS + 'sha1']: 'sha1',
	[MORE + 'sha224']: 'sha224',
	[ENC + 'sha256']: 'sha256',
	[MORE + 'sha384']: 'sha384',
	[ENC + 'sha512']: 'sha512',
	[MORE + 'md5']: 'md5',
	[ENC + 'ripemd160']: 'ripemd160',
	[MORE07 + 'sha3-224']: 'sha3-224',
	[MORE07 + 'sha3-256']: 'sha3-256',
	[MORE07 + 'sha3-384']: 'sha3-384',
	[MORE07 + 'sha3-512']: 'sha3-512',
};

export type SignatureFamily = 'rsa' | 'rsa-pss' | 'ecdsa' | 'dsa' | 'hmac' | 'eddsa';

export interface SignatureAlgorithm {
	family: SignatureFamily;
	hash: HashName;
}

export const SIGNATURES: Record<string, SignatureAlgorithm> = {
	[DS + 'rsa-sha1']: { family: 'rsa', hash: 'sha1' },
	[MORE + 'rsa-sha224']: { family: 'rsa', hash: 'sha224' },
	[MORE + 'rsa-sha256']: { family: 'rsa', hash: 'sha256' },
	[MORE + 'rsa-sha384']: { family: 'rsa', hash: 'sha384' },
	[MORE + 'rsa-sha512']: { family: 'rsa', hash: 'sha512' },
	[MORE + 'rsa-md5']: { family: 'rsa', hash: 'md5' },
	[MORE + 'rsa-ripemd160']: { family: 'rsa', hash: 'ripemd160' },
	[MORE07 + 'sha1-rsa-MGF1']: { family: 'rsa-pss', hash: 'sha1' },
	[MORE07 + 'sha224-rsa-MGF1']: { family: 'rsa-pss', hash: 'sha224' },
	[MORE07 + 'sha256-rsa-MGF1']: { family: 'rsa-pss', hash: 'sha256' },
	[MORE07 + 'sha384-rsa-MGF1']: { family: 'rsa-pss', hash: 'sha384' },
	[MORE07 + 'sha512-rsa-MGF1']: { family: 'rsa-pss', hash: 'sha512' },
	[MORE07 + 'rsa-pss']: { family: 'rsa-pss', hash: 'sha256' },
	[DS + 'dsa-sha1']: { family: 'dsa', hash: 'sha1' },
	[DS11 + 'dsa-sha256']: { family: 'dsa', hash: 'sha256' },
	[MORE + 'ecdsa-sha1']: { family: 'ecdsa', hash: 'sha1' },
	[MORE + 'ecdsa-sha224']: { family: 'ecdsa', hash: 'sha224' },
	[MORE + 'ecdsa-sha256']: { family: 'ecdsa', hash: 'sha256' },
	[MORE + 'ecdsa-sha384']: { family: 'ecdsa', hash: 'sha384' },
	[MORE + 'ecdsa-sha512']: { family: 'ecdsa', hash: 'sha512' },
	[DS + 'hmac-sha1']: { family: 'hmac', hash: 'sha1' },
	[MORE + 'hmac-sha224']: { family: 'hmac', hash: 'sha224' },
	[MORE + 'hmac-sha256']: { family: 'hmac', hash: 'sha256' },
	[MORE + 'hmac-sha384']: { family: 'hmac', hash: 'sha384' },
	[MORE + 'hmac-sha512']: { family: 'hmac', hash: 'sha512' },
	[MORE + 'hmac-md5']: { family: 'hmac', hash: 'md5' },
	[MORE + 'hmac-ripemd160']: { family: 'hmac', hash: 'ripemd160' },
	[MORE + 'eddsa-ed25519']: { family: 'eddsa', hash: 'sha512' },
	['http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519']: { family: 'eddsa', hash: 'sha512' },
};

/** @noble/hashes by name: one-shot here, `.create()` for the incremental digest (stream-digest.ts). */
export const NOBLE_HASHES = {
	sha1,
	sha224,
	sha256,
	sha384,
	sha512,
	md5,
	ripemd160,
	'sha3-224': sha3_224,
	'sha3-256': sha3_256,
	'sha3-384': sha3_384,
	'sha3-512': sha3_512,
} as const;

const WEBCRYPTO: Partial<Record<HashName, string>> = {
	sha1: 'SHA-1',
	sha256: 'SHA-256',
	sha384: 'SHA-384',
	sha512: 'SHA-512',
};

export const HASH_BYTES: Record<HashName, number> = {
	sha1: 20,
	sha224: 28,
	sha256: 32,
	sha384: 48,
	sha512: 64,
	md5: 16,
	ripemd160: 20,
	'sha3-224': 28,
	'sha3-256': 32,
	'sha3-384': 48,
	'sha3-512': 64,
};

export async function hash(name: HashName, data: Uint8Array): Promise<Uint8Array> {
	const wc = WEBCRYPTO[name];
	if (wc && data.length > 4096) {
		return new Uint8Array(await globalThis.crypto.subtle.digest(wc, digestInput(data)));
	}
	return NOBLE_HASHES[name](data);
}

export function hmacBytes(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
	return hmac(NOBLE_HASHES[name], key, data);
}

const DIGEST_INFO: Partial<Record<HashName, string>> = {
	sha1: '3021300906052b0e03021a05000414',
	sha224: '302d300d06096086480165030402040500041c',
	sha256: '3031300d060960864801650304020105000420',
	sha384: '3041300d060960864801650304020205000430',
	sha512: '3051300d060960864801650304020305000440',
	md5: '3020300c06082a864886f70d020505000410',
	ripemd160: '3021300906052b2403020105000414',
};

function bytesToBigint(b: Uint8Array): bigint {
	let hex = '';
	for (const x of b) hex += x.toString(16).padStart(2, '0');
	return hex ? BigInt('0x' + hex) : 0n;
}

function bigintBytes(v: bigint, length: number): Uint8Array {
	const hex = v.toString(16).padStart(length * 2, '0');
	return fromHex(hex.length > length * 2 ? hex : hex);
}

function bitLength(v: bigint): number {
	return v.toString(2).length;
}

/** RSASSA-PKCS1-v1_5 verification with BigInt (works for every hash, incl. SHA-224 and MD5). */
function verifyRsaPkcs1(
	key: { n: bigint; e: bigint },
	h: HashName,
	digest: Uint8Array,
	sig: Uint8Array,
): boolean {
	const k = Math.ceil(bitLength(key.n) / 8);
	const s = bytesToBigint(sig);
	if (sig.length > k || s >= key.n) return false;
	const em = bigintBytes(modPow(s, key.e, key.n), k);
	const info = DIGEST_INFO[h];
	if (!info) return false;
	const t = new Uint8Array([...fromHex(info), ...digest]);
	if (k < t.length + 11) return false;
	if (em[0] !== 0 || em[1] !== 1) return false;
	const psEnd = k - t.length - 1;
	for (let i = 2; i < psEnd; i++) if (em[i] !== 0xff) return false;
	if (em[psEnd] !== 0) return false;
	for (let i = 0; i < t.length; i++) if (em[psEnd + 1 + i] !== t[i]) return false;
	return true;
}

/** r || s, each half of the signature value (XML-DSig's DSA SignatureValue). */
function verifyDsa(key: DsaPublicKey, digest: Uint8Array, sig: Uint8Array): boolean {
	const half = sig.length / 2;
	return verifyDsaDigest(
		key,
		bytesToBigint(sig.subarray(0, half)),
		bytesToBigint(sig.subarray(half)),
		digest,
	);
}

function b64u(v: bigint): string {
	let hex = v.toString(16);
	if (hex.length % 2) hex = '0' + hex;
	return toBase64Url(fromHex(hex));
}

/** Code of the UnsupportedError for a signature algorithm or key this verifier cannot use. */
export const SIGNATURE_ALGORITHM = 'xmldsig/signature-algorithm';

function algorithmError(message: string): UnsupportedError {
	return new UnsupportedError(SIGNATURE_ALGORITHM, message);
}

const EC_SIZE: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** r || s at the curve's size: some Java producers drop leading zero octets of r and s. */
function ecdsaRaw(sig: Uint8Array, curve: string): Uint8Array {
	const size = EC_SIZE[curve] ?? sig.length / 2;
	if (sig.length === size * 2 || sig.length % 2 !== 0) return sig;
	const half = sig.length / 2;
	const out = new Uint8Array(size * 2);
	for (const [i, part] of [sig.subarray(0, half), sig.subarray(half)].entries()) {
		let v = part;
		while (v.length > size && v[0] === 0) v = v.subarray(1);
		if (v.length > size) return sig;
		out.set(v, i * size + (size - v.length));
	}
	return out;
}

/** Verifies an asymmetric signature over `data` (the canonical SignedInfo). */
export async function verifyAsymmetric(
	alg: SignatureAlgorithm,
	key: PublicKey,
	data: Uint8Array,
	sig: Uint8Array,
	pssSaltLength?: number,
): Promise<boolean> {
	const subtle = globalThis.crypto.subtle;
	if (key.kind === 'unsupported') throw algorithmError(`unsupported signer key: ${key.algorithm}`);
	switch (alg.family) {
		case 'rsa': {
			if (key.kind !== 'rsa') throw algorithmError(`an RSA signature but a ${key.kind} key`);
			return verifyRsaPkcs1(key, alg.hash, await hash(alg.hash, data), sig);
		}
		case 'rsa-pss': {
			if (key.kind !== 'rsa') throw algorithmError(`an RSA-PSS signature but a ${key.kind} key`);
			const wc = WEBCRYPTO[alg.hash];
			if (!wc) throw algorithmError(`RSA-PSS with ${alg.hash} is not supported`);
			const k = await subtle.importKey(
				'jwk',
				{ kty: 'RSA', n: b64u(key.n), e: b64u(key.e), ext: true },
				{ name: 'RSA-PSS', hash: wc },
				false,
				['verify'],
			);
			return subtle.verify(
				{ name: 'RSA-PSS', saltLength: pssSaltLength ?? HASH_BYTES[alg.hash] },
				k,
				toArrayBuffer(sig),
				toArrayBuffer(data),
			);
		}
		case 'ecdsa': {
			if (key.kind !== 'ec') throw algorithmError(`an ECDSA signature but a ${key.kind} key`);
			const wc = WEBCRYPTO[alg.hash];
			if (!wc)
				return verifyEcdsaDigest(
					key.curve,
					key.point,
					await hash(alg.hash, data),
					ecdsaRaw(sig, key.curve),
				);
			const k = await subtle.importKey(
				'raw',
				toArrayBuffer(key.point),
				{ name: 'ECDSA', namedCurve: key.curve },
				false,
				['verify'],
			);
			return subtle.verify(
				{ name: 'ECDSA', hash: wc },
				k,
				toArrayBuffer(ecdsaRaw(sig, key.curve)),
				toArrayBuffer(data),
			);
		}
		case 'dsa': {
			if (key.kind !== 'dsa') throw algorithmError(`a DSA signature but a ${key.kind} key`);
			return verifyDsa(key, await hash(alg.hash, data), sig);
		}
		case 'eddsa': {
			if (key.kind !== 'ed25519')
				throw algorithmError(`an Ed25519 signature but a ${key.kind} key`);
			const k = await subtle.importKey(
				'raw',
				toArrayBuffer(key.point),
				{ name: 'Ed25519' },
				false,
				['verify'],
			);
			return subtle.verify({ name: 'Ed25519' }, k, toArrayBuffer(sig), toArrayBuffer(data));
		}
		default:
			throw algorithmError(`${alg.family} signatures are not supported`);
	}
}

/** HMAC check of the first `bits` bits (the whole output when bits is null). */
export function verifyHmac(
	h: HashName,
	key: Uint8Array,
	data: Uint8Array,
	sig: Uint8Array,
	bits: number | null,
): boolean {
	const mac = hmacBytes(h, key, data);
	const n = bits ?? mac.length * 8;
	if (n > mac.length * 8 || sig.length !== Math.ceil(n / 8)) return false;
	const full = Math.floor(n / 8);
	let diff = 0;
	for (let i = 0; i < full; i++) diff |= (mac[i] ?? 0) ^ (sig[i] ?? 0);
	const rest = n % 8;
	if (rest) {
		const mask = (0xff << (8 - rest)) & 0xff;
		diff |= ((mac[full] ?? 0) ^ (sig[full] ?? 0)) & mask;
	}
	return diff === 0;
}
