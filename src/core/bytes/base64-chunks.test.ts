// base64Pieces' native path, which Chromium takes and Node 20 cannot (it has no
// Uint8Array.prototype.setFromBase64): run here with stand-ins written from the algorithm's
// definition (FromBase64 with lastChunkHandling "loose"), against the string path and Node's own
// base64 decoder. Chromium 156's decoder, compared with the definition on 3 300 random cases,
// differs only once the array is full: it reads the next group too, throws if that group is not
// base64, and counts the whitespace before it as read. The second stand-in does that. The real
// decoder is what the page's decryption tests run.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Pieces, type SetFromBase64 } from './base64-chunks';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ASCII_WHITESPACE = new Set(['\t', '\n', '\f', '\r', ' ']);

/**
 * FromBase64 (loose, standard alphabet) writing into `target`; SyntaxError after what it wrote.
 * `lookAhead`: once `target` is full, check the next group and read the whitespace before it,
 * as Chromium does.
 */
function fromBase64Into(
	target: Uint8Array,
	text: string,
	lookAhead = false,
): { read: number; written: number } {
	const max = target.length;
	let read = 0;
	let written = 0;
	let chunk: number[] = [];
	const put = (values: number[]) => {
		// a group of 2, 3 or 4 characters is 1, 2 or 3 octets; extra bits are ignored (loose)
		const bits = values.reduce((n, v) => n * 64 + v, 0) * 64 ** (4 - values.length);
		const octets = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
		for (const o of octets.slice(0, values.length - 1)) target[written++] = o;
	};
	const fail = (): never => {
		throw new SyntaxError('not base64');
	};
	const skip = (at: number) => {
		while (at < text.length && ASCII_WHITESPACE.has(text[at] as string)) at++;
		return at;
	};
	if (max === 0) return { read, written };
	for (let index = 0; ;) {
		index = skip(index);
		if (index === text.length) {
			if (chunk.length > 0) {
				if (chunk.length === 1) fail();
				put(chunk);
			}
			return { read: text.length, written };
		}
		const char = text[index++] as string;
		if (char === '=') {
			if (chunk.length < 2) fail();
			index = skip(index);
			if (chunk.length === 2) {
				if (index === text.length) fail();
				if (text[index] === '=') index = skip(index + 1);
			}
			if (index < text.length) fail();
			put(chunk);
			return { read: text.length, written };
		}
		const value = ALPHABET.indexOf(char);
		if (value === -1) fail();
		const remaining = max - written;
		if ((remaining === 1 && chunk.length === 2) || (remaining === 2 && chunk.length === 3)) {
			return { read, written };
		}
		chunk.push(value);
		if (chunk.length === 4) {
			put(chunk);
			chunk = [];
			read = index;
			if (written === max) {
				if (!lookAhead) return { read, written };
				fromBase64Into(new Uint8Array(3), text.slice(index));
				return { read: skip(index), written };
			}
		}
	}
}

const definition: SetFromBase64 = function (this: Uint8Array, text: string) {
	return fromBase64Into(this, text);
};
const chromiumLike: SetFromBase64 = function (this: Uint8Array, text: string) {
	return fromBase64Into(this, text, true);
};

/** Both paths' answer for `text`: the octets and the length, or null when refused. */
function both(text: string, slice: number, standIn: SetFromBase64) {
	const run = (native: SetFromBase64 | null) => {
		const planned = base64Pieces(text, slice, native);
		if (!planned) return null;
		const parts = [...planned.pieces()];
		return { length: planned.length, parts, all: Buffer.concat(parts) };
	};
	return { native: run(standIn), strings: run(null) };
}

describe('the stand-ins', () => {
	it('decode as Node does, stopping at whole groups when the array is full', () => {
		const octets = randomBytes(100);
		const text = octets.toString('base64');
		for (const standIn of [definition, chromiumLike]) {
			const into = new Uint8Array(100);
			expect(standIn.call(into, text)).toEqual({ read: text.length, written: 100 });
			expect(Buffer.from(into)).toEqual(octets);
			// two whole groups (6 octets) fit; the third would not
			expect(standIn.call(new Uint8Array(7), text)).toEqual({ read: 8, written: 6 });
		}
	});

	it.each(['QUJD*', 'QQ==QQ==', 'Q===', 'QUJDR', 'QQ=\u00a0=x', 'QU-D', 'QQ=', 'QUJD\v'])(
		'refuse %j',
		(text) => {
			for (const standIn of [definition, chromiumLike]) {
				expect(() => standIn.call(new Uint8Array(16), text)).toThrow(SyntaxError);
			}
		},
	);

	it('differ where Chromium was seen to differ from the definition, once the array is full', () => {
		// cases Chromium 156 answered so: the group after a full array is read and checked
		expect(definition.call(new Uint8Array(6), 'y4Co/iJx2w===')).toEqual({ read: 8, written: 6 });
		expect(() => chromiumLike.call(new Uint8Array(6), 'y4Co/iJx2w===')).toThrow(SyntaxError);
		expect(definition.call(new Uint8Array(3), 'QUJD \n\tRA==')).toEqual({ read: 4, written: 3 });
		expect(chromiumLike.call(new Uint8Array(3), 'QUJD \n\tRA==')).toEqual({ read: 7, written: 3 });
		// and nothing beyond that group
		expect(chromiumLike.call(new Uint8Array(3), 'AAAAAAAA*')).toEqual({ read: 4, written: 3 });
	});
});

describe.each([
	['the definition', definition],
	["Chromium's", chromiumLike],
])('base64Pieces: the native path (%s decoder) against the string path', (_, standIn) => {
	const samples = [
		'',
		'  \n ',
		'QQ==',
		'QUI=',
		'QUJD',
		'QUI',
		'QQ',
		' Q U J D\r\nRA==\n',
		'QUJD\nRA = = \n',
		randomBytes(1000).toString('base64'),
		randomBytes(1001).toString('base64').replace(/.{64}/g, '$&\n'),
		randomBytes(1002).toString('base64').replace(/.{76}/g, '$&\r\n'),
		randomBytes(999).toString('base64').replace(/=+$/, ''),
	];

	it.each([1, 2, 3, 5, 7, 64, 1000, 1 << 20])(
		'the same octets in pieces of whole groups, with slices of %i characters',
		(slice) => {
			for (const text of samples) {
				const { native, strings } = both(text, slice, standIn);
				expect(native, JSON.stringify(text)).not.toBeNull();
				expect(native?.all).toEqual(Buffer.from(text.replace(/\s/g, ''), 'base64'));
				expect(native?.all).toEqual(strings?.all);
				expect(native?.length).toBe(native?.all.length);
				// each piece is an array of its own, the consumer's to free
				for (const part of native?.parts ?? []) {
					expect(part.byteOffset).toBe(0);
					expect(part.byteLength).toBe(part.buffer.byteLength);
				}
			}
		},
	);

	it.each(['QUJD*', 'QQ==QQ==', 'Q===', 'QUJDR', 'QU-D', 'QQ=', 'A', 'QUJDRUZH*'])(
		'refuses %j as the string path does',
		(text) => {
			for (const slice of [1, 3, 64]) {
				expect(both(text, slice, standIn)).toEqual({ native: null, strings: null });
			}
		},
	);

	it('leaves whitespace beyond ASCII to the string path, which takes it', () => {
		for (const text of ['QUJD\u00a0RA==', 'QU\u2028JD', 'QUJD\v']) {
			const { native, strings } = both(text, 3, standIn);
			expect(native?.all).toEqual(Buffer.from(text.replace(/\s/g, ''), 'base64'));
			expect(native).toEqual(strings);
		}
	});

	it('starts again from the first piece at each call', () => {
		const planned = base64Pieces(randomBytes(300).toString('base64'), 10, standIn);
		const once = Buffer.concat([...(planned?.pieces() ?? [])]);
		expect(once.length).toBe(300);
		expect(Buffer.concat([...(planned?.pieces() ?? [])])).toEqual(once);
	});
});
