// RC2-CBC (RFC 2268) decryption, for PKCS#12 certificate bags of OpenSSL -legacy, OpenSSL 1.1 and
// old keytool files (pbeWithSHAAnd40BitRC2-CBC) and PBES1/PBES2 RC2 variants. Decryption only.
import { CryptoError } from '../../errors';

// RFC 2268 section 2: PITABLE, a permutation of 0..255 derived from the digits of pi.
const PITABLE = Uint8Array.from([
	0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
	0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
	0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
	0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
	0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
	0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
	0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
	0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
	0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
	0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
	0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
	0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
	0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
	0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
	0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
	0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
]);

/** Expands a key to 64 16-bit words with `effectiveBits` (RFC 2268 section 2). */
export function rc2KeySchedule(key: Uint8Array, effectiveBits: number): Uint16Array {
	if (key.length < 1 || key.length > 128)
		throw new CryptoError('rc2/key-length', 'An RC2 key is 1 to 128 bytes');
	const L = new Uint8Array(128);
	L.set(key);
	const T = key.length;
	for (let i = T; i < 128; i++) L[i] = PITABLE[((L[i - 1] ?? 0) + (L[i - T] ?? 0)) & 255] ?? 0;
	const T8 = (effectiveBits + 7) >> 3;
	const TM = 255 % (1 << (8 + effectiveBits - 8 * T8));
	L[128 - T8] = PITABLE[(L[128 - T8] ?? 0) & TM] ?? 0;
	for (let i = 127 - T8; i >= 0; i--) L[i] = PITABLE[(L[i + 1] ?? 0) ^ (L[i + T8] ?? 0)] ?? 0;
	const K = new Uint16Array(64);
	for (let i = 0; i < 64; i++) K[i] = (L[2 * i] ?? 0) | ((L[2 * i + 1] ?? 0) << 8);
	return K;
}

function decryptBlock(K: Uint16Array, r: Uint16Array): void {
	let j = 63;
	const rmix = () => {
		for (let i = 3; i >= 0; i--) {
			const x = r[i] ?? 0;
			const rotated = ((x >>> [1, 2, 3, 5][i]!) | (x << (16 - [1, 2, 3, 5][i]!))) & 0xffff;
			r[i] =
				(rotated -
					(K[j--] ?? 0) -
					((r[(i + 3) & 3] ?? 0) & (r[(i + 2) & 3] ?? 0)) -
					(~(r[(i + 3) & 3] ?? 0) & (r[(i + 1) & 3] ?? 0))) &
				0xffff;
		}
	};
	const rmash = () => {
		for (let i = 3; i >= 0; i--)
			r[i] = ((r[i] ?? 0) - (K[(r[(i + 3) & 3] ?? 0) & 63] ?? 0)) & 0xffff;
	};
	for (let n = 0; n < 5; n++) rmix();
	rmash();
	for (let n = 0; n < 6; n++) rmix();
	rmash();
	for (let n = 0; n < 5; n++) rmix();
}

/** RFC 2268 section 3: one block encrypted in place (four little-endian 16-bit words). */
function encryptBlock(K: Uint16Array, r: Uint16Array): void {
	let j = 0;
	const s = [1, 2, 3, 5];
	const mix = () => {
		for (let i = 0; i < 4; i++) {
			const x =
				((r[i] ?? 0) +
					(K[j++] ?? 0) +
					((r[(i + 3) & 3] ?? 0) & (r[(i + 2) & 3] ?? 0)) +
					(~(r[(i + 3) & 3] ?? 0) & (r[(i + 1) & 3] ?? 0))) &
				0xffff;
			const k = s[i] ?? 1;
			r[i] = ((x << k) | (x >>> (16 - k))) & 0xffff;
		}
	};
	const mash = () => {
		for (let i = 0; i < 4; i++)
			r[i] = ((r[i] ?? 0) + (K[(r[(i + 3) & 3] ?? 0) & 63] ?? 0)) & 0xffff;
	};
	for (let n = 0; n < 5; n++) mix();
	mash();
	for (let n = 0; n < 6; n++) mix();
	mash();
	for (let n = 0; n < 5; n++) mix();
}

/** An RC2 block encryptor for the stream modes (CFB, OFB) that only run the cipher forward. */
export function rc2BlockEncryptor(
	key: Uint8Array,
	effectiveBits: number,
): (block: Uint8Array) => Uint8Array {
	const K = rc2KeySchedule(key, effectiveBits);
	return (block) => {
		const r = new Uint16Array(4);
		for (let i = 0; i < 4; i++) r[i] = (block[2 * i] ?? 0) | ((block[2 * i + 1] ?? 0) << 8);
		encryptBlock(K, r);
		const out = new Uint8Array(8);
		for (let i = 0; i < 4; i++) {
			out[2 * i] = (r[i] ?? 0) & 255;
			out[2 * i + 1] = (r[i] ?? 0) >>> 8;
		}
		return out;
	};
}

/** Raw RC2-CBC decryption (no unpadding). */
export function rc2CbcDecrypt(
	key: Uint8Array,
	effectiveBits: number,
	iv: Uint8Array,
	data: Uint8Array,
): Uint8Array {
	if (iv.length !== 8) throw new CryptoError('rc2/iv-length', 'An RC2 IV is 8 bytes');
	if (data.length % 8 !== 0)
		throw new CryptoError('rc2/partial-block', 'RC2-CBC data must be a multiple of 8 bytes');
	const K = rc2KeySchedule(key, effectiveBits);
	const out = new Uint8Array(data.length);
	const r = new Uint16Array(4);
	for (let at = 0; at < data.length; at += 8) {
		for (let i = 0; i < 4; i++) r[i] = (data[at + 2 * i] ?? 0) | ((data[at + 2 * i + 1] ?? 0) << 8);
		decryptBlock(K, r);
		const prev = at === 0 ? iv : data.subarray(at - 8, at);
		for (let i = 0; i < 4; i++) {
			out[at + 2 * i] = ((r[i] ?? 0) & 255) ^ (prev[2 * i] ?? 0);
			out[at + 2 * i + 1] = ((r[i] ?? 0) >>> 8) ^ (prev[2 * i + 1] ?? 0);
		}
	}
	return out;
}

/** RC4 (for pbeWithSHAAnd128BitRC4 / 40BitRC4 bags); a stream cipher, so decrypt = encrypt. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
	const S = new Uint8Array(256);
	for (let i = 0; i < 256; i++) S[i] = i;
	for (let i = 0, j = 0; i < 256; i++) {
		j = (j + (S[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
		const t = S[i] ?? 0;
		S[i] = S[j] ?? 0;
		S[j] = t;
	}
	const out = new Uint8Array(data.length);
	for (let n = 0, i = 0, j = 0; n < data.length; n++) {
		i = (i + 1) & 255;
		j = (j + (S[i] ?? 0)) & 255;
		const t = S[i] ?? 0;
		S[i] = S[j] ?? 0;
		S[j] = t;
		out[n] = (data[n] ?? 0) ^ (S[((S[i] ?? 0) + (S[j] ?? 0)) & 255] ?? 0);
	}
	return out;
}
