// Must-flag / must-not-flag table for TLS-NO-TLS13.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsNoTls13 } from './tls-no-tls13';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	['TLS 1.2 only', () => facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }), [['low', 'cap A']]],
	['TLS 1.2 and 1.3', () => facts({ tls: [tc()] }), []],
	['no protocol at all', () => facts({ tls: [tc({ protocols: [], suites: [] })] }), []],
];

describe('TLS-NO-TLS13', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsNoTls13, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
