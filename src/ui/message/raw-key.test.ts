import { describe, expect, it } from 'vitest';
import { checkKeyLength, parseKeyText } from './raw-key';

describe('parseKeyText', () => {
	it.each([
		['00112233445566778899aabbccddeeff', 16],
		['00:11:22:33 44 55 66 77', 8],
		['0x0011', 2],
		['lk9DyA07xL/m45fUb7zbLoy3c0hLhw80', 24],
		['', null],
		['not a key!', null],
	])('%s', (text, length) => {
		expect(parseKeyText(text)?.length ?? null).toBe(length);
	});
});

describe('checkKeyLength', () => {
	it('accepts fitting lengths and explains the others', () => {
		expect(checkKeyLength('AES', 24)).toBeNull();
		expect(checkKeyLength('AES', 20)).toContain('16, 24 or 32');
		expect(checkKeyLength('3DES', 16)).toContain('24 bytes');
		expect(checkKeyLength('HMAC', 7)).toBeNull();
	});
});
