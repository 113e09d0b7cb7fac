// Must-flag / must-not-flag table for TLS-CBC-CIPHERS.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsCbcCiphers } from './tls-cbc-ciphers';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'one CBC suite',
		() =>
			facts({
				tls: [
					tc({
						suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
					}),
				],
			}),
		[['low', 'cap A']],
	],
	['AEAD only', () => facts({ tls: [tc()] }), []],
	[
		'CBC on a plain channel is not judged',
		() =>
			facts({ tls: [tc({ channel: 'PLAIN', suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] })] }),
		[],
	],
	[
		'scan without a suite list: cipherlist_OBSOLETED offered',
		() => facts({ tls: [sc({ OBSOLETED: true })] }),
		[['low', 'cap A']],
	],
	['scan: cipherlist_OBSOLETED not offered', () => facts({ tls: [sc({ OBSOLETED: false })] }), []],
];

describe('TLS-CBC-CIPHERS', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsCbcCiphers, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
