// DES and triple DES (EDE), ECB blocks and raw CBC, for legacy formats WebCrypto lacks: PKCS#12
// 3DES bags, JCEKS/PBES1 keys, OpenSSL DEK-Info keys, XML Encryption tripledes-cbc / kw-tripledes.
// Tables are the FIPS 46-3 ones; the fast lookup tables are derived from them once at load.
import { CryptoError } from '../../errors';

const IP = [
	58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64,
	56, 48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53,
	45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const P = [
	16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13,
	30, 6, 22, 11, 4, 25,
];
const PC1 = [
	57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60,
	52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21,
	13, 5, 28, 20, 12, 4,
];
const PC2 = [
	14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52,
	31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// S-boxes 1..8, each four rows of sixteen.
const S: readonly (readonly number[])[] = [
	[
		14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11,
		9, 5, 3, 8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5,
		11, 3, 14, 10, 0, 6, 13,
	],
	[
		15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10,
		6, 9, 11, 5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2,
		11, 6, 7, 12, 0, 5, 14, 9,
	],
	[
		10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12,
		11, 15, 1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4,
		15, 14, 3, 11, 5, 2, 12,
	],
	[
		7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1,
		10, 14, 9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9,
		4, 5, 11, 12, 7, 2, 14,
	],
	[
		2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10,
		3, 9, 8, 6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6,
		15, 0, 9, 10, 4, 5, 3,
	],
	[
		12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14,
		0, 11, 3, 8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10,
		11, 14, 1, 7, 6, 0, 8, 13,
	],
	[
		4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12,
		2, 15, 8, 6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9,
		5, 0, 15, 14, 2, 3, 12,
	],
	[
		13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11,
		0, 14, 9, 2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13,
		15, 12, 9, 0, 3, 5, 6, 11,
	],
];

/** S-box i as a table indexed by the six input bits (row = outer bits, column = inner four). */
function sbox(i: number): number[] {
	const table = S[i] ?? [];
	const out: number[] = [];
	for (let v = 0; v < 64; v++) {
		const row = ((v >> 4) & 2) | (v & 1);
		const col = (v >> 1) & 15;
		out.push(table[row * 16 + col] ?? 0);
	}
	return out;
}

/** SP[i][six bits] = P(S_i(six bits) in nibble i), as a 32-bit word. */
function spTables(): Uint32Array[] {
	const sp: Uint32Array[] = [];
	for (let i = 0; i < 8; i++) {
		const box = sbox(i);
		const table = new Uint32Array(64);
		for (let v = 0; v < 64; v++) {
			const nibbleWord = ((box[v] ?? 0) << (28 - 4 * i)) >>> 0;
			let out = 0;
			for (let b = 0; b < 32; b++) {
				const src = P[b] ?? 1;
				if ((nibbleWord >>> (32 - src)) & 1) out |= 1 << (31 - b);
			}
			table[v] = out >>> 0;
		}
		sp.push(table);
	}
	return sp;
}

/** A 64-bit permutation as 8 byte-indexed tables of (hi, lo) contributions. */
function permutationTables(perm: readonly number[]): Uint32Array {
	const t = new Uint32Array(8 * 256 * 2);
	for (let byte = 0; byte < 8; byte++) {
		for (let v = 0; v < 256; v++) {
			let hi = 0;
			let lo = 0;
			for (let out = 0; out < 64; out++) {
				const src = (perm[out] ?? 1) - 1;
				if (src >> 3 !== byte) continue;
				if ((v >> (7 - (src & 7))) & 1) {
					if (out < 32) hi |= 1 << (31 - out);
					else lo |= 1 << (63 - out);
				}
			}
			t[(byte * 256 + v) * 2] = hi >>> 0;
			t[(byte * 256 + v) * 2 + 1] = lo >>> 0;
		}
	}
	return t;
}
interface DesTables {
	sp: Uint32Array[];
	ip: Uint32Array;
	fp: Uint32Array;
}
let built: DesTables | null = null;

/**
 * The tables, built on first use: about a million steps that every engine start paid when they
 * were built at load (a tenth of a cold envelope drop's script run), for a cipher only legacy
 * keystores and 3DES messages use.
 */
function tables(): DesTables {
	if (built) return built;
	const fpPerm: number[] = new Array<number>(64).fill(0);
	IP.forEach((src, out) => (fpPerm[src - 1] = out + 1));
	built = { sp: spTables(), ip: permutationTables(IP), fp: permutationTables(fpPerm) };
	return built;
}

function permute(t: Uint32Array, hi: number, lo: number, out: Uint32Array): void {
	let h = 0;
	let l = 0;
	for (let byte = 0; byte < 8; byte++) {
		const v = byte < 4 ? (hi >>> (24 - 8 * byte)) & 255 : (lo >>> (56 - 8 * byte)) & 255;
		const at = (byte * 256 + v) * 2;
		h |= t[at] ?? 0;
		l |= t[at + 1] ?? 0;
	}
	out[0] = h >>> 0;
	out[1] = l >>> 0;
}

/** The 16 round keys of one DES key, each as eight 6-bit values (128 entries). */
export function desKeySchedule(key: Uint8Array): Uint8Array {
	if (key.length !== 8) throw new CryptoError('des/key-length', 'A DES key is 8 bytes');
	const bit = (n: number) => ((key[(n - 1) >> 3] ?? 0) >> (7 - ((n - 1) & 7))) & 1;
	let c = 0;
	let d = 0;
	for (let i = 0; i < 28; i++) c = (c << 1) | bit(PC1[i] ?? 1);
	for (let i = 28; i < 56; i++) d = (d << 1) | bit(PC1[i] ?? 1);
	const ks = new Uint8Array(128);
	for (let round = 0; round < 16; round++) {
		const s = SHIFTS[round] ?? 1;
		c = ((c << s) | (c >>> (28 - s))) & 0x0fffffff;
		d = ((d << s) | (d >>> (28 - s))) & 0x0fffffff;
		const cdBit = (n: number) => (n <= 28 ? (c >>> (28 - n)) & 1 : (d >>> (56 - n)) & 1);
		for (let j = 0; j < 8; j++) {
			let six = 0;
			for (let k = 0; k < 6; k++) six = (six << 1) | cdBit(PC2[j * 6 + k] ?? 1);
			ks[round * 8 + j] = six;
		}
	}
	return ks;
}

const SCRATCH = new Uint32Array(2);

/** One DES block in place on (hi, lo) words; `decrypt` runs the round keys backwards. */
function desRounds(ks: Uint8Array, decrypt: boolean, io: Uint32Array): void {
	const { sp, ip, fp } = tables();
	permute(ip, io[0] ?? 0, io[1] ?? 0, SCRATCH);
	let l = SCRATCH[0] ?? 0;
	let r = SCRATCH[1] ?? 0;
	const s0 = sp[0]!,
		s1 = sp[1]!,
		s2 = sp[2]!,
		s3 = sp[3]!;
	const s4 = sp[4]!,
		s5 = sp[5]!,
		s6 = sp[6]!,
		s7 = sp[7]!;
	for (let round = 0; round < 16; round++) {
		const k = (decrypt ? 15 - round : round) * 8;
		// E expansion: rotate right by one, then chunk i is the top six bits after rotating left 4i.
		const e = ((r >>> 1) | (r << 31)) >>> 0;
		const f =
			s0[((e >>> 26) ^ (ks[k] ?? 0)) & 63]! ^
			s1[(((e >>> 22) | (e << 10)) ^ (ks[k + 1] ?? 0)) & 63]! ^
			s2[((e >>> 18) ^ (ks[k + 2] ?? 0)) & 63]! ^
			s3[((e >>> 14) ^ (ks[k + 3] ?? 0)) & 63]! ^
			s4[((e >>> 10) ^ (ks[k + 4] ?? 0)) & 63]! ^
			s5[((e >>> 6) ^ (ks[k + 5] ?? 0)) & 63]! ^
			s6[((e >>> 2) ^ (ks[k + 6] ?? 0)) & 63]! ^
			s7[(((e << 2) | (e >>> 30)) ^ (ks[k + 7] ?? 0)) & 63]!;
		const next = (l ^ f) >>> 0;
		l = r;
		r = next;
	}
	permute(fp, r, l, io);
}

/** Key schedules of a 3DES key: 24 bytes (K1,K2,K3) or 16 bytes (K1,K2,K1). */
export function tripleDesKeySchedules(key: Uint8Array): [Uint8Array, Uint8Array, Uint8Array] {
	if (key.length !== 24 && key.length !== 16)
		throw new CryptoError('3des/key-length', 'A 3DES key is 24 (or 16) bytes');
	const k1 = desKeySchedule(key.subarray(0, 8));
	const k2 = desKeySchedule(key.subarray(8, 16));
	const k3 = key.length === 24 ? desKeySchedule(key.subarray(16, 24)) : k1;
	return [k1, k2, k3];
}

type BlockFn = (io: Uint32Array) => void;

function singleBlock(key: Uint8Array, decrypt: boolean): BlockFn {
	const ks = desKeySchedule(key);
	return (io) => desRounds(ks, decrypt, io);
}

function tripleBlock(key: Uint8Array, decrypt: boolean): BlockFn {
	const [k1, k2, k3] = tripleDesKeySchedules(key);
	return decrypt
		? (io) => {
				desRounds(k3, true, io);
				desRounds(k2, false, io);
				desRounds(k1, true, io);
			}
		: (io) => {
				desRounds(k1, false, io);
				desRounds(k2, true, io);
				desRounds(k3, false, io);
			};
}

function readWords(src: Uint8Array, at: number, io: Uint32Array): void {
	io[0] =
		(((src[at] ?? 0) << 24) |
			((src[at + 1] ?? 0) << 16) |
			((src[at + 2] ?? 0) << 8) |
			(src[at + 3] ?? 0)) >>>
		0;
	io[1] =
		(((src[at + 4] ?? 0) << 24) |
			((src[at + 5] ?? 0) << 16) |
			((src[at + 6] ?? 0) << 8) |
			(src[at + 7] ?? 0)) >>>
		0;
}

function writeWords(dst: Uint8Array, at: number, io: Uint32Array): void {
	const h = io[0] ?? 0;
	const l = io[1] ?? 0;
	dst[at] = h >>> 24;
	dst[at + 1] = h >>> 16;
	dst[at + 2] = h >>> 8;
	dst[at + 3] = h;
	dst[at + 4] = l >>> 24;
	dst[at + 5] = l >>> 16;
	dst[at + 6] = l >>> 8;
	dst[at + 7] = l;
}

function ecb(block: BlockFn, data: Uint8Array): Uint8Array {
	if (data.length % 8 !== 0)
		throw new CryptoError('des/partial-block', 'DES data must be a multiple of 8 bytes');
	const out = new Uint8Array(data.length);
	const io = new Uint32Array(2);
	for (let at = 0; at < data.length; at += 8) {
		readWords(data, at, io);
		block(io);
		writeWords(out, at, io);
	}
	return out;
}

function cbcDecrypt(block: BlockFn, iv: Uint8Array, data: Uint8Array): Uint8Array {
	if (iv.length !== 8) throw new CryptoError('des/iv-length', 'A DES IV is 8 bytes');
	if (data.length % 8 !== 0)
		throw new CryptoError('des/partial-block', 'DES-CBC data must be a multiple of 8 bytes');
	const out = new Uint8Array(data.length);
	const io = new Uint32Array(2);
	for (let at = 0; at < data.length; at += 8) {
		readWords(data, at, io);
		block(io);
		writeWords(out, at, io);
		const prev = at === 0 ? iv : data.subarray(at - 8, at);
		for (let i = 0; i < 8; i++) out[at + i] = (out[at + i] ?? 0) ^ (prev[i] ?? 0);
	}
	return out;
}

function cbcEncrypt(block: BlockFn, iv: Uint8Array, data: Uint8Array): Uint8Array {
	if (iv.length !== 8) throw new CryptoError('des/iv-length', 'A DES IV is 8 bytes');
	if (data.length % 8 !== 0)
		throw new CryptoError('des/partial-block', 'DES-CBC data must be a multiple of 8 bytes');
	const out = new Uint8Array(data.length);
	const io = new Uint32Array(2);
	const x = new Uint8Array(8);
	for (let at = 0; at < data.length; at += 8) {
		const prev = at === 0 ? iv : out.subarray(at - 8, at);
		for (let i = 0; i < 8; i++) x[i] = (data[at + i] ?? 0) ^ (prev[i] ?? 0);
		readWords(x, 0, io);
		block(io);
		writeWords(out, at, io);
	}
	return out;
}

/** Single-DES ECB over whole blocks. */
export function desEcb(key: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
	return ecb(singleBlock(key, decrypt), data);
}

/** 3DES-EDE ECB over whole blocks (24- or 16-byte key). */
export function tripleDesEcb(key: Uint8Array, data: Uint8Array, decrypt: boolean): Uint8Array {
	return ecb(tripleBlock(key, decrypt), data);
}

/** Raw single-DES-CBC decryption; the caller removes the padding. */
export function desCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	return cbcDecrypt(singleBlock(key, true), iv, data);
}

export function desCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	return cbcEncrypt(singleBlock(key, false), iv, data);
}

/** Raw 3DES-EDE-CBC decryption (no unpadding: the caller unpads). Key 24 bytes, IV 8 bytes. */
export function tripleDesCbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	return cbcDecrypt(tripleBlock(key, true), iv, data);
}

/** Raw 3DES-EDE-CBC encryption of whole blocks (the caller pads). */
export function tripleDesCbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	return cbcEncrypt(tripleBlock(key, false), iv, data);
}

/** PKCS#5/#7 padding removal; returns null when the padding is malformed (often: wrong key). */
export function unpadPkcs7(data: Uint8Array, blockSize = 8): Uint8Array | null {
	const n = data[data.length - 1] ?? 0;
	if (data.length === 0 || data.length % blockSize !== 0 || n < 1 || n > blockSize) return null;
	for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) return null;
	return data.subarray(0, data.length - n);
}
