// The DER/BER depth pre-check and the iterative indefinite-length walk: a value nested 100,000
// deep is refused at the first element past the limit, in one linear pass, and real structures
// (certificates, PKCS#12) pass untouched.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetError } from '../errors';
import { pemToDer } from '../x509/pem';
import { assertBerDepth, MAX_BER_DEPTH, readTlv, tooDeepAt } from './der';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures');

/** `levels` SEQUENCEs with indefinite lengths around a NULL: 2 bytes per level on each side. */
function deepIndefinite(levels: number): Uint8Array {
	const out = new Uint8Array(4 * levels + 2);
	for (let i = 0; i < levels; i++) out.set([0x30, 0x80], 2 * i);
	out.set([0x05, 0x00], 2 * levels);
	return out; // the end-of-contents octets are the zeros that follow
}

/** `levels` SEQUENCEs with definite lengths around a NULL (long-form lengths as they grow). */
function deepDefinite(levels: number): Uint8Array {
	const headers: number[][] = [];
	let inner = 2;
	for (let i = 0; i < levels; i++) {
		const len =
			inner < 0x80
				? [inner]
				: inner < 0x100
					? [0x81, inner]
					: inner < 0x10000
						? [0x82, inner >> 8, inner & 0xff]
						: [0x83, inner >> 16, (inner >> 8) & 0xff, inner & 0xff];
		headers.push([0x30, ...len]);
		inner += 1 + len.length;
	}
	const out: number[] = [];
	for (let i = headers.length - 1; i >= 0; i--) out.push(...headers[i]!);
	out.push(0x05, 0x00);
	return new Uint8Array(out);
}

describe('tooDeepAt', () => {
	it('finds the first element past the limit of a 100,000-deep indefinite-length value', () => {
		const bytes = deepIndefinite(100_000);
		expect(bytes.length).toBe(400_002);
		// the element at level MAX_BER_DEPTH + 1 starts after MAX_BER_DEPTH two-byte headers
		expect(tooDeepAt(bytes)).toBe(2 * MAX_BER_DEPTH);
	});

	it('finds it in a 100,000-deep definite-length value too', () => {
		const bytes = deepDefinite(100_000);
		const at = tooDeepAt(bytes);
		expect(at).not.toBeNull();
		expect(readTlv(bytes, at!)?.tag).toBe(0x30);
	});

	it('accepts nesting up to the limit, refuses one level more', () => {
		expect(tooDeepAt(deepIndefinite(MAX_BER_DEPTH))).toBeNull();
		expect(tooDeepAt(deepIndefinite(MAX_BER_DEPTH + 1))).toBe(2 * MAX_BER_DEPTH);
		expect(tooDeepAt(deepDefinite(MAX_BER_DEPTH))).toBeNull();
		expect(tooDeepAt(deepDefinite(MAX_BER_DEPTH + 1))).not.toBeNull();
	});

	it('passes real certificates and keystores', () => {
		const cert = pemToDer(readFileSync(resolve(FIXTURES, 'detect/cert.pem'), 'utf8'));
		expect(tooDeepAt(cert)).toBeNull();
		const p12 = new Uint8Array(readFileSync(resolve(FIXTURES, 'keystores/keytool.p12')));
		expect(tooDeepAt(p12)).toBeNull();
		expect(() => assertBerDepth(p12)).not.toThrow();
	});

	it('leaves bytes that stop being BER to the decoder (no verdict)', () => {
		expect(tooDeepAt(new Uint8Array([0x30, 0x85, 1, 2, 3, 4, 5]))).toBeNull();
		expect(tooDeepAt(new Uint8Array([0x30]))).toBeNull();
		expect(tooDeepAt(new Uint8Array(0))).toBeNull();
	});
});

describe('assertBerDepth', () => {
	it('names the limit and the byte offset', () => {
		let thrown: unknown = null;
		try {
			assertBerDepth(deepIndefinite(100_000), 'Certificate');
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(BudgetError);
		expect((thrown as BudgetError).message).toBe(
			`Certificate nested deeper than ${MAX_BER_DEPTH} levels (element at byte offset ${2 * MAX_BER_DEPTH}): not decoded`,
		);
		expect((thrown as BudgetError).where.offset).toBe(2 * MAX_BER_DEPTH);
	});
});

describe('readTlv', () => {
	it('walks a 100,000-deep indefinite-length value without recursion and gives up past the limit', () => {
		expect(readTlv(deepIndefinite(100_000))).toBeNull();
		const ok = deepIndefinite(MAX_BER_DEPTH);
		expect(readTlv(ok)).toMatchObject({
			start: 0,
			contentStart: 2,
			end: ok.length,
			indefinite: true,
		});
	});
});
