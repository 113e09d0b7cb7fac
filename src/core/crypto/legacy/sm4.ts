// SM4 (GB/T 32907-2016; English text in draft-ribose-cfrg-sm4), for OpenSSL legacy PEM keys
// encrypted with sm4-cbc/cfb/ofb/ctr. Written from the standard's description.

/** The S-box of GB/T 32907 section 6.2 (rows of 16). */
const SBOX = new Uint8Array(
	[
		'd690e9fecce13db716b614c228fb2c05',
		'2b679a762abe04c3aa44132649860699',
		'9c4250f491ef987a33540b43edcfac62',
		'e4b31ca9c908e89580df94fa758f3fa6',
		'4707a7fcf37317ba83593c19e6854fa8',
		'686b81b27164da8bf8eb0f4b70569d35',
		'1e240e5e6358d1a225227c3b01217887',
		'd40046579fd327524c3602e7a0c4c89e',
		'eabf8ad240c738b5a3f7f2cef96115a1',
		'e0ae5da49b341a55ad933230f58cb1e3',
		'1df6e22e8266ca60c02923ab0d534e6f',
		'd5db3745defd8e2f03ff6a726d6c5b51',
		'8d1baf92bbddbc7f11d95c411f105ad8',
		'0ac13188a5cd7bbd2d74d012b8e5b4b0',
		'8969974a0c96777e65b9f109c56ec684',
		'18f07dec3adc4d2079ee5f3ed7cb3948',
	]
		.join('')
		.match(/../g)
		?.map((h) => parseInt(h, 16)) ?? [],
);
/** Exported for the test that checks the table is a permutation. */
export const SM4_SBOX: Readonly<Uint8Array> = SBOX;

const FK = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];
/** CK: byte j of word i is (4i + j) * 7 mod 256 (section 7.3). */
const CK = Array.from({ length: 32 }, (_, i) =>
	[0, 1, 2, 3].reduce((acc, j) => ((acc << 8) | (((4 * i + j) * 7) & 0xff)) >>> 0, 0),
);

const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
const tau = (a: number) =>
	(((SBOX[a >>> 24] ?? 0) << 24) |
		((SBOX[(a >>> 16) & 0xff] ?? 0) << 16) |
		((SBOX[(a >>> 8) & 0xff] ?? 0) << 8) |
		(SBOX[a & 0xff] ?? 0)) >>>
	0;
/** T for the rounds (L) and T' for the key schedule (L'). */
const t = (x: number) => {
	const b = tau(x);
	return (b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24)) >>> 0;
};
const tKey = (x: number) => {
	const b = tau(x);
	return (b ^ rotl(b, 13) ^ rotl(b, 23)) >>> 0;
};

const words = (b: Uint8Array) =>
	[0, 4, 8, 12].map(
		(i) =>
			(((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>>
			0,
	);

/** The 32 round keys, in encryption order. */
export function sm4Key(key: Uint8Array): number[] {
	if (key.length !== 16) throw new RangeError('SM4 needs a 16-byte key');
	const k = words(key).map((w, i) => (w ^ (FK[i] ?? 0)) >>> 0);
	const rk: number[] = [];
	for (let i = 0; i < 32; i++) {
		const next =
			((k[i] ?? 0) ^ tKey((k[i + 1] ?? 0) ^ (k[i + 2] ?? 0) ^ (k[i + 3] ?? 0) ^ (CK[i] ?? 0))) >>>
			0;
		k.push(next);
		rk.push(next);
	}
	return rk;
}

function crypt(rk: number[], block: Uint8Array): Uint8Array {
	if (block.length !== 16) throw new RangeError('SM4 works on 16-byte blocks');
	const x = words(block);
	for (let i = 0; i < 32; i++)
		x.push(
			((x[i] ?? 0) ^ t((x[i + 1] ?? 0) ^ (x[i + 2] ?? 0) ^ (x[i + 3] ?? 0) ^ (rk[i] ?? 0))) >>> 0,
		);
	// the output is the last four words reversed (X35, X34, X33, X32)
	const out = new Uint8Array(16);
	[35, 34, 33, 32].forEach((w, j) => {
		const v = x[w] ?? 0;
		out.set([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff], 4 * j);
	});
	return out;
}

export const sm4EncryptBlock = (rk: number[], block: Uint8Array) => crypt(rk, block);
/** Decryption is encryption with the round keys reversed. */
export const sm4DecryptBlock = (rk: number[], block: Uint8Array) => crypt([...rk].reverse(), block);
