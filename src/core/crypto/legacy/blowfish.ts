// Blowfish (Schneier, 1993) block encryption and CBC decryption, for OpenSSL legacy PEM keys
// written with DEK-Info BF-CBC (openssl rsa -bf, OpenSSL 1.1 and 3 with the legacy provider).
// The initial P-array and S-boxes are the fractional hexadecimal digits of pi, as the cipher
// defines them: they are computed once (Machin's formula on BigInt) instead of copied as a table.
import { CryptoError } from '../../errors';

/** 18 P-array words then 4 × 256 S-box words: 1042 words = 8336 hex digits of pi. */
const WORDS = 18 + 4 * 256;

let piWords: Uint32Array | null = null;

/** arctan(1/x) scaled by 2^bits (x ≥ 2), by its Taylor series. */
function arctanInv(x: bigint, bits: bigint): bigint {
	const x2 = x * x;
	let term = (1n << bits) / x;
	let sum = term;
	for (let k = 1n; term !== 0n; k++) {
		term /= x2;
		const t = term / (2n * k + 1n);
		sum += k % 2n === 1n ? -t : t;
	}
	return sum;
}

/** The first 1042 32-bit words of pi's fraction (pi = 3.243F6A88 85A308D3 …). */
function initialWords(): Uint32Array {
	if (piWords) return piWords;
	const bits = BigInt(WORDS * 32 + 64); // 64 guard bits absorb the truncation errors
	const pi = 16n * arctanInv(5n, bits) - 4n * arctanInv(239n, bits);
	const fraction = (pi - (3n << bits)) >> 64n;
	const out = new Uint32Array(WORDS);
	for (let i = 0; i < WORDS; i++)
		out[i] = Number((fraction >> BigInt((WORDS - 1 - i) * 32)) & 0xffffffffn);
	piWords = out;
	return out;
}

/** An expanded Blowfish key (key schedule done). */
export interface BlowfishKey {
	p: Uint32Array;
	s: Uint32Array;
}

function f(s: Uint32Array, x: number): number {
	const a = s[x >>> 24] ?? 0;
	const b = s[256 + ((x >>> 16) & 0xff)] ?? 0;
	const c = s[512 + ((x >>> 8) & 0xff)] ?? 0;
	const d = s[768 + (x & 0xff)] ?? 0;
	return ((((a + b) >>> 0) ^ c) + d) >>> 0;
}

function encryptWords(k: BlowfishKey, l: number, r: number): [number, number] {
	for (let i = 0; i < 16; i++) {
		l = (l ^ (k.p[i] ?? 0)) >>> 0;
		r = (r ^ f(k.s, l)) >>> 0;
		[l, r] = [r, l];
	}
	[l, r] = [r, l];
	r = (r ^ (k.p[16] ?? 0)) >>> 0;
	l = (l ^ (k.p[17] ?? 0)) >>> 0;
	return [l, r];
}

function decryptWords(k: BlowfishKey, l: number, r: number): [number, number] {
	for (let i = 17; i > 1; i--) {
		l = (l ^ (k.p[i] ?? 0)) >>> 0;
		r = (r ^ f(k.s, l)) >>> 0;
		[l, r] = [r, l];
	}
	[l, r] = [r, l];
	r = (r ^ (k.p[1] ?? 0)) >>> 0;
	l = (l ^ (k.p[0] ?? 0)) >>> 0;
	return [l, r];
}

/** The Blowfish key schedule; keys of 1 to 72 bytes (OpenSSL's bf-cbc uses 16). */
export function blowfishKey(key: Uint8Array): BlowfishKey {
	if (key.length < 1 || key.length > 72)
		throw new CryptoError('blowfish/key-length', 'A Blowfish key is 1 to 72 bytes');
	const init = initialWords();
	const k: BlowfishKey = { p: init.slice(0, 18), s: init.slice(18) };
	let at = 0;
	for (let i = 0; i < 18; i++) {
		let w = 0;
		for (let j = 0; j < 4; j++) {
			w = ((w << 8) | (key[at] ?? 0)) >>> 0;
			at = (at + 1) % key.length;
		}
		k.p[i] = ((k.p[i] ?? 0) ^ w) >>> 0;
	}
	let l = 0;
	let r = 0;
	for (let i = 0; i < 18; i += 2) {
		[l, r] = encryptWords(k, l, r);
		k.p[i] = l;
		k.p[i + 1] = r;
	}
	for (let i = 0; i < 1024; i += 2) {
		[l, r] = encryptWords(k, l, r);
		k.s[i] = l;
		k.s[i + 1] = r;
	}
	return k;
}

const word = (b: Uint8Array, at: number) =>
	(((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>>
	0;

function put(out: Uint8Array, at: number, w: number): void {
	out[at] = w >>> 24;
	out[at + 1] = (w >>> 16) & 0xff;
	out[at + 2] = (w >>> 8) & 0xff;
	out[at + 3] = w & 0xff;
}

/** One 8-byte block, encrypted (big-endian halves, as the reference code and OpenSSL). */
export function blowfishEncryptBlock(k: BlowfishKey, block: Uint8Array): Uint8Array {
	const [l, r] = encryptWords(k, word(block, 0), word(block, 4));
	const out = new Uint8Array(8);
	put(out, 0, l);
	put(out, 4, r);
	return out;
}

/** CBC decryption without removing padding; `data` is a multiple of 8 bytes. */
export function blowfishCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	if (data.length % 8 !== 0 || iv.length !== 8)
		throw new CryptoError('blowfish/length', 'Blowfish-CBC needs 8-byte blocks and an 8-byte IV');
	const k = blowfishKey(key);
	const out = new Uint8Array(data.length);
	let prevL = word(iv, 0);
	let prevR = word(iv, 4);
	for (let at = 0; at < data.length; at += 8) {
		const cl = word(data, at);
		const cr = word(data, at + 4);
		const [l, r] = decryptWords(k, cl, cr);
		put(out, at, (l ^ prevL) >>> 0);
		put(out, at + 4, (r ^ prevR) >>> 0);
		prevL = cl;
		prevR = cr;
	}
	return out;
}
