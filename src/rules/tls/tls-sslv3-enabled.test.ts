// Must-flag / must-not-flag table for TLS-SSLV3-ENABLED.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsSslv3Enabled } from './tls-sslv3-enabled';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'SSLv3 is the best protocol',
		() => facts({ tls: [tc({ protocols: ['SSLv3'], suites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] })] }),
		[['critical', 'F']],
	],
	[
		'SSLv3 next to TLS 1.2',
		() => facts({ tls: [tc({ protocols: ['SSLv3', 'TLSv1.2'] })] }),
		[['high', 'cap C']],
	],
	['no SSLv3', () => facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'] })] }), []],
];

describe('TLS-SSLV3-ENABLED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsSslv3Enabled, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
