// SM4 against the first example of GB/T 32907-2016 appendix A (also in draft-ribose-cfrg-sm4) and the
// draft's second block example (both also reproduced with openssl), and
// against `openssl enc -sm4-ecb -nopad` / `-sm4-cbc -nopad` (OpenSSL 3.0) for other keys.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { SM4_SBOX, sm4DecryptBlock, sm4EncryptBlock, sm4Key } from './sm4';

const KEY = '0123456789abcdeffedcba9876543210';
const VECTORS: [string, string, string][] = [
	// key, plaintext, ciphertext
	[KEY, KEY, '681edf34d206965e86b3e94f536e4246'],
	// draft-ribose-cfrg-sm4 appendix A, second example
	[
		'fedcba98765432100123456789abcdef',
		'000102030405060708090a0b0c0d0e0f',
		'f766678f13f01adeac1b3ea955adb594',
	],
	// openssl enc
	[
		'2b7e151628aed2a6abf7158809cf4f3c',
		'6bc1bee22e409f96e93d7e117393172a',
		'a51411ff04a711443891fce7ab842a29',
	],
];

describe('SM4', () => {
	it('the S-box is a permutation of 0..255', () => {
		expect(new Set(SM4_SBOX).size).toBe(256);
	});

	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = sm4Key(fromHex(key));
		expect(toHex(sm4EncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(sm4DecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('CBC built on the block decryptor reproduces openssl enc -sm4-cbc', () => {
		const k = sm4Key(fromHex('000102030405060708090a0b0c0d0e0f'));
		const c = fromHex('890e6ead5b4a7c1079528dbef22c70f06bac50690e1f8479a7efb63ad8607fc4');
		let prev = fromHex('0f0e0d0c0b0a09080706050403020100');
		const out: string[] = [];
		for (let at = 0; at < c.length; at += 16) {
			const block = c.subarray(at, at + 16);
			out.push(toHex(sm4DecryptBlock(k, block).map((b, i) => b ^ (prev[i] ?? 0))));
			prev = block;
		}
		expect(out.join('')).toBe(KEY + KEY);
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => sm4Key(new Uint8Array(24))).toThrow(/16-byte key/);
		expect(() => sm4EncryptBlock(sm4Key(new Uint8Array(16)), new Uint8Array(8))).toThrow(
			/16-byte blocks/,
		);
	});
});
