// ARIA against the example vectors of RFC 5794 appendix A (one per key size), and against
// `openssl enc -aria-{128,192,256}-ecb -nopad` (OpenSSL 3.0) for the NIST SP 800-38A sample keys
// and first plaintext block, and `openssl enc -aria-128-cbc -nopad` for the chaining.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { ariaDecryptBlock, ariaEncryptBlock, ariaKey } from './aria';

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const PLAIN = '00112233445566778899aabbccddeeff';
const VECTORS: [string, string, string][] = [
	// key, plaintext, ciphertext
	[KEY.slice(0, 32), PLAIN, 'd718fbd6ab644c739da95f3be6451778'],
	[KEY.slice(0, 48), PLAIN, '26449c1805dbe7aa25a468ce263a9e79'],
	[KEY, PLAIN, 'f92bd7c79fb72e2f2b8f80c1972d24fc'],
	// openssl enc
	[
		'2b7e151628aed2a6abf7158809cf4f3c',
		'6bc1bee22e409f96e93d7e117393172a',
		'baf07d1f1c72b4926a29a5e2f536e47a',
	],
	[
		'8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
		'6bc1bee22e409f96e93d7e117393172a',
		'365d610b63dc372ea267e4edbbf177df',
	],
	[
		'603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
		'6bc1bee22e409f96e93d7e117393172a',
		'b1f66e8e5c78c83b8edafa0dbef38227',
	],
];

describe('ARIA', () => {
	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = ariaKey(fromHex(key));
		expect(toHex(ariaEncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(ariaDecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('CBC built on the block decryptor reproduces openssl enc -aria-128-cbc', () => {
		const k = ariaKey(fromHex(KEY.slice(0, 32)));
		const c = fromHex('37c7a1f5259e100637798850fdc1fc48bfedcd0784e40c199d526609863bf4ca');
		let prev = fromHex('0f0e0d0c0b0a09080706050403020100');
		const out: string[] = [];
		for (let at = 0; at < c.length; at += 16) {
			const block = c.subarray(at, at + 16);
			out.push(toHex(ariaDecryptBlock(k, block).map((b, i) => b ^ (prev[i] ?? 0))));
			prev = block;
		}
		expect(out.join('')).toBe(PLAIN + PLAIN);
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => ariaKey(new Uint8Array(20))).toThrow(/16-, 24- or 32-byte/);
		expect(() => ariaEncryptBlock(ariaKey(new Uint8Array(16)), new Uint8Array(8))).toThrow(
			/16-byte blocks/,
		);
	});
});
