// Key derivation for XML Encryption 1.1 key agreement and derived keys: ConcatKDF (NIST SP
// 800-56A, as xmlenc11 profiles it), PBKDF2 and HKDF (through WebCrypto).
import { toArrayBuffer, toHex } from '../bytes/encoding';
import { ParseError, UnsupportedError } from '../errors';
import { pbkdf2 as nobleKdf } from '@noble/hashes/pbkdf2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { chargeKdf, derivationCost, KDF_NATIVE_LIMIT } from './budget';

const PBKDF2_HASHES: Record<string, CHash> = {
	'SHA-1': sha1,
	'SHA-256': sha256,
	'SHA-384': sha384,
	'SHA-512': sha512,
};
import type { SyncHash } from './hashes';

const HASH_BYTES: Record<string, number> = {
	'SHA-1': 20,
	'SHA-256': 32,
	'SHA-384': 48,
	'SHA-512': 64,
};

/** K = H(1‖Z‖OtherInfo) ‖ H(2‖Z‖OtherInfo) … truncated to `length` bytes. */
export function concatKdf(
	hash: SyncHash,
	z: Uint8Array,
	otherInfo: Uint8Array,
	length: number,
): Uint8Array {
	const out = new Uint8Array(length);
	const input = new Uint8Array(4 + z.length + otherInfo.length);
	input.set(z, 4);
	input.set(otherInfo, 4 + z.length);
	for (let counter = 1, at = 0; at < length; counter++) {
		new DataView(input.buffer).setUint32(0, counter);
		const block = hash.hash(input);
		out.set(block.subarray(0, Math.min(block.length, length - at)), at);
		at += block.length;
	}
	return out;
}

/**
 * A ConcatKDFParams attribute: hex whose first octet counts padding bits (xmlenc11 5.4.1).
 * Only whole octets occur in practice; anything else is refused.
 */
export function concatKdfParam(hex: string | null): Uint8Array {
	const clean = (hex ?? '').trim();
	if (clean === '') return new Uint8Array();
	if (!/^([0-9a-fA-F]{2})+$/.test(clean))
		throw new ParseError('xmlenc/concat-kdf-param-not-hex', 'ConcatKDF parameter is not hex');
	if (clean.slice(0, 2) !== '00')
		throw new UnsupportedError(
			'xmlenc/concat-kdf-param-padding',
			'ConcatKDF parameter with padding bits',
		);
	const out = new Uint8Array(clean.length / 2 - 1);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 + i * 2, 4 + i * 2), 16);
	return out;
}

/**
 * Derived keys, kept for the worker's lifetime (the newest MEMO_SIZE): the page
 * re-runs the analysis after every change (a file added, a trust toggled), and an envelope whose
 * derived keys cost tens of seconds would cost them again each time, holding back the file just
 * added. The budget is still charged on a hit, so a result never depends on the runs before it.
 */
const memo = new Map<string, Uint8Array>();
const MEMO_SIZE = 64;
/** Derivations cheaper than this (hash iterations) are not worth keeping. */
const MEMO_FROM = 100_000;
/** Derivations run and answered from the memo (read by the tests). */
export const memoStats = { derived: 0, reused: 0 };

export async function pbkdf2(
	hash: string,
	password: Uint8Array,
	salt: Uint8Array,
	iterations: number,
	length: number,
): Promise<Uint8Array> {
	// checked before any work: the message chooses both the count and the key length
	chargeKdf(`PBKDF2-${hash}`, iterations, Math.ceil(length / (HASH_BYTES[hash] ?? 20)));
	const cost = derivationCost(iterations, Math.ceil(length / 32));
	const id =
		cost > MEMO_FROM ? [hash, toHex(password), toHex(salt), iterations, length].join(':') : null;
	const known = id === null ? undefined : memo.get(id);
	if (known) {
		memoStats.reused++;
		return known.slice();
	}
	const derived =
		cost > KDF_NATIVE_LIMIT
			? // stops with the worker on Cancel (see KDF_NATIVE_LIMIT)
				nobleKdf(PBKDF2_HASHES[hash]!, password, salt, { c: iterations, dkLen: length })
			: await native(hash, password, salt, iterations, length);
	if (id !== null) {
		memoStats.derived++;
		memo.set(id, derived.slice());
		if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value ?? '');
	}
	return derived;
}

async function native(
	hash: string,
	password: Uint8Array,
	salt: Uint8Array,
	iterations: number,
	length: number,
): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', toArrayBuffer(password), 'PBKDF2', false, [
		'deriveBits',
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash, salt: toArrayBuffer(salt), iterations },
		key,
		length * 8,
	);
	return new Uint8Array(bits);
}

export async function hkdf(
	hash: string,
	ikm: Uint8Array,
	salt: Uint8Array,
	info: Uint8Array,
	length: number,
): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', toArrayBuffer(ikm), 'HKDF', false, [
		'deriveBits',
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash, salt: toArrayBuffer(salt), info: toArrayBuffer(info) },
		key,
		length * 8,
	);
	return new Uint8Array(bits);
}
