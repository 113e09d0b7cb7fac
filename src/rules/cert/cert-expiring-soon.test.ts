// Must-flag / must-not-flag table for CERT-EXPIRING-SOON (now = 2026-11-22T12:00Z).
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certExpiringSoon as rule } from './cert-expiring-soon';

const c = (notBefore: string, notAfter: string) => certFacts({ notBefore, notAfter });

describe('CERT-EXPIRING-SOON', () => {
	it.each([
		[
			'1-year cert, 20 days left',
			c('2026-01-01T00:00:00Z', '2026-12-12T12:00:00Z'),
			[['high', 'warn']],
		],
		[
			'1-year cert, 45 days left',
			c('2026-01-01T00:00:00Z', '2027-01-06T12:00:00Z'),
			[['medium', 'none']],
		],
		['1-year cert, 90 days left', c('2026-03-01T00:00:00Z', '2027-02-20T12:00:00Z'), []],
		[
			'90-day cert, 10 days left',
			c('2026-09-03T00:00:00Z', '2026-12-02T12:00:00Z'),
			[['high', 'warn']],
		],
		[
			'90-day cert, 20 days left',
			c('2026-09-13T00:00:00Z', '2026-12-12T12:00:00Z'),
			[['medium', 'none']],
		],
		['90-day cert, 40 days left', c('2026-10-03T00:00:00Z', '2027-01-01T12:00:00Z'), []],
		['already expired', c('2025-01-01T00:00:00Z', '2026-11-01T00:00:00Z'), []],
	])('%s', (_n, cert, tiers) => {
		const hits = runRule(rule, facts({ certificates: [cert] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
