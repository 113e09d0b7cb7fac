// Must-flag / must-not-flag table for TLS-SSLV2-ENABLED.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsSslv2Enabled } from './tls-sslv2-enabled';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'SSLv2 enabled',
		() => facts({ tls: [tc({ protocols: ['SSLv2', 'TLSv1.2'] })] }),
		[['critical', 'F']],
	],
	['TLS 1.2 and 1.3 only', () => facts({ tls: [tc()] }), []],
	[
		'plain channel ignores protocols',
		() => facts({ tls: [tc({ protocols: ['SSLv2'], channel: 'PLAIN' })] }),
		[],
	],
];

describe('TLS-SSLV2-ENABLED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsSslv2Enabled, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
