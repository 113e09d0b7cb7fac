// RC2-CBC and RC4 against OpenSSL 3 (legacy provider) output.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../bytes/encoding';
import { rc2CbcDecrypt, rc4 } from './rc2';

const PLAIN =
	'176cd275acd01a82ff2dcd347e4ec0ad232a1f0d55ddd345bfd97711a02d4c3f83cffe95e31363f3117af08b7b836c4312ff81c6c2318bb54384f023445610c2';
const IV = fromHex('1122334455667788');

describe('RC2-CBC', () => {
	it('matches openssl enc -rc2-40-cbc -nopad -K 0011223344', () => {
		const c =
			'5747fe4ed1cae7bf5844137e1dce5d68efa0b9e8f044db6489e5ec051bdc6f28fb451b4d26b32ed1e8581365b252420a63e85db1196be10a85091d6e4e5a1457';
		expect(toHex(rc2CbcDecrypt(fromHex('0011223344'), 40, IV, fromHex(c)))).toBe(PLAIN);
	});
	it('matches openssl enc -rc2-cbc -nopad (128-bit key)', () => {
		const c =
			'135dc051bbab96e4e8ba1a1830d181574bd80d18f44ae4f9927f7775461d185a6e0cbc62f7737e0595bbedda1ed8b18e8730156f749a1c9492b18928ee8fced8';
		const key = fromHex('00112233445566778899aabbccddeeff');
		expect(toHex(rc2CbcDecrypt(key, 128, IV, fromHex(c)))).toBe(PLAIN);
	});
});

describe('RC4', () => {
	it('matches openssl enc -rc4-40 -K 0102030405 on 16 zero bytes', () => {
		// printf '\0%.0s' {1..16} | openssl enc -rc4-40 -provider legacy -provider default -K 0102030405 | xxd -p
		expect(toHex(rc4(fromHex('0102030405'), new Uint8Array(16)))).toBe(
			'b2396305f03dc027ccc3524a0a1118a8',
		);
	});
});
