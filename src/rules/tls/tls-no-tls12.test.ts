// Must-flag / must-not-flag table for TLS-NO-TLS12.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsNoTls12 } from './tls-no-tls12';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'TLS 1.0 and 1.1 only',
		() =>
			facts({
				tls: [
					tc({ protocols: ['TLSv1', 'TLSv1.1'], suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] }),
				],
			}),
		[['high', 'cap C']],
	],
	['TLS 1.3 only', () => facts({ tls: [tc({ protocols: ['TLSv1.3'], suites: [] })] }), []],
	['TLS 1.2', () => facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }), []],
];

describe('TLS-NO-TLS12', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsNoTls12, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
