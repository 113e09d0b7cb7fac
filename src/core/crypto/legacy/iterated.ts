// Tight iterated hashing for password-based key derivation: H applied thousands of times to its
// own short output (PKCS#12 KDF, JCEKS PBEWithMD5AndTripleDES). The message always fits one
// block, so each round is a single compression over a preset padded block, with no allocation.

const W = new Int32Array(80);

function sha1Compress(h: Int32Array, block: Int32Array): void {
	for (let i = 0; i < 16; i++) W[i] = block[i]!;
	for (let i = 16; i < 80; i++) {
		const x = W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!;
		W[i] = (x << 1) | (x >>> 31);
	}
	let a = 0x67452301,
		b = 0xefcdab89 | 0,
		c = 0x98badcfe | 0,
		d = 0x10325476,
		e = 0xc3d2e1f0 | 0;
	for (let i = 0; i < 80; i++) {
		let f: number;
		let k: number;
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		const t = (((a << 5) | (a >>> 27)) + f + e + k + W[i]!) | 0;
		e = d;
		d = c;
		c = (b << 30) | (b >>> 2);
		b = a;
		a = t;
	}
	h[0] = 0x67452301 + a;
	h[1] = (0xefcdab89 | 0) + b;
	h[2] = (0x98badcfe | 0) + c;
	h[3] = 0x10325476 + d;
	h[4] = (0xc3d2e1f0 | 0) + e;
}

const K256 = Int32Array.from([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H256 = Int32Array.from([
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

function sha256Compress(h: Int32Array, block: Int32Array): void {
	for (let i = 0; i < 16; i++) W[i] = block[i]!;
	for (let i = 16; i < 64; i++) {
		const x = W[i - 15]!;
		const y = W[i - 2]!;
		const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
		const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
		W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
	}
	let a = H256[0]!,
		b = H256[1]!,
		c = H256[2]!,
		d = H256[3]!;
	let e = H256[4]!,
		f = H256[5]!,
		g = H256[6]!,
		hh = H256[7]!;
	for (let i = 0; i < 64; i++) {
		const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const ch = (e & f) ^ (~e & g);
		const t1 = (hh + S1 + ch + K256[i]! + W[i]!) | 0;
		const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const maj = (a & b) ^ (a & c) ^ (b & c);
		const t2 = (S0 + maj) | 0;
		hh = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	h[0] = H256[0]! + a;
	h[1] = H256[1]! + b;
	h[2] = H256[2]! + c;
	h[3] = H256[3]! + d;
	h[4] = H256[4]! + e;
	h[5] = H256[5]! + f;
	h[6] = H256[6]! + g;
	h[7] = H256[7]! + hh;
}

function wordsBE(bytes: Uint8Array, out: Int32Array): void {
	for (let i = 0; i < out.length; i++) {
		out[i] =
			(bytes[4 * i]! << 24) |
			(bytes[4 * i + 1]! << 16) |
			(bytes[4 * i + 2]! << 8) |
			bytes[4 * i + 3]!;
	}
}

function bytesBE(words: Int32Array, n: number): Uint8Array {
	const out = new Uint8Array(n * 4);
	for (let i = 0; i < n; i++) {
		const w = words[i]!;
		out[4 * i] = w >>> 24;
		out[4 * i + 1] = w >>> 16;
		out[4 * i + 2] = w >>> 8;
		out[4 * i + 3] = w;
	}
	return out;
}

export interface IterateHooks {
	signal?: AbortSignal;
	progress?: (label: string, fraction?: number) => void;
}

/**
 * Applies SHA-1 or SHA-256 `rounds` more times to a digest (A = H(A), rounds times), in place of
 * a loop over a generic hash function.
 */
export function iterateDigest(
	hash: 'SHA-1' | 'SHA-256',
	digest: Uint8Array,
	rounds: number,
	hooks: IterateHooks = {},
): Uint8Array {
	const words = hash === 'SHA-1' ? 5 : 8;
	const compress = hash === 'SHA-1' ? sha1Compress : sha256Compress;
	const block = new Int32Array(16);
	const h = new Int32Array(8);
	wordsBE(digest, h.subarray(0, words));
	block[words] = 0x80000000 | 0;
	block[15] = words * 32;
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < words; i++) block[i] = h[i]!;
		compress(h, block);
		if ((r & 0x7fff) === 0x7fff) {
			hooks.signal?.throwIfAborted();
			hooks.progress?.('deriving the key', r / rounds);
		}
	}
	return bytesBE(h, words);
}

// MD5 (RFC 1321): little-endian words.
const MD5_T = Int32Array.from(
	{ length: 64 },
	(_v, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0,
);
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function md5Compress(h: Int32Array, x: Int32Array): void {
	let a = 0x67452301,
		b = 0xefcdab89 | 0,
		c = 0x98badcfe | 0,
		d = 0x10325476;
	for (let i = 0; i < 64; i++) {
		let f: number;
		let g: number;
		if (i < 16) {
			f = (b & c) | (~b & d);
			g = i;
		} else if (i < 32) {
			f = (d & b) | (~d & c);
			g = (5 * i + 1) & 15;
		} else if (i < 48) {
			f = b ^ c ^ d;
			g = (3 * i + 5) & 15;
		} else {
			f = c ^ (b | ~d);
			g = (7 * i) & 15;
		}
		const s = MD5_S[(i >> 4) * 4 + (i & 3)]!;
		const t = (a + f + MD5_T[i]! + x[g]!) | 0;
		a = d;
		d = c;
		c = b;
		b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
	}
	h[0] = 0x67452301 + a;
	h[1] = (0xefcdab89 | 0) + b;
	h[2] = (0x98badcfe | 0) + c;
	h[3] = 0x10325476 + d;
}

/**
 * JCEKS / PBES1 style chain: t = MD5(t ‖ suffix), `rounds` times, starting from a 16-byte t.
 * Returns null when t ‖ suffix does not fit one block (long passwords): callers fall back.
 */
export function iterateMd5WithSuffix(
	t: Uint8Array,
	suffix: Uint8Array,
	rounds: number,
	hooks: IterateHooks = {},
): Uint8Array | null {
	const len = 16 + suffix.length;
	if (len > 55) return null;
	const bytes = new Uint8Array(64);
	bytes.set(suffix, 16);
	bytes[len] = 0x80;
	const bits = len * 8;
	bytes[56] = bits & 255;
	bytes[57] = bits >>> 8;
	const block = new Int32Array(16);
	for (let i = 4; i < 16; i++) {
		block[i] =
			bytes[4 * i]! |
			(bytes[4 * i + 1]! << 8) |
			(bytes[4 * i + 2]! << 16) |
			(bytes[4 * i + 3]! << 24);
	}
	// Suffix bytes that share a word with t's last bytes never occur: t is exactly 4 words.
	const h = new Int32Array(4);
	for (let i = 0; i < 4; i++)
		h[i] = t[4 * i]! | (t[4 * i + 1]! << 8) | (t[4 * i + 2]! << 16) | (t[4 * i + 3]! << 24);
	for (let r = 0; r < rounds; r++) {
		block[0] = h[0]!;
		block[1] = h[1]!;
		block[2] = h[2]!;
		block[3] = h[3]!;
		md5Compress(h, block);
		if ((r & 0x7fff) === 0x7fff) hooks.signal?.throwIfAborted();
	}
	const out = new Uint8Array(16);
	for (let i = 0; i < 4; i++) {
		const w = h[i]!;
		out[4 * i] = w;
		out[4 * i + 1] = w >>> 8;
		out[4 * i + 2] = w >>> 16;
		out[4 * i + 3] = w >>> 24;
	}
	return out;
}
