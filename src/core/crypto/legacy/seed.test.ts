// SEED against the example vectors of RFC 4269 appendix B, each also reproduced with
// `openssl enc -seed-ecb -nopad -provider legacy -provider default` (OpenSSL 3.0), and
// `openssl enc -seed-cbc` for the chaining.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { SEED_S1, SEED_S2, seedDecryptBlock, seedEncryptBlock, seedKey } from './seed';

const ZERO = '00000000000000000000000000000000';
const COUNT = '000102030405060708090a0b0c0d0e0f';
const VECTORS: [string, string, string][] = [
	// key, plaintext, ciphertext
	[ZERO, COUNT, '5ebac6e0054e166819aff1cc6d346cdb'],
	[COUNT, ZERO, 'c11f22f20140505084483597e4370f43'],
	// openssl enc only
	[
		'2b7e151628aed2a6abf7158809cf4f3c',
		'6bc1bee22e409f96e93d7e117393172a',
		'ae30adb23d708b63d49e5161d7444443',
	],
];

describe('SEED', () => {
	it('S1 and S2 are permutations of 0..255', () => {
		expect(new Set(SEED_S1).size).toBe(256);
		expect(new Set(SEED_S2).size).toBe(256);
	});

	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = seedKey(fromHex(key));
		expect(toHex(seedEncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(seedDecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('CBC built on the block decryptor reproduces openssl enc -seed-cbc', () => {
		const k = seedKey(fromHex('2b7e151628aed2a6abf7158809cf4f3c'));
		const c = fromHex('a75fe5d42fc9481d7c2506f0f67cd71c206e5e48609c2552f1120b639e0fa8db');
		let prev = fromHex('0f0e0d0c0b0a09080706050403020100');
		const out: string[] = [];
		for (let at = 0; at < c.length; at += 16) {
			const block = c.subarray(at, at + 16);
			out.push(toHex(seedDecryptBlock(k, block).map((b, i) => b ^ (prev[i] ?? 0))));
			prev = block;
		}
		expect(out.join('')).toBe(COUNT + COUNT);
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => seedKey(new Uint8Array(24))).toThrow(/16-byte key/);
		expect(() => seedEncryptBlock(seedKey(new Uint8Array(16)), new Uint8Array(8))).toThrow(
			/16-byte blocks/,
		);
	});
});
