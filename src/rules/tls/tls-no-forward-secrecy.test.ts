// Must-flag / must-not-flag table for TLS-NO-FORWARD-SECRECY.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsNoForwardSecrecy } from './tls-no-forward-secrecy';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'only RSA key transport',
		() =>
			facts({ tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })] }),
		[['medium', 'cap B']],
	],
	[
		'TLS 1.3 gives forward secrecy',
		() => facts({ tls: [tc({ suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })] }),
		[],
	],
	['ECDHE present', () => facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }), []],
];

describe('TLS-NO-FORWARD-SECRECY', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsNoForwardSecrecy, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
