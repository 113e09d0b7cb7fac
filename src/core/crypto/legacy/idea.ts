// IDEA (Lai and Massey, 1991), for OpenSSL 1.1 legacy PEM keys encrypted with idea-cbc/cfb/ofb
// (OpenSSL 3 builds leave IDEA out). Written from the published description: 64-bit blocks, a
// 128-bit key, 8 rounds and an output half-round over 16-bit words, with multiplication modulo
// 65537 where the word 0 stands for 65536.

/** The 52 encryption or decryption subkeys, 16-bit words. */
export interface IdeaKey {
	encrypt: Uint16Array;
	decrypt: Uint16Array;
}

/** a·b mod 65537 with 0 read and written as 65536 (2^16 ≡ -1, so 65536·65536 ≡ 1). */
function mul(a: number, b: number): number {
	const x = a === 0 ? 0x10000 : a;
	const y = b === 0 ? 0x10000 : b;
	// x·y < 2^33: exact in a double
	return ((x * y) % 0x10001) & 0xffff;
}

/** The multiplicative inverse modulo 65537 (0 = 65536 is its own inverse), by Fermat. */
function mulInv(a: number): number {
	if (a <= 1) return a; // 0 (= 65536 = -1) and 1 are self-inverse
	let result = 1;
	let base = a;
	// 65537 is prime: a^(65537-2)
	for (let e = 0x10001 - 2; e > 0; e >>>= 1) {
		if (e & 1) result = (result * base) % 0x10001;
		base = (base * base) % 0x10001;
	}
	return result & 0xffff;
}

const addInv = (a: number) => (0x10000 - a) & 0xffff;

/** Expands a 16-byte key: the key's eight words, then the key rotated left 25 bits, and so on. */
export function ideaKey(key: Uint8Array): IdeaKey {
	if (key.length !== 16) throw new RangeError('IDEA takes a 16-byte key');
	let k = 0n;
	for (const b of key) k = (k << 8n) | BigInt(b);
	const mask = (1n << 128n) - 1n;
	const ek = new Uint16Array(52);
	for (let i = 0; i < 52; i++) {
		if (i > 0 && i % 8 === 0) k = ((k << 25n) | (k >> 103n)) & mask;
		ek[i] = Number((k >> BigInt(112 - 16 * (i % 8))) & 0xffffn);
	}
	// Decryption runs the same rounds with the subkeys in reverse order: multiplicative inverses
	// for the multiply keys, additive inverses for the add keys (swapped in the inner rounds, whose
	// output swaps the middle words), and the MA keys of the mirror round unchanged.
	const dk = new Uint16Array(52);
	const e = (i: number) => ek[i] ?? 0;
	for (let r = 0; r < 9; r++) {
		const src = 48 - 6 * r; // the output transform's keys for r = 0, then round 8's, ...
		const inner = r > 0 && r < 8;
		dk[6 * r] = mulInv(e(src));
		dk[6 * r + 1] = addInv(e(src + (inner ? 2 : 1)));
		dk[6 * r + 2] = addInv(e(src + (inner ? 1 : 2)));
		dk[6 * r + 3] = mulInv(e(src + 3));
		if (r < 8) {
			dk[6 * r + 4] = e(src - 2);
			dk[6 * r + 5] = e(src - 1);
		}
	}
	return { encrypt: ek, decrypt: dk };
}

function crypt(k: Uint16Array, block: Uint8Array): Uint8Array {
	if (block.length !== 8) throw new RangeError('IDEA works on 8-byte blocks');
	const w = (i: number) => ((block[2 * i] ?? 0) << 8) | (block[2 * i + 1] ?? 0);
	let x1 = w(0);
	let x2 = w(1);
	let x3 = w(2);
	let x4 = w(3);
	const s = (i: number) => k[i] ?? 0;
	for (let r = 0; r < 8; r++) {
		const o = 6 * r;
		const a = mul(x1, s(o));
		const b = (x2 + s(o + 1)) & 0xffff;
		const c = (x3 + s(o + 2)) & 0xffff;
		const d = mul(x4, s(o + 3));
		const t1 = mul(a ^ c, s(o + 4));
		const t2 = mul((t1 + (b ^ d)) & 0xffff, s(o + 5));
		const t3 = (t1 + t2) & 0xffff;
		x1 = a ^ t2;
		x2 = c ^ t2; // the middle words swap between rounds
		x3 = b ^ t3;
		x4 = d ^ t3;
	}
	// output half-round, which undoes the last swap
	const out = [mul(x1, s(48)), (x3 + s(49)) & 0xffff, (x2 + s(50)) & 0xffff, mul(x4, s(51))];
	const bytes = new Uint8Array(8);
	out.forEach((v, i) => bytes.set([v >>> 8, v & 0xff], 2 * i));
	return bytes;
}

export const ideaEncryptBlock = (key: IdeaKey, block: Uint8Array) => crypt(key.encrypt, block);
export const ideaDecryptBlock = (key: IdeaKey, block: Uint8Array) => crypt(key.decrypt, block);
