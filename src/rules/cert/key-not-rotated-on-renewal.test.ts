// Must-flag / must-not-flag table for KEY-NOT-ROTATED-ON-RENEWAL.
import { describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../core/x509/facts';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keyNotRotatedOnRenewal as rule } from './key-not-rotated-on-renewal';

const old = certFacts({ notBefore: '2025-01-01T00:00:00Z', spkiSha256: 'k1' });

describe('KEY-NOT-ROTATED-ON-RENEWAL', () => {
	it.each<[string, CertificateFacts[], number]>([
		[
			'renewed with the same key',
			[old, certFacts({ notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k1' })],
			1,
		],
		[
			'renewed with a new key',
			[old, certFacts({ notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k2' })],
			0,
		],
		[
			'different subjects sharing a key',
			[
				old,
				certFacts({ subject: 'CN=other', notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k1' }),
			],
			0,
		],
		['one certificate', [old], 0],
	])('%s', (_n, certs, count) => {
		const hits = runRule(rule, facts({ certificates: certs }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['low', 'warn']);
	});
});
