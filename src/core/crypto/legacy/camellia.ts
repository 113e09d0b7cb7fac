// Camellia (RFC 3713), for OpenSSL legacy PEM keys encrypted with camellia-*-cbc/cfb/ofb/ctr.
// Written from the RFC's description; 64-bit halves as BigInt because the key schedule rotates
// 128-bit values and speed does not matter for a few hundred bytes of key.

/** SBOX1 of RFC 3713 section 2.4.4; SBOX2..4 are rotations of it (derived below as the RFC says). */
const SBOX1 = new Uint8Array([
	0x70, 0x82, 0x2c, 0xec, 0xb3, 0x27, 0xc0, 0xe5, 0xe4, 0x85, 0x57, 0x35, 0xea, 0x0c, 0xae, 0x41,
	0x23, 0xef, 0x6b, 0x93, 0x45, 0x19, 0xa5, 0x21, 0xed, 0x0e, 0x4f, 0x4e, 0x1d, 0x65, 0x92, 0xbd,
	0x86, 0xb8, 0xaf, 0x8f, 0x7c, 0xeb, 0x1f, 0xce, 0x3e, 0x30, 0xdc, 0x5f, 0x5e, 0xc5, 0x0b, 0x1a,
	0xa6, 0xe1, 0x39, 0xca, 0xd5, 0x47, 0x5d, 0x3d, 0xd9, 0x01, 0x5a, 0xd6, 0x51, 0x56, 0x6c, 0x4d,
	0x8b, 0x0d, 0x9a, 0x66, 0xfb, 0xcc, 0xb0, 0x2d, 0x74, 0x12, 0x2b, 0x20, 0xf0, 0xb1, 0x84, 0x99,
	0xdf, 0x4c, 0xcb, 0xc2, 0x34, 0x7e, 0x76, 0x05, 0x6d, 0xb7, 0xa9, 0x31, 0xd1, 0x17, 0x04, 0xd7,
	0x14, 0x58, 0x3a, 0x61, 0xde, 0x1b, 0x11, 0x1c, 0x32, 0x0f, 0x9c, 0x16, 0x53, 0x18, 0xf2, 0x22,
	0xfe, 0x44, 0xcf, 0xb2, 0xc3, 0xb5, 0x7a, 0x91, 0x24, 0x08, 0xe8, 0xa8, 0x60, 0xfc, 0x69, 0x50,
	0xaa, 0xd0, 0xa0, 0x7d, 0xa1, 0x89, 0x62, 0x97, 0x54, 0x5b, 0x1e, 0x95, 0xe0, 0xff, 0x64, 0xd2,
	0x10, 0xc4, 0x00, 0x48, 0xa3, 0xf7, 0x75, 0xdb, 0x8a, 0x03, 0xe6, 0xda, 0x09, 0x3f, 0xdd, 0x94,
	0x87, 0x5c, 0x83, 0x02, 0xcd, 0x4a, 0x90, 0x33, 0x73, 0x67, 0xf6, 0xf3, 0x9d, 0x7f, 0xbf, 0xe2,
	0x52, 0x9b, 0xd8, 0x26, 0xc8, 0x37, 0xc6, 0x3b, 0x81, 0x96, 0x6f, 0x4b, 0x13, 0xbe, 0x63, 0x2e,
	0xe9, 0x79, 0xa7, 0x8c, 0x9f, 0x6e, 0xbc, 0x8e, 0x29, 0xf5, 0xf9, 0xb6, 0x2f, 0xfd, 0xb4, 0x59,
	0x78, 0x98, 0x06, 0x6a, 0xe7, 0x46, 0x71, 0xba, 0xd4, 0x25, 0xab, 0x42, 0x88, 0xa2, 0x8d, 0xfa,
	0x72, 0x07, 0xb9, 0x55, 0xf8, 0xee, 0xac, 0x0a, 0x36, 0x49, 0x2a, 0x68, 0x3c, 0x38, 0xf1, 0xa4,
	0x40, 0x28, 0xd3, 0x7b, 0xbb, 0xc9, 0x43, 0xc1, 0x15, 0xe3, 0xad, 0xf4, 0x77, 0xc7, 0x80, 0x9e,
]);
const rot8 = (x: number, n: number) => ((x << n) | (x >> (8 - n))) & 0xff;
const s1 = (x: number) => SBOX1[x] ?? 0;
const s2 = (x: number) => rot8(s1(x), 1);
const s3 = (x: number) => rot8(s1(x), 7);
const s4 = (x: number) => s1(rot8(x, 1));

const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;
const SIGMA = [
	0xa09e667f3bcc908bn,
	0xb67ae8584caa73b2n,
	0xc6ef372fe94f82ben,
	0x54ff53a5f1d36f1cn,
	0x10e527fade682d1dn,
	0xb05688c2b3e6c1fdn,
];

function f(input: bigint, ke: bigint): bigint {
	const x = input ^ ke;
	const b = (i: number) => Number((x >> BigInt(56 - 8 * i)) & 0xffn);
	const t1 = s1(b(0));
	const t2 = s2(b(1));
	const t3 = s3(b(2));
	const t4 = s4(b(3));
	const t5 = s2(b(4));
	const t6 = s3(b(5));
	const t7 = s4(b(6));
	const t8 = s1(b(7));
	const y = [
		t1 ^ t3 ^ t4 ^ t6 ^ t7 ^ t8,
		t1 ^ t2 ^ t4 ^ t5 ^ t7 ^ t8,
		t1 ^ t2 ^ t3 ^ t5 ^ t6 ^ t8,
		t2 ^ t3 ^ t4 ^ t5 ^ t6 ^ t7,
		t1 ^ t2 ^ t6 ^ t7 ^ t8,
		t2 ^ t3 ^ t5 ^ t7 ^ t8,
		t3 ^ t4 ^ t5 ^ t6 ^ t8,
		t1 ^ t4 ^ t5 ^ t6 ^ t7,
	];
	return y.reduce((acc, v) => (acc << 8n) | BigInt(v), 0n);
}

const rot32 = (x: number) => ((x << 1) | (x >>> 31)) >>> 0;
const split = (v: bigint): [number, number] => [Number(v >> 32n), Number(v & 0xffffffffn)];
const join = (hi: number, lo: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

function fl(input: bigint, ke: bigint): bigint {
	let [x1, x2] = split(input);
	const [k1, k2] = split(ke);
	x2 = (x2 ^ rot32((x1 & k1) >>> 0)) >>> 0;
	x1 = (x1 ^ (x2 | k2)) >>> 0;
	return join(x1, x2);
}

function flInv(input: bigint, ke: bigint): bigint {
	let [y1, y2] = split(input);
	const [k1, k2] = split(ke);
	y1 = (y1 ^ (y2 | k2)) >>> 0;
	y2 = (y2 ^ rot32((y1 & k1) >>> 0)) >>> 0;
	return join(y1, y2);
}

const rot128 = (x: bigint, n: number) =>
	n === 0 ? x : ((x << BigInt(n)) | (x >> BigInt(128 - n))) & M128;
const bytesToBig = (b: Uint8Array) => b.reduce((acc, v) => (acc << 8n) | BigInt(v), 0n);

/** A Camellia key schedule: the subkeys in the order encryption uses them, and reversed. */
export interface CamelliaKey {
	enc: bigint[];
	dec: bigint[];
}

export function camelliaKey(key: Uint8Array): CamelliaKey {
	if (key.length !== 16 && key.length !== 24 && key.length !== 32)
		throw new RangeError('Camellia needs a 16-, 24- or 32-byte key');
	const kl = bytesToBig(key.subarray(0, 16));
	let kr = 0n;
	if (key.length === 24) {
		const r = bytesToBig(key.subarray(16, 24));
		kr = (r << 64n) | (~r & M64);
	} else if (key.length === 32) kr = bytesToBig(key.subarray(16, 32));
	let d1 = ((kl ^ kr) >> 64n) & M64;
	let d2 = (kl ^ kr) & M64;
	d2 ^= f(d1, SIGMA[0] ?? 0n);
	d1 ^= f(d2, SIGMA[1] ?? 0n);
	d1 ^= kl >> 64n;
	d2 ^= kl & M64;
	d2 ^= f(d1, SIGMA[2] ?? 0n);
	d1 ^= f(d2, SIGMA[3] ?? 0n);
	const ka = (d1 << 64n) | d2;
	d1 = ((ka ^ kr) >> 64n) & M64;
	d2 = (ka ^ kr) & M64;
	d2 ^= f(d1, SIGMA[4] ?? 0n);
	d1 ^= f(d2, SIGMA[5] ?? 0n);
	const kb = (d1 << 64n) | d2;
	// [source, rotation] pairs of 128-bit values; each gives two 64-bit subkeys (RFC 3713 2.2)
	const both = (x: bigint, n: number) => {
		const r = rot128(x, n);
		return [r >> 64n, r & M64];
	};
	let enc: bigint[];
	if (key.length === 16) {
		enc = [
			...both(kl, 0), // kw1, kw2
			...both(ka, 0), // k1, k2
			...both(kl, 15),
			...both(ka, 15),
			...both(ka, 30), // ke1, ke2
			...both(kl, 45),
			rot128(ka, 45) >> 64n, // k9
			rot128(kl, 60) & M64, // k10
			...both(ka, 60),
			...both(kl, 77), // ke3, ke4
			...both(kl, 94),
			...both(ka, 94),
			...both(kl, 111),
			...both(ka, 111), // kw3, kw4
		];
	} else {
		enc = [
			...both(kl, 0),
			...both(kb, 0),
			...both(kr, 15),
			...both(ka, 15),
			...both(kr, 30), // ke1, ke2
			...both(kb, 30),
			...both(kl, 45),
			...both(ka, 45),
			...both(kl, 60), // ke3, ke4
			...both(kr, 60),
			...both(kb, 60),
			...both(kl, 77),
			...both(ka, 77), // ke5, ke6
			...both(kr, 94),
			...both(ka, 94),
			...both(kl, 111),
			...both(kb, 111), // kw3, kw4
		];
	}
	// Decryption runs the same network with the subkeys reversed, each kw pair kept in order
	const dec = [...enc].reverse();
	[dec[0], dec[1]] = [dec[1] ?? 0n, dec[0] ?? 0n];
	const n = dec.length;
	[dec[n - 2], dec[n - 1]] = [dec[n - 1] ?? 0n, dec[n - 2] ?? 0n];
	return { enc, dec };
}

function crypt(sk: bigint[], block: Uint8Array): Uint8Array {
	if (block.length !== 16) throw new RangeError('Camellia works on 16-byte blocks');
	const k = (i: number) => sk[i] ?? 0n;
	const m = bytesToBig(block);
	let d1 = (m >> 64n) ^ k(0);
	let d2 = (m & M64) ^ k(1);
	let i = 2;
	// 6 rounds, then FL/FL^-1, until only kw3/kw4 are left
	for (;;) {
		for (let r = 0; r < 3; r++) {
			d2 ^= f(d1, k(i++));
			d1 ^= f(d2, k(i++));
		}
		if (i === sk.length - 2) break;
		d1 = fl(d1, k(i++));
		d2 = flInv(d2, k(i++));
	}
	d2 ^= k(i++);
	d1 ^= k(i);
	const c = (d2 << 64n) | d1;
	const out = new Uint8Array(16);
	for (let j = 0; j < 16; j++) out[j] = Number((c >> BigInt(120 - 8 * j)) & 0xffn);
	return out;
}

export const camelliaEncryptBlock = (key: CamelliaKey, block: Uint8Array) => crypt(key.enc, block);
export const camelliaDecryptBlock = (key: CamelliaKey, block: Uint8Array) => crypt(key.dec, block);
