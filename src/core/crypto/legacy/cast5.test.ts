// CAST5 against the single-block vectors of RFC 2144 appendix B.1 (128-, 80- and 40-bit keys), each
// also reproduced with `openssl enc -cast5-ecb -nopad -provider legacy -provider default`
// (OpenSSL 3.0) where openssl takes the key size, and `openssl enc -cast5-cbc` for the chaining.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { CAST5_SBOXES, cast5DecryptBlock, cast5EncryptBlock, cast5Key } from './cast5';

const VECTORS: [string, string, string][] = [
	// key, plaintext, ciphertext
	['0123456712345678234567893456789a', '0123456789abcdef', '238b4fe5847e44b2'],
	['01234567123456782345', '0123456789abcdef', 'eb6a711a2c02271b'],
	['0123456712', '0123456789abcdef', '7ac816d16e9b302e'],
	// openssl enc only
	['2b7e151628aed2a6abf7158809cf4f3c', '6bc1bee22e409f96', '7ada5976ca2f3a41'],
];

describe('CAST5', () => {
	it('has eight 256-word S-boxes', () => {
		expect(CAST5_SBOXES.map((s) => s.length)).toEqual([256, 256, 256, 256, 256, 256, 256, 256]);
	});

	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = cast5Key(fromHex(key));
		expect(toHex(cast5EncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(cast5DecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('CBC built on the block decryptor reproduces openssl enc -cast5-cbc', () => {
		const k = cast5Key(fromHex('2b7e151628aed2a6abf7158809cf4f3c'));
		const c = fromHex('19e2d67fae46c0adb92595fa05f66e39');
		let prev = fromHex('0706050403020100');
		const out: string[] = [];
		for (let at = 0; at < c.length; at += 8) {
			const block = c.subarray(at, at + 8);
			out.push(toHex(cast5DecryptBlock(k, block).map((b, i) => b ^ (prev[i] ?? 0))));
			prev = block;
		}
		expect(out.join('')).toBe('0123456789abcdef0123456789abcdef');
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => cast5Key(new Uint8Array(17))).toThrow(/5- to 16-byte key/);
		expect(() => cast5EncryptBlock(cast5Key(new Uint8Array(16)), new Uint8Array(16))).toThrow(
			/8-byte blocks/,
		);
	});
});
