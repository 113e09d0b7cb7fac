import { describe, expect, it } from 'vitest';
import {
	BudgetError,
	CryptoError,
	InputError,
	isInputError,
	LockedError,
	ParseError,
	reasonOf,
	UnsupportedError,
} from './errors';

describe('error policy', () => {
	it.each([
		['ParseError', new ParseError('pem/bad-base64', 'not base64', { offset: 12 })],
		['LockedError', new LockedError('wrong password', true)],
		['UnsupportedError', new UnsupportedError('pbe/unknown-oid', 'PBE 1.2.3 is not supported')],
		['CryptoError', new CryptoError('xmlenc/bad-padding', 'padding check failed')],
		['BudgetError', new BudgetError('asn1/too-deep', 'nested 300 deep', 256, 300)],
	])('%s is an input error with a code and its own name', (name, error) => {
		expect(error).toBeInstanceOf(InputError);
		expect(isInputError(error)).toBe(true);
		expect(error.name).toBe(name);
		expect(error.code).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
		expect(error.message).not.toBe('');
	});

	it('keeps the position, the limit and the cause', () => {
		const cause = new Error('inner');
		expect(new ParseError('xml/bad', 'm', { line: 3, column: 7 }).where).toEqual({
			line: 3,
			column: 7,
		});
		expect(new CryptoError('c/x', 'm', {}, { cause }).cause).toBe(cause);
		const budget = new BudgetError('pbe/iterations', 'too many', 10, 11);
		expect([budget.limit, budget.seen]).toEqual([10, 11]);
		expect(new LockedError('m', false).wrongPassword).toBe(false);
	});

	it('does not count a bug as an input error', () => {
		expect(isInputError(new TypeError('x is undefined'))).toBe(false);
		expect(isInputError('thrown string')).toBe(false);
	});

	it('keeps the reason of anything thrown', () => {
		expect(reasonOf(new RangeError('deep'))).toBe('deep');
		expect(reasonOf('text')).toBe('text');
	});
});
