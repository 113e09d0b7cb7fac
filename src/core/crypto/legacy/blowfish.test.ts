// Blowfish against Eric Young's published test vectors (the ECB and CBC set distributed with
// Schneier's reference code and SSLeay/OpenSSL's bftest), each also reproduced here with
// `openssl enc -bf-ecb|-bf-cbc -provider legacy -provider default -nopad` (OpenSSL 3.0.19; an 8-byte
// key given to openssl twice over, which the cyclic key schedule makes the same key).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { blowfishCbcDecrypt, blowfishEncryptBlock, blowfishKey } from './blowfish';

const ECB: [string, string, string][] = [
	// key, plaintext, ciphertext
	['0000000000000000', '0000000000000000', '4ef997456198dd78'],
	['ffffffffffffffff', 'ffffffffffffffff', '51866fd5b85ecb8a'],
	['3000000000000000', '1000000000000001', '7d856f9a613063f2'],
	['1111111111111111', '1111111111111111', '2466dd878b963c9d'],
	['0123456789abcdef', '1111111111111111', '61f9c3802281b096'],
	['fedcba9876543210', '0123456789abcdef', '0aceab0fc6a0a28d'],
];

describe('Blowfish', () => {
	it.each(ECB)('key %s encrypts %s to %s', (key, plain, cipher) => {
		expect(toHex(blowfishEncryptBlock(blowfishKey(fromHex(key)), fromHex(plain)))).toBe(cipher);
	});

	it('CBC: the bftest vector decrypts to "7654321 Now is the time for "', () => {
		const plain = blowfishCbcDecrypt(
			fromHex('0123456789abcdeff0e1d2c3b4a59687'),
			fromHex('fedcba9876543210'),
			fromHex('6b77b4d63006dee605b156e27403979358deb9e7154616d959f1652bd5ff92cc'),
		);
		expect(new TextDecoder().decode(plain)).toBe('7654321 Now is the time for \0\0\0\0');
	});

	it('refuses a key or data of the wrong length', () => {
		expect(() => blowfishKey(new Uint8Array(73))).toThrow(/1 to 72 bytes/);
		expect(() =>
			blowfishCbcDecrypt(new Uint8Array(16), new Uint8Array(8), new Uint8Array(7)),
		).toThrow(/8-byte blocks/);
	});
});
