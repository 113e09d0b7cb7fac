// Must-flag / must-not-flag table for TLS-NO-FALLBACK-SCSV.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsNoFallbackScsv } from './tls-no-fallback-scsv';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'TLS 1.0–1.2 without SCSV',
		() => facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], fallbackScsv: false })] }),
		[['low', 'cap A']],
	],
	[
		'single version up to 1.2',
		() => facts({ tls: [tc({ protocols: ['TLSv1.2', 'TLSv1.3'], fallbackScsv: false })] }),
		[],
	],
	[
		'not scanned',
		() => facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'], fallbackScsv: null })] }),
		[],
	],
];

describe('TLS-NO-FALLBACK-SCSV', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsNoFallbackScsv, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
