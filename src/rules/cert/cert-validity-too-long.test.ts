// Must-flag / must-not-flag table for CERT-VALIDITY-TOO-LONG.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certValidityTooLong as rule } from './cert-validity-too-long';

describe('CERT-VALIDITY-TOO-LONG', () => {
	it.each([
		['20 years', certFacts({ validityDays: 7300 }), [['high', 'warn']]],
		['10 years', certFacts({ validityDays: 3650 }), [['high', 'warn']]],
		['5 years', certFacts({ validityDays: 1825 }), [['medium', 'warn']]],
		['2 years', certFacts({ validityDays: 730 }), [['low', 'none']]],
		['1 year', certFacts({ validityDays: 366 }), []],
		['90 days', certFacts({ validityDays: 90 }), []],
		['20-year root CA', certFacts({ validityDays: 7300, role: 'root' }), []],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
