// Must-flag / must-not-flag table for CERT-EXPIRED (now = 2026-11-22).
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certExpired as rule } from './cert-expired';

describe('CERT-EXPIRED', () => {
	it.each([
		['expired leaf', certFacts({ notAfter: '2026-11-01T00:00:00Z' }), 1],
		[
			'expired intermediate',
			certFacts({ role: 'intermediate', isCA: true, notAfter: '2025-01-01T00:00:00Z' }),
			1,
		],
		[
			'not yet valid',
			certFacts({ notBefore: '2027-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z' }),
			1,
		],
		['valid leaf', certFacts(), 0],
		['expired root is ignored', certFacts({ role: 'root', notAfter: '2020-01-01T00:00:00Z' }), 0],
	])('%s', (_n, c, count) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['critical', 'T']);
	});
});
