import { describe, expect, it } from 'vitest';
import {
	BudgetError,
	CryptoError,
	hasCode,
	InputError,
	isBug,
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

	it('tells one expected failure by its code (hasCode), not by a class of its own', () => {
		const notCert = new ParseError('x509/not-a-certificate', 'not a DER X.509 certificate');
		expect(hasCode(notCert, 'x509/not-a-certificate')).toBe(true);
		expect(hasCode(notCert, 'pem/bad-base64', 'x509/not-a-certificate')).toBe(true);
		expect(hasCode(new ParseError('asn1/too-short', 'm'), 'x509/not-a-certificate')).toBe(false);
		expect(hasCode(new Error('x509/not-a-certificate'), 'x509/not-a-certificate')).toBe(false);
	});

	it.each([
		['an input error', new CryptoError('rsa/bad-padding', 'm'), false],
		['a WebCrypto rejection', new DOMException('bad key', 'OperationError'), false],
		['JSON.parse or BigInt on input text', new SyntaxError('Unexpected token'), false],
		['decodeURIComponent on input text', new URIError('URI malformed'), false],
		['typed-array bounds on truncated data', new RangeError('Offset is outside the bounds'), false],
		['a library rejecting data', new Error("Object's schema was not verified"), false],
		[
			'pkijs missing a mandatory field',
			Object.assign(new TypeError('m'), { name: 'ParameterError' }),
			false,
		],
		[
			'a TypeError of ours',
			new TypeError("Cannot read properties of undefined (reading 'x')"),
			true,
		],
		['a ReferenceError', new ReferenceError('x is not defined'), true],
		['a thrown string', 'oops', true],
	])('isBug: %s → %s', (_what, error, bug) => {
		expect(isBug(error)).toBe(bug);
	});
});
