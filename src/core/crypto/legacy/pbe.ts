// Password-based decryption for every scheme keystores and key files use: PBES2 (PBKDF2 + AES,
// 3DES, DES, RC2), PBES1 (MD5/SHA-1 with DES or RC2), PKCS#12 PBE (SHA-1 with 3DES, RC2, RC4)
// and the RFC 7292 appendix B key derivation (also used by the PKCS#12 MAC and BKS).
import * as asn1js from 'asn1js';
import { loadNobleAes } from '../noble-aes';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { integerValue } from '../../asn1/der';
import { UnsupportedError } from '../../errors';
import { chargeKdf } from '../budget';
import { pbkdf2 as pbkdf2Bytes } from '../kdf';
import { desCbcDecrypt, tripleDesCbcDecrypt, unpadPkcs7 } from './des';
import { iterateDigest, iterateMd5WithSuffix } from './iterated';
import { rc2CbcDecrypt, rc4 } from './rc2';

/** The code of an UnsupportedError for a scheme we recognise but cannot run, or do not know. */
export const UNSUPPORTED_PBE = 'pbe/unsupported-algorithm';

/** An algorithm we recognise but cannot run, or do not know; the message names it. */
function unsupported(message: string): UnsupportedError {
	return new UnsupportedError(UNSUPPORTED_PBE, message);
}

/** The old per-count limit, kept for callers; the cost budget (crypto/budget.ts) is what refuses. */
export const MAX_ITERATIONS = 10_000_000;

export interface KdfHooks {
	progress?: (label: string, fraction?: number) => void;
	signal?: AbortSignal;
}

export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'MD5';
type HashFn = (data: Uint8Array) => Uint8Array;

const HASHES: Record<HashName, { fn: HashFn; u: number; v: number }> = {
	'SHA-1': { fn: (d) => sha1(d), u: 20, v: 64 },
	'SHA-224': { fn: (d) => sha224(d), u: 28, v: 64 },
	'SHA-256': { fn: (d) => sha256(d), u: 32, v: 64 },
	'SHA-384': { fn: (d) => sha384(d), u: 48, v: 128 },
	'SHA-512': { fn: (d) => sha512(d), u: 64, v: 128 },
	MD5: { fn: (d) => md5(d), u: 16, v: 64 },
};

export const OID_NAMES: Record<string, string> = {
	'1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
	'1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
	'1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
	'1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
	'1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
	'1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
	'1.2.840.113549.1.5.13': 'PBES2',
	'1.2.840.113549.1.5.12': 'PBKDF2',
	'1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
	'1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
	'1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
	'1.2.840.113549.1.5.6': 'pbeWithMD5AndRC2-CBC',
	'1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
	'1.2.840.113549.1.5.11': 'pbeWithSHA1AndRC2-CBC',
	'1.2.840.113549.1.5.14': 'PBMAC1',
	'1.2.840.113549.2.7': 'hmacWithSHA1',
	'1.2.840.113549.2.8': 'hmacWithSHA224',
	'1.2.840.113549.2.9': 'hmacWithSHA256',
	'1.2.840.113549.2.10': 'hmacWithSHA384',
	'1.2.840.113549.2.11': 'hmacWithSHA512',
	'2.16.840.1.101.3.4.1.2': 'aes128-CBC',
	'2.16.840.1.101.3.4.1.22': 'aes192-CBC',
	'2.16.840.1.101.3.4.1.42': 'aes256-CBC',
	'1.2.840.113549.3.7': 'des-ede3-cbc',
	'1.3.14.3.2.7': 'desCBC',
	'1.2.840.113549.3.2': 'rc2-cbc',
	'1.2.392.200011.61.1.1.1.2': 'camellia128-CBC',
	'1.2.392.200011.61.1.1.1.3': 'camellia192-CBC',
	'1.2.392.200011.61.1.1.1.4': 'camellia256-CBC',
	'1.2.156.10197.1.104.2': 'sm4-CBC',
	'1.3.14.3.2.26': 'SHA-1',
	'2.16.840.1.101.3.4.2.1': 'SHA-256',
	'2.16.840.1.101.3.4.2.2': 'SHA-384',
	'2.16.840.1.101.3.4.2.3': 'SHA-512',
	'2.16.840.1.101.3.4.2.4': 'SHA-224',
	'1.2.840.113549.2.5': 'MD5',
	'1.3.6.1.4.1.42.2.19.1': 'PBEWithMD5AndTripleDES (JCEKS)',
	'1.3.6.1.4.1.42.2.17.1.1': 'JKS key protector (SHA-1 keystream)',
};

export function algorithmName(oid: string): string {
	return OID_NAMES[oid] ?? oid;
}

const PRF_HASH: Record<string, HashName> = {
	'1.2.840.113549.2.7': 'SHA-1',
	'1.2.840.113549.2.8': 'SHA-224',
	'1.2.840.113549.2.9': 'SHA-256',
	'1.2.840.113549.2.10': 'SHA-384',
	'1.2.840.113549.2.11': 'SHA-512',
};

export const DIGEST_HASH: Record<string, HashName> = {
	'1.3.14.3.2.26': 'SHA-1',
	'2.16.840.1.101.3.4.2.1': 'SHA-256',
	'2.16.840.1.101.3.4.2.2': 'SHA-384',
	'2.16.840.1.101.3.4.2.3': 'SHA-512',
	'2.16.840.1.101.3.4.2.4': 'SHA-224',
	'1.2.840.113549.2.5': 'MD5',
};

/** A count below 1 is invalid; the cost of large ones is the budget's to refuse (crypto/budget.ts). */
function checkIterations(n: number): void {
	if (!(n >= 1) || !Number.isInteger(n)) throw unsupported(`invalid iteration count ${n}`);
}

/** PKCS#12 password: BMPString (UTF-16BE) with a two-byte NUL terminator. */
export function pkcs12Password(password: string): Uint8Array {
	const out = new Uint8Array((password.length + 1) * 2);
	for (let i = 0; i < password.length; i++) {
		const c = password.charCodeAt(i);
		out[2 * i] = c >>> 8;
		out[2 * i + 1] = c & 255;
	}
	return out;
}

/** RFC 7292 appendix B.2 key derivation. `password` is already BMP-encoded. */
export function pkcs12Kdf(
	hash: HashName,
	password: Uint8Array,
	salt: Uint8Array,
	iterations: number,
	id: 1 | 2 | 3,
	length: number,
	hooks: KdfHooks = {},
): Uint8Array {
	checkIterations(iterations);
	const { fn, u, v } = HASHES[hash];
	chargeKdf(`PKCS#12 key derivation (${hash})`, iterations, Math.ceil(length / u));
	const fill = (src: Uint8Array) => {
		if (src.length === 0) return new Uint8Array(0);
		const out = new Uint8Array(v * Math.ceil(src.length / v));
		for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] ?? 0;
		return out;
	};
	const S = fill(salt);
	const P = fill(password);
	const I = new Uint8Array(S.length + P.length);
	I.set(S);
	I.set(P, S.length);
	const D = new Uint8Array(v).fill(id);
	const blocks = Math.ceil(length / u);
	const out = new Uint8Array(blocks * u);
	const DI = new Uint8Array(v + I.length);
	DI.set(D);
	for (let b = 0; b < blocks; b++) {
		DI.set(I, v);
		let A = fn(DI);
		if (iterations > 1) {
			if (hash === 'SHA-1' || hash === 'SHA-256') A = iterateDigest(hash, A, iterations - 1, hooks);
			else {
				for (let r = 1; r < iterations; r++) {
					A = fn(A);
					if ((r & 0x3fff) === 0) hooks.signal?.throwIfAborted();
				}
			}
		}
		out.set(A, b * u);
		if (b + 1 < blocks) {
			const B = new Uint8Array(v);
			for (let i = 0; i < v; i++) B[i] = A[i % u] ?? 0;
			for (let j = 0; j < I.length; j += v) {
				let carry = 1;
				for (let k = v - 1; k >= 0; k--) {
					carry += (I[j + k] ?? 0) + (B[k] ?? 0);
					I[j + k] = carry & 255;
					carry >>>= 8;
				}
			}
		}
	}
	return out.subarray(0, length);
}

/** PBKDF1 (PKCS#5 v1.5): T = H(P‖S), then c − 1 times T = H(T). */
function pbkdf1(
	hash: HashName,
	password: Uint8Array,
	salt: Uint8Array,
	iterations: number,
	hooks: KdfHooks,
): Uint8Array {
	checkIterations(iterations);
	chargeKdf(`PBES1 key derivation (${hash})`, iterations, 1);
	const { fn } = HASHES[hash];
	const first = new Uint8Array(password.length + salt.length);
	first.set(password);
	first.set(salt, password.length);
	const T = fn(first);
	if (iterations === 1) return T;
	if (hash === 'SHA-1') return iterateDigest('SHA-1', T, iterations - 1, hooks);
	if (hash === 'MD5') return iterateMd5WithSuffix(T, new Uint8Array(0), iterations - 1, hooks) ?? T;
	let out = T;
	for (let r = 1; r < iterations; r++) out = fn(out);
	return out;
}

export async function pbkdf2(
	hash: HashName,
	password: Uint8Array,
	salt: Uint8Array,
	iterations: number,
	length: number,
): Promise<Uint8Array> {
	checkIterations(iterations);
	if (hash === 'MD5' || hash === 'SHA-224') throw unsupported(`PBKDF2 with ${hash}`);
	// the one PBKDF2 (crypto/kdf.ts): charged to the budget, WebCrypto or a cancellable fallback
	return await pbkdf2Bytes(hash, password, salt, iterations, length);
}

function octets(v: unknown): Uint8Array | null {
	return v instanceof asn1js.OctetString ? new Uint8Array(v.valueBlock.valueHexView) : null;
}
function int(v: unknown): number | null {
	return v instanceof asn1js.Integer ? integerValue(v) : null;
}
function oidOf(v: unknown): string | null {
	return v instanceof asn1js.ObjectIdentifier ? v.valueBlock.toString() : null;
}

/** What protects some data: for reports (KEYSTORE-PKCS12-WEAK-PBE) and messages. */
export interface PbeDescription {
	/** The algorithm the user would recognise: 'PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC)'. */
	name: string;
	schemeOid: string;
	/** For PBES2: the cipher and PRF. */
	cipher: string;
	prf: string | null;
	iterations: number | null;
}

export function describePbe(alg: asn1js.Sequence): PbeDescription {
	const oid = oidOf(alg.valueBlock.value[0]) ?? '?';
	const params = alg.valueBlock.value[1];
	if (oid === '1.2.840.113549.1.5.13' && params instanceof asn1js.Sequence) {
		const [kdf, scheme] = params.valueBlock.value;
		let prf = 'hmacWithSHA1';
		let iterations: number | null = null;
		let kdfName = '?';
		if (kdf instanceof asn1js.Sequence) {
			kdfName = algorithmName(oidOf(kdf.valueBlock.value[0]) ?? '?');
			const kp = kdf.valueBlock.value[1];
			if (kp instanceof asn1js.Sequence) {
				iterations = int(kp.valueBlock.value[1]);
				const last = kp.valueBlock.value[kp.valueBlock.value.length - 1];
				if (last instanceof asn1js.Sequence)
					prf = algorithmName(oidOf(last.valueBlock.value[0]) ?? '?');
			}
		}
		const cipher =
			scheme instanceof asn1js.Sequence
				? algorithmName(oidOf(scheme.valueBlock.value[0]) ?? '?')
				: '?';
		return {
			name: `PBES2 (${kdfName} ${prf}, ${cipher})`,
			schemeOid: oid,
			cipher,
			prf,
			iterations,
		};
	}
	const iterations = params instanceof asn1js.Sequence ? int(params.valueBlock.value[1]) : null;
	return {
		name: algorithmName(oid),
		schemeOid: oid,
		cipher: algorithmName(oid),
		prf: null,
		iterations,
	};
}

/**
 * Decrypts data protected by a password-based AlgorithmIdentifier. Returns null when the
 * padding is wrong after decryption (almost always a wrong password); throws
 * an UnsupportedError (UNSUPPORTED_PBE) for schemes it does not implement, naming them.
 */
export async function pbeDecrypt(
	alg: asn1js.Sequence,
	password: string,
	data: Uint8Array,
	hooks: KdfHooks = {},
	/** PKCS#12 passwords: alternative BMP encodings to try (the empty password has two). */
	bmpOverride?: Uint8Array,
): Promise<Uint8Array | null> {
	const oid = oidOf(alg.valueBlock.value[0]) ?? '?';
	const params = alg.valueBlock.value[1];
	const utf8 = new TextEncoder().encode(password);
	if (oid.startsWith('1.2.840.113549.1.12.1.') && params instanceof asn1js.Sequence) {
		const salt = octets(params.valueBlock.value[0]);
		const iterations = int(params.valueBlock.value[1]);
		if (!salt || iterations === null)
			throw unsupported(`${algorithmName(oid)} with malformed parameters`);
		const pw = bmpOverride ?? pkcs12Password(password);
		const kdf = (id: 1 | 2, n: number) => pkcs12Kdf('SHA-1', pw, salt, iterations, id, n, hooks);
		switch (oid) {
			case '1.2.840.113549.1.12.1.3':
				return unpadPkcs7(tripleDesCbcDecrypt(kdf(1, 24), kdf(2, 8), data));
			case '1.2.840.113549.1.12.1.4':
				return unpadPkcs7(tripleDesCbcDecrypt(kdf(1, 16), kdf(2, 8), data));
			case '1.2.840.113549.1.12.1.5':
				return unpadPkcs7(rc2CbcDecrypt(kdf(1, 16), 128, kdf(2, 8), data));
			case '1.2.840.113549.1.12.1.6':
				return unpadPkcs7(rc2CbcDecrypt(kdf(1, 5), 40, kdf(2, 8), data));
			case '1.2.840.113549.1.12.1.1':
				return rc4(kdf(1, 16), data);
			case '1.2.840.113549.1.12.1.2':
				return rc4(kdf(1, 5), data);
		}
	}
	if (oid === '1.2.840.113549.1.5.13' && params instanceof asn1js.Sequence) {
		const [kdf, scheme] = params.valueBlock.value;
		if (!(kdf instanceof asn1js.Sequence) || !(scheme instanceof asn1js.Sequence)) {
			throw unsupported('PBES2 with malformed parameters');
		}
		const kdfOid = oidOf(kdf.valueBlock.value[0]);
		if (kdfOid !== '1.2.840.113549.1.5.12') {
			throw unsupported(`PBES2 with key derivation ${algorithmName(kdfOid ?? '?')}`);
		}
		const kp = kdf.valueBlock.value[1];
		if (!(kp instanceof asn1js.Sequence)) throw unsupported('PBKDF2 with malformed parameters');
		const salt = octets(kp.valueBlock.value[0]);
		const iterations = int(kp.valueBlock.value[1]);
		let keyLength: number | null = null;
		let prfOid = '1.2.840.113549.2.7';
		for (const item of kp.valueBlock.value.slice(2)) {
			if (item instanceof asn1js.Integer) keyLength = integerValue(item);
			if (item instanceof asn1js.Sequence) prfOid = oidOf(item.valueBlock.value[0]) ?? prfOid;
		}
		const hash = PRF_HASH[prfOid];
		if (!salt || iterations === null) throw unsupported('PBKDF2 with an explicit salt source');
		if (!hash) throw unsupported(`PBKDF2 with PRF ${algorithmName(prfOid)}`);
		const schemeOid = oidOf(scheme.valueBlock.value[0]) ?? '?';
		const sp = scheme.valueBlock.value[1];
		const derive = (n: number) => pbkdf2(hash, utf8, salt, iterations, keyLength ?? n);
		switch (schemeOid) {
			case '2.16.840.1.101.3.4.1.2':
			case '2.16.840.1.101.3.4.1.22':
			case '2.16.840.1.101.3.4.1.42': {
				const iv = octets(sp);
				if (!iv || iv.length !== 16) throw unsupported('AES-CBC without a 16-byte IV');
				const n = schemeOid.endsWith('.2') ? 16 : schemeOid.endsWith('.22') ? 24 : 32;
				if (data.length === 0 || data.length % 16 !== 0) return null;
				const { cbc } = await loadNobleAes();
				const plain = cbc(await derive(n), iv, { disablePadding: true }).decrypt(data);
				return unpadPkcs7(plain, 16);
			}
			case '1.2.840.113549.3.7': {
				const iv = octets(sp);
				if (!iv) throw unsupported('des-ede3-cbc without an IV');
				if (data.length % 8 !== 0) return null;
				return unpadPkcs7(tripleDesCbcDecrypt(await derive(24), iv, data));
			}
			case '1.3.14.3.2.7': {
				const iv = octets(sp);
				if (!iv) throw unsupported('desCBC without an IV');
				if (data.length % 8 !== 0) return null;
				return unpadPkcs7(desCbcDecrypt(await derive(8), iv, data));
			}
			case '1.2.840.113549.3.2': {
				if (!(sp instanceof asn1js.Sequence)) throw unsupported('rc2-cbc without parameters');
				const version = int(sp.valueBlock.value[0]);
				const iv = octets(sp.valueBlock.value[1]);
				const bits =
					version === 160 ? 40 : version === 120 ? 64 : version === 58 ? 128 : (version ?? 32);
				if (!iv) throw unsupported('rc2-cbc without an IV');
				if (data.length % 8 !== 0) return null;
				return unpadPkcs7(rc2CbcDecrypt(await derive(keyLength ?? bits / 8), bits, iv, data));
			}
			default:
				throw unsupported(`PBES2 with cipher ${algorithmName(schemeOid)}`);
		}
	}
	const pbes1: Record<string, [HashName, 'des' | 'rc2']> = {
		'1.2.840.113549.1.5.3': ['MD5', 'des'],
		'1.2.840.113549.1.5.6': ['MD5', 'rc2'],
		'1.2.840.113549.1.5.10': ['SHA-1', 'des'],
		'1.2.840.113549.1.5.11': ['SHA-1', 'rc2'],
	};
	const v1 = pbes1[oid];
	if (v1 && params instanceof asn1js.Sequence) {
		const salt = octets(params.valueBlock.value[0]);
		const iterations = int(params.valueBlock.value[1]);
		if (!salt || iterations === null)
			throw unsupported(`${algorithmName(oid)} with malformed parameters`);
		const dk = pbkdf1(v1[0], utf8, salt, iterations, hooks);
		if (data.length % 8 !== 0) return null;
		const plain =
			v1[1] === 'des'
				? desCbcDecrypt(dk.subarray(0, 8), dk.subarray(8, 16), data)
				: rc2CbcDecrypt(dk.subarray(0, 8), 64, dk.subarray(8, 16), data);
		return unpadPkcs7(plain);
	}
	throw unsupported(algorithmName(oid));
}
