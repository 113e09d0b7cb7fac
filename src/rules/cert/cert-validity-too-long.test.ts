// Must-flag / must-not-flag table for CERT-VALIDITY-TOO-LONG.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certValidityTooLong as rule } from './cert-validity-too-long';

const pub = (notBefore: string, validityDays: number) =>
	certFacts({ notBefore, validityDays, publicRoot: { name: 'ISRG Root X1', match: 'issuer' } });

describe('CERT-VALIDITY-TOO-LONG', () => {
	it.each([
		['20 years', certFacts({ validityDays: 7300 }), [['high', 'warn']]],
		['10 years', certFacts({ validityDays: 3650 }), [['high', 'warn']]],
		['5 years', certFacts({ validityDays: 1825 }), [['medium', 'warn']]],
		['2 years', certFacts({ validityDays: 730 }), [['low', 'none']]],
		['1 year', certFacts({ validityDays: 366 }), []],
		['90 days', certFacts({ validityDays: 90 }), []],
		['20-year root CA', certFacts({ validityDays: 7300, role: 'root' }), []],
		// Publicly trusted leaves: the CA/B maximum for the issue date, medium warn, nothing else.
		['public, 2025, 398 days', pub('2025-06-01T00:00:00Z', 398), []],
		['public, 2025, 399 days', pub('2025-06-01T00:00:00Z', 399), [['medium', 'warn']]],
		['public, 2026-04, 201 days', pub('2026-04-01T00:00:00Z', 201), [['medium', 'warn']]],
		['public, 2026-04, 200 days', pub('2026-04-01T00:00:00Z', 200), []],
		['public, 2027-06, 101 days', pub('2027-06-01T00:00:00Z', 101), [['medium', 'warn']]],
		['public, 2030, 48 days', pub('2030-01-01T00:00:00Z', 48), [['medium', 'warn']]],
		['public, 2030, 47 days', pub('2030-01-01T00:00:00Z', 47), []],
		['public, 2019, 825 days', pub('2019-01-01T00:00:00Z', 825), []],
		['public, 2019, 826 days', pub('2019-01-01T00:00:00Z', 826), [['medium', 'warn']]],
		[
			'public, 10 years: not the private high tier',
			pub('2025-01-01T00:00:00Z', 3650),
			[['medium', 'warn']],
		],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
