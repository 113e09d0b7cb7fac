// The engine keeps one copy of a large text input: text-backed bytes are rebuilt exactly (byte
// order mark, every UTF-8 length), their size is known without rebuilding them, and the copy the
// worker received is freed at once (releaseBuffer), never a view of someone else's buffer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8OrNull } from './encoding';
import { byteLength, isTextBacked, releaseBuffer, textBacked } from './text-backed';

const samples: [string, Uint8Array][] = [
	['ASCII', new TextEncoder().encode('<a>plain</a>')],
	['2-, 3- and 4-byte characters', new TextEncoder().encode('<a>ü € 漢 😀</a>')],
	['a byte order mark', Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<a>ü</a>'))],
	['empty', new Uint8Array(0)],
];

afterEach(() => vi.restoreAllMocks());

describe('textBacked', () => {
	it.each(samples)('rebuilds %s exactly from the decoded text', (_name, original) => {
		const holder = { bytes: original.slice() };
		const text = utf8OrNull(holder.bytes);
		if (text === null) throw new TypeError('test: not UTF-8');
		expect(isTextBacked(holder)).toBe(false);
		textBacked(holder, text);
		expect(isTextBacked(holder)).toBe(true);
		expect(holder.bytes).not.toBe(original);
		expect([...holder.bytes]).toEqual([...original]);
		expect(byteLength(holder)).toBe(original.length);
	});

	it('moves to the text of a second parse (the first is not kept alive), BOM and all', () => {
		const original = Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<a>ü</a>'));
		const holder = { bytes: original.slice() };
		textBacked(holder, utf8OrNull(holder.bytes) ?? '');
		expect([...holder.bytes]).toEqual([...original]);
		// a probe text of the same length shows which text the getter reads now
		textBacked(holder, '<b>ü</b>');
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(holder.bytes)).toBe(
			'\uFEFF<b>ü</b>',
		);
		expect(byteLength(holder)).toBe(original.length);
	});

	it('answers the size without encoding the text again', () => {
		const holder = { bytes: new TextEncoder().encode('x'.repeat(1000)) };
		textBacked(holder, 'x'.repeat(1000));
		const encode = vi.spyOn(TextEncoder.prototype, 'encode');
		expect(byteLength(holder)).toBe(1000);
		expect(encode).not.toHaveBeenCalled();
		expect(holder.bytes.length).toBe(1000);
		expect(encode).toHaveBeenCalledTimes(1);
	});
});

describe('releaseBuffer', () => {
	it('frees a buffer the view spans: the view reads nothing afterwards', () => {
		const bytes = new Uint8Array(1024).fill(7);
		expect(releaseBuffer(bytes)).toBe(true);
		expect(bytes.length).toBe(0);
		expect(bytes.buffer.byteLength).toBe(0);
	});

	it('leaves a view of part of a buffer alone (the rest may be someone else’s)', () => {
		const whole = new Uint8Array(64).fill(1);
		const part = whole.subarray(8, 16);
		expect(releaseBuffer(part)).toBe(false);
		expect(releaseBuffer(whole.subarray(0, 63))).toBe(false);
		expect(whole.length).toBe(64);
		expect(part[0]).toBe(1);
	});
});
