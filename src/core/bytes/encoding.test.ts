// Byte helpers at their edges: whitespace in base64, cut UTF-8 characters, binary data.
import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8OrNull, utf8PrefixOrNull } from './encoding';

describe('fromBase64', () => {
	it.each([
		['plain', 'aGVsbG8=', 'hello'],
		['line breaks and carriage returns (Santuario)', 'aGVs\r\nbG8=\n', 'hello'],
		['no padding', 'aGVsbG8', 'hello'],
		['spaces and tabs', ' aGVs\tbG8= ', 'hello'],
	])('decodes %s', (_name, text, expected) => {
		expect(new TextDecoder().decode(fromBase64(text))).toBe(expected);
	});

	it('round-trips every byte value', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(Array.from(fromBase64(toBase64(all)))).toEqual(Array.from(all));
	});

	it('refuses what is not base64', () => {
		expect(() => fromBase64('a$b=')).toThrow();
	});
});

describe('utf8PrefixOrNull', () => {
	it('leaves out a character cut at the end', () => {
		const bytes = fromUtf8('ab€');
		expect(utf8PrefixOrNull(bytes.subarray(0, 4))).toBe('ab');
		expect(utf8PrefixOrNull(bytes)).toBe('ab€');
	});

	it('is null for bytes that are not UTF-8, as utf8OrNull', () => {
		const binary = Uint8Array.of(0x61, 0xff, 0xfe, 0x62);
		expect(utf8PrefixOrNull(binary)).toBeNull();
		expect(utf8OrNull(binary)).toBeNull();
	});
});
