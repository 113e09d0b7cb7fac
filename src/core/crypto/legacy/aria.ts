// ARIA (RFC 5794), for OpenSSL legacy PEM keys encrypted with aria-*-cbc/cfb/ofb/ctr. Written from
// the RFC's description: byte-oriented, the 128-bit key-schedule rotations as BigInt.

const rot8 = (x: number, n: number) => ((x << n) | (x >> (8 - n))) & 0xff;

/** SB1 is the AES S-box (RFC 5794 section 2.4.2): computed, as FIPS 197 defines it. */
const SB1 = (() => {
	const box = new Uint8Array(256);
	let p = 1;
	let q = 1;
	do {
		p = (p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0)) & 0xff; // p * 3
		q ^= q << 1;
		q ^= q << 2;
		q ^= q << 4;
		q &= 0xff;
		if (q & 0x80) q ^= 0x09; // q / 3
		box[p] = q ^ rot8(q, 1) ^ rot8(q, 2) ^ rot8(q, 3) ^ rot8(q, 4) ^ 0x63;
	} while (p !== 1);
	box[0] = 0x63;
	return box;
})();

/** SB2 of RFC 5794 section 2.4.2 (the table as the RFC prints it). */
const SB2 = new Uint8Array([
	0xe2, 0x4e, 0x54, 0xfc, 0x94, 0xc2, 0x4a, 0xcc, 0x62, 0x0d, 0x6a, 0x46, 0x3c, 0x4d, 0x8b, 0xd1,
	0x5e, 0xfa, 0x64, 0xcb, 0xb4, 0x97, 0xbe, 0x2b, 0xbc, 0x77, 0x2e, 0x03, 0xd3, 0x19, 0x59, 0xc1,
	0x1d, 0x06, 0x41, 0x6b, 0x55, 0xf0, 0x99, 0x69, 0xea, 0x9c, 0x18, 0xae, 0x63, 0xdf, 0xe7, 0xbb,
	0x00, 0x73, 0x66, 0xfb, 0x96, 0x4c, 0x85, 0xe4, 0x3a, 0x09, 0x45, 0xaa, 0x0f, 0xee, 0x10, 0xeb,
	0x2d, 0x7f, 0xf4, 0x29, 0xac, 0xcf, 0xad, 0x91, 0x8d, 0x78, 0xc8, 0x95, 0xf9, 0x2f, 0xce, 0xcd,
	0x08, 0x7a, 0x88, 0x38, 0x5c, 0x83, 0x2a, 0x28, 0x47, 0xdb, 0xb8, 0xc7, 0x93, 0xa4, 0x12, 0x53,
	0xff, 0x87, 0x0e, 0x31, 0x36, 0x21, 0x58, 0x48, 0x01, 0x8e, 0x37, 0x74, 0x32, 0xca, 0xe9, 0xb1,
	0xb7, 0xab, 0x0c, 0xd7, 0xc4, 0x56, 0x42, 0x26, 0x07, 0x98, 0x60, 0xd9, 0xb6, 0xb9, 0x11, 0x40,
	0xec, 0x20, 0x8c, 0xbd, 0xa0, 0xc9, 0x84, 0x04, 0x49, 0x23, 0xf1, 0x4f, 0x50, 0x1f, 0x13, 0xdc,
	0xd8, 0xc0, 0x9e, 0x57, 0xe3, 0xc3, 0x7b, 0x65, 0x3b, 0x02, 0x8f, 0x3e, 0xe8, 0x25, 0x92, 0xe5,
	0x15, 0xdd, 0xfd, 0x17, 0xa9, 0xbf, 0xd4, 0x9a, 0x7e, 0xc5, 0x39, 0x67, 0xfe, 0x76, 0x9d, 0x43,
	0xa7, 0xe1, 0xd0, 0xf5, 0x68, 0xf2, 0x1b, 0x34, 0x70, 0x05, 0xa3, 0x8a, 0xd5, 0x79, 0x86, 0xa8,
	0x30, 0xc6, 0x51, 0x4b, 0x1e, 0xa6, 0x27, 0xf6, 0x35, 0xd2, 0x6e, 0x24, 0x16, 0x82, 0x5f, 0xda,
	0xe6, 0x75, 0xa2, 0xef, 0x2c, 0xb2, 0x1c, 0x9f, 0x5d, 0x6f, 0x80, 0x0a, 0x72, 0x44, 0x9b, 0x6c,
	0x90, 0x0b, 0x5b, 0x33, 0x7d, 0x5a, 0x52, 0xf3, 0x61, 0xa1, 0xf7, 0xb0, 0xd6, 0x3f, 0x7c, 0x6d,
	0xed, 0x14, 0xe0, 0xa5, 0x3d, 0x22, 0xb3, 0xf8, 0x89, 0xde, 0x71, 0x1a, 0xaf, 0xba, 0xb5, 0x81,
]);
const inverse = (box: Uint8Array) => {
	const inv = new Uint8Array(256);
	box.forEach((v, i) => (inv[v] = i));
	return inv;
};
/** SB3 and SB4 are the inverses of SB1 and SB2. */
const SB3 = inverse(SB1);
const SB4 = inverse(SB2);
const SL1 = [SB1, SB2, SB3, SB4];
const SL2 = [SB3, SB4, SB1, SB2];

/** The diffusion layer A (RFC 5794 section 2.4.3): output byte i is the XOR of these inputs. */
const A_ROWS = [
	[3, 4, 6, 8, 9, 13, 14],
	[2, 5, 7, 8, 9, 12, 15],
	[1, 4, 6, 10, 11, 12, 15],
	[0, 5, 7, 10, 11, 13, 14],
	[0, 2, 5, 8, 11, 14, 15],
	[1, 3, 4, 9, 10, 14, 15],
	[0, 2, 7, 9, 10, 12, 13],
	[1, 3, 6, 8, 11, 12, 13],
	[0, 1, 4, 7, 10, 13, 15],
	[0, 1, 5, 6, 11, 12, 14],
	[2, 3, 5, 6, 8, 13, 15],
	[2, 3, 4, 7, 9, 12, 14],
	[1, 2, 6, 7, 9, 11, 12],
	[0, 3, 6, 7, 8, 10, 13],
	[0, 3, 4, 5, 9, 11, 14],
	[1, 2, 4, 5, 8, 10, 15],
];
const diffuse = (x: Uint8Array): Uint8Array =>
	Uint8Array.from(A_ROWS, (row) => row.reduce((acc, i) => acc ^ (x[i] ?? 0), 0));
const substitute = (x: Uint8Array, layer: Uint8Array[]): Uint8Array =>
	x.map((v, i) => layer[i % 4]?.[v] ?? 0);
const xor = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((v, i) => v ^ (b[i] ?? 0));
/** Odd and even round functions. */
const fo = (d: Uint8Array, rk: Uint8Array) => diffuse(substitute(xor(d, rk), SL1));
const fe = (d: Uint8Array, rk: Uint8Array) => diffuse(substitute(xor(d, rk), SL2));

const M128 = (1n << 128n) - 1n;
const toBig = (b: Uint8Array) => b.reduce((acc, v) => (acc << 8n) | BigInt(v), 0n);
const toBytes = (x: bigint) => {
	const out = new Uint8Array(16);
	for (let j = 0; j < 16; j++) out[j] = Number((x >> BigInt(120 - 8 * j)) & 0xffn);
	return out;
};
/** Right rotation of a 128-bit value (left rotation by n is right rotation by 128 - n). */
const rotr = (x: bigint, n: number) => ((x >> BigInt(n)) | (x << BigInt(128 - n))) & M128;
const C = [
	0x517cc1b727220a94fe13abe8fa9a6ee0n,
	0x6db14acc9e21c820ff28b1d5ef5de2b0n,
	0xdb92371d2126e9700324977504e8c90en,
].map(toBytes);

/** The encryption and decryption round keys of one key. */
export interface AriaKey {
	enc: Uint8Array[];
	dec: Uint8Array[];
}

export function ariaKey(key: Uint8Array): AriaKey {
	if (key.length !== 16 && key.length !== 24 && key.length !== 32)
		throw new RangeError('ARIA needs a 16-, 24- or 32-byte key');
	const kl = key.subarray(0, 16);
	const kr = new Uint8Array(16);
	kr.set(key.subarray(16));
	// CK1..CK3: C1 C2 C3 rotated by the key size (128: from C1, 192: from C2, 256: from C3)
	const first = (key.length - 16) / 8;
	const ck = (i: number) => C[(first + i) % 3] ?? new Uint8Array(16);
	const w0 = kl;
	const w1 = xor(fo(w0, ck(0)), kr);
	const w2 = xor(fe(w1, ck(1)), w0);
	const w3 = xor(fo(w2, ck(2)), w1);
	const [b0, b1, b2, b3] = [w0, w1, w2, w3].map(toBig) as [bigint, bigint, bigint, bigint];
	const enc: Uint8Array[] = [];
	// ek1..ek16: each W xored with the next one rotated right by 19, 31, then left by 61, 31
	for (const r of [19, 31, 128 - 61, 128 - 31]) {
		enc.push(toBytes(b0 ^ rotr(b1, r)));
		enc.push(toBytes(b1 ^ rotr(b2, r)));
		enc.push(toBytes(b2 ^ rotr(b3, r)));
		enc.push(toBytes(rotr(b0, r) ^ b3));
	}
	enc.push(toBytes(b0 ^ rotr(b1, 128 - 19))); // ek17
	const rounds = key.length === 16 ? 12 : key.length === 24 ? 14 : 16;
	enc.length = rounds + 1;
	// dk1 = ek(n+1), dk(i) = A(ek(n+2-i)), dk(n+1) = ek1
	const dec = enc.map((_, i) => {
		const k = enc[rounds - i] ?? new Uint8Array(16);
		return i === 0 || i === rounds ? k : diffuse(k);
	});
	return { enc, dec };
}

function crypt(rk: Uint8Array[], block: Uint8Array): Uint8Array {
	if (block.length !== 16) throw new RangeError('ARIA works on 16-byte blocks');
	const n = rk.length - 1;
	const k = (i: number) => rk[i] ?? new Uint8Array(16);
	let p = block;
	for (let i = 0; i < n - 1; i++) p = i % 2 === 0 ? fo(p, k(i)) : fe(p, k(i));
	return xor(substitute(xor(p, k(n - 1)), SL2), k(n));
}

export const ariaEncryptBlock = (key: AriaKey, block: Uint8Array) => crypt(key.enc, block);
export const ariaDecryptBlock = (key: AriaKey, block: Uint8Array) => crypt(key.dec, block);
