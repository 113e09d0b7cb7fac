// Camellia against the test vectors published in RFC 3713 appendix A (one per key size), and against
// `openssl enc -camellia-{128,192,256}-ecb -nopad` (OpenSSL 3.0) for the NIST SP 800-38A sample
// keys and first plaintext block, and `openssl enc -camellia-128-cbc -nopad` for the chaining.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { camelliaDecryptBlock, camelliaEncryptBlock, camelliaKey } from './camellia';

const RFC_KEY = '0123456789abcdeffedcba9876543210';
const VECTORS: [string, string, string][] = [
	// key, plaintext, ciphertext
	[RFC_KEY, RFC_KEY, '67673138549669730857065648eabe43'],
	[`${RFC_KEY}0011223344556677`, RFC_KEY, 'b4993401b3e996f84ee5cee7d79b09b9'],
	[`${RFC_KEY}00112233445566778899aabbccddeeff`, RFC_KEY, '9acc237dff16d76c20ef7c919e3a7509'],
	// openssl enc
	[
		'2b7e151628aed2a6abf7158809cf4f3c',
		'6bc1bee22e409f96e93d7e117393172a',
		'432fc5dcd628115b7c388d770b270c96',
	],
	[
		'8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
		'6bc1bee22e409f96e93d7e117393172a',
		'cccc6c4e138b45848514d48d0d3439d3',
	],
	[
		'603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
		'6bc1bee22e409f96e93d7e117393172a',
		'befd219b112fa00098919cd101c9ccfa',
	],
];

describe('Camellia', () => {
	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = camelliaKey(fromHex(key));
		expect(toHex(camelliaEncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(camelliaDecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('CBC built on the block decryptor reproduces openssl enc -camellia-128-cbc', () => {
		const k = camelliaKey(fromHex('000102030405060708090a0b0c0d0e0f'));
		const c = fromHex('ca166033b646e02d1a4e7848f381f84891c8cd99429f2d818ea14b69b1ee48e0');
		let prev = fromHex('0f0e0d0c0b0a09080706050403020100');
		const out: string[] = [];
		for (let at = 0; at < c.length; at += 16) {
			const block = c.subarray(at, at + 16);
			out.push(toHex(camelliaDecryptBlock(k, block).map((b, i) => b ^ (prev[i] ?? 0))));
			prev = block;
		}
		expect(out.join('')).toBe(RFC_KEY + RFC_KEY);
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => camelliaKey(new Uint8Array(20))).toThrow(/16-, 24- or 32-byte/);
		expect(() => camelliaEncryptBlock(camelliaKey(new Uint8Array(16)), new Uint8Array(8))).toThrow(
			/16-byte blocks/,
		);
	});
});
