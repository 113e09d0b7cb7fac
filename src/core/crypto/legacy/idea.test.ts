// IDEA against the published example (key 0001 0002 ... 0008, plaintext 0000 0001 0002 0003, from
// Lai and Massey's description and the test vectors OpenSSL and python-cryptography ship) and
// against random keys and blocks encrypted by python-cryptography's IDEA (OpenSSL underneath):
// scripts/fixtures/keystores/make-idea-vectors.py wrote tests/fixtures/keystores/idea-vectors.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { ideaDecryptBlock, ideaEncryptBlock, ideaKey } from './idea';

interface Vector {
	key: string;
	plain: string;
	cipher: string;
}
const RANDOM = JSON.parse(
	readFileSync(
		resolve(__dirname, '../../../../tests/fixtures/keystores/idea-vectors.json'),
		'utf8',
	),
) as Vector[];
const VECTORS: [string, string, string][] = [
	['00010002000300040005000600070008', '0000000100020003', '11fbed2b01986de5'],
	...RANDOM.map((v): [string, string, string] => [v.key, v.plain, v.cipher]),
];

describe('IDEA', () => {
	it('has the generated vectors', () => {
		expect(RANDOM.length).toBe(8);
	});

	it.each(VECTORS)('key %s: %s encrypts to %s and back', (key, plain, cipher) => {
		const k = ideaKey(fromHex(key));
		expect(toHex(ideaEncryptBlock(k, fromHex(plain)))).toBe(cipher);
		expect(toHex(ideaDecryptBlock(k, fromHex(cipher)))).toBe(plain);
	});

	it('handles the words 0 (= 65536) and 0xffff in the multiplication', () => {
		// an all-zero key makes every multiply key 0, i.e. 65536; an all-ones block meets it
		for (const key of ['00'.repeat(16), 'ff'.repeat(16)])
			for (const plain of ['0000000000000000', 'ffffffffffffffff']) {
				const k = ideaKey(fromHex(key));
				expect(toHex(ideaDecryptBlock(k, ideaEncryptBlock(k, fromHex(plain))))).toBe(plain);
			}
	});

	it('refuses a key or block of the wrong length', () => {
		expect(() => ideaKey(new Uint8Array(8))).toThrow(/16-byte key/);
		expect(() => ideaEncryptBlock(ideaKey(new Uint8Array(16)), new Uint8Array(16))).toThrow(
			/8-byte blocks/,
		);
	});
});
