// Must-flag / must-not-flag table for TLS-NO-AEAD.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsNoAead } from './tls-no-aead';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'CBC only, no TLS 1.3',
		() =>
			facts({
				tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] })],
			}),
		[['medium', 'cap B']],
	],
	[
		'CBC only but TLS 1.3',
		() => facts({ tls: [tc({ suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] })] }),
		[],
	],
	['GCM present', () => facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }), []],
];

describe('TLS-NO-AEAD', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsNoAead, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
