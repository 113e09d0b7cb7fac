// DES / 3DES against vectors produced by OpenSSL 3 (commands beside each), and FIPS 46 examples.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import {
	desCbcDecrypt,
	desCbcEncrypt,
	desEcb,
	tripleDesCbcDecrypt,
	tripleDesCbcEncrypt,
	unpadPkcs7,
} from './des';

const PLAIN =
	'176cd275acd01a82ff2dcd347e4ec0ad232a1f0d55ddd345bfd97711a02d4c3f83cffe95e31363f3117af08b7b836c4312ff81c6c2318bb54384f023445610c2';
const IV = '1122334455667788';
const KEY24 = '0123456789abcdeffedcba987654321089abcdef01234567';

describe('DES', () => {
	it('matches the classic worked example (key 133457799BBCDFF1)', () => {
		const key = fromHex('133457799BBCDFF1');
		expect(toHex(desEcb(key, fromHex('0123456789ABCDEF'), false))).toBe('85e813540f0ab405');
		expect(toHex(desEcb(key, fromHex('85e813540f0ab405'), true))).toBe('0123456789abcdef');
	});

	it('matches openssl enc -des-cbc -nopad', () => {
		// openssl enc -des-cbc -provider legacy -provider default -nopad -K 0123456789abcdef -iv 1122334455667788
		const cipher =
			'f3f3c79d05f308f6156aad555ddf15926d6b8bbf65fa957bbf46bf33ffe9cef1c397b8ee155e9521f136891962e3f649485174103b2ca81833456ceb0c99d49e';
		const key = fromHex('0123456789abcdef');
		expect(toHex(desCbcDecrypt(key, fromHex(IV), fromHex(cipher)))).toBe(PLAIN);
		expect(toHex(desCbcEncrypt(key, fromHex(IV), fromHex(PLAIN)))).toBe(cipher);
	});

	it('matches openssl enc -des-ede3-cbc -nopad (24-byte key)', () => {
		// openssl enc -des-ede3-cbc -nopad -K <KEY24> -iv 1122334455667788
		const cipher =
			'80acfbb46c3bbff5f198a21af3f36b92c2fca541f969d8d65aec11e5d6e257cc69527a36129373814181ef080554c1327aa6e7790d4113dff5ef0da691fafb0f';
		expect(toHex(tripleDesCbcDecrypt(fromHex(KEY24), fromHex(IV), fromHex(cipher)))).toBe(PLAIN);
		expect(toHex(tripleDesCbcEncrypt(fromHex(KEY24), fromHex(IV), fromHex(PLAIN)))).toBe(cipher);
	});

	it('matches openssl enc -des-ede-cbc -nopad (16-byte two-key 3DES)', () => {
		const cipher =
			'f1cc45f5c4297c4810fb17183817766e955ee6edf860f8a0414ee435503c9b2af308e989a44eb8c42d05392915b8fbcfd47206faa12ae1ebf67ac59bd722e713';
		const key = fromHex('0123456789abcdeffedcba9876543210');
		expect(toHex(tripleDesCbcDecrypt(key, fromHex(IV), fromHex(cipher)))).toBe(PLAIN);
	});

	it('rejects wrong sizes and bad padding', () => {
		expect(() =>
			tripleDesCbcDecrypt(new Uint8Array(24), new Uint8Array(8), new Uint8Array(7)),
		).toThrow();
		expect(() =>
			tripleDesCbcDecrypt(new Uint8Array(8), new Uint8Array(8), new Uint8Array(8)),
		).toThrow();
		expect(unpadPkcs7(fromHex('0102030405060703'))).toBeNull();
		expect(toHex(unpadPkcs7(fromHex('0102030405030303')) ?? new Uint8Array())).toBe('0102030405');
	});
});
