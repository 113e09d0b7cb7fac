// Must-flag / must-not-flag table for KEY-ROTATION-AGE (now = 2026-11-22).
import { describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../core/x509/facts';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keyRotationAge as rule } from './key-rotation-age';

describe('KEY-ROTATION-AGE', () => {
	it.each<[string, CertificateFacts[], string[][]]>([
		['4-year-old key', [certFacts({ notBefore: '2022-11-01T00:00:00Z' })], [['high', 'cap B']]],
		['2.5-year-old key', [certFacts({ notBefore: '2024-05-01T00:00:00Z' })], [['medium', 'warn']]],
		[
			'fresh certificate, old key (same SPKI)',
			[
				certFacts({ notBefore: '2026-06-01T00:00:00Z', spkiSha256: 's' }),
				certFacts({ notBefore: '2022-01-01T00:00:00Z', spkiSha256: 's' }),
			],
			[['high', 'cap B']],
		],
		[
			'fresh certificate, old JKS entry date',
			[certFacts({ notBefore: '2026-06-01T00:00:00Z', entryCreated: '2023-01-01T00:00:00Z' })],
			[['high', 'cap B']],
		],
		['1-year-old key', [certFacts({ notBefore: '2025-12-01T00:00:00Z' })], []],
		['old CA key ignored', [certFacts({ notBefore: '2010-01-01T00:00:00Z', role: 'root' })], []],
		[
			'pinned partner certificate ignored',
			[certFacts({ notBefore: '2010-01-01T00:00:00Z', pinned: true })],
			[],
		],
	])('%s', (_n, certs, tiers) => {
		const hits = runRule(rule, facts({ certificates: certs }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
