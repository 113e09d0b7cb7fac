// Must-flag / must-not-flag table for CERT-REVOKED.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certRevoked as rule } from './cert-revoked';

describe('CERT-REVOKED', () => {
	it.each([
		[
			'listed leaf, CRL verified',
			certFacts({
				revoked: { crlInput: 'ca.crl', date: '2026-01-01T00:00:00Z', crlVerified: true },
			}),
			1,
		],
		[
			'listed leaf, CRL issuer not dropped',
			certFacts({ revoked: { crlInput: 'ca.crl', date: null, crlVerified: false } }),
			1,
		],
		[
			'listed intermediate',
			certFacts({
				role: 'intermediate',
				revoked: { crlInput: 'ca.crl', date: null, crlVerified: true },
			}),
			1,
		],
		['not listed', certFacts(), 0],
		[
			'listed root (roots are not graded)',
			certFacts({ role: 'root', revoked: { crlInput: 'ca.crl', date: null, crlVerified: true } }),
			0,
		],
	])('%s', (_n, c, count) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['critical', 'T']);
	});
});
