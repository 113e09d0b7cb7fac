// Must-flag / must-not-flag table for TLS-RC4-CIPHER.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsRc4Cipher } from './tls-rc4-cipher';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'only RC4',
		() => facts({ tls: [tc({ protocols: ['TLSv1'], suites: ['TLS_RSA_WITH_RC4_128_SHA'] })] }),
		[['high', 'F']],
	],
	[
		'RC4 with TLS 1.2',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'RC4 with TLS 1.0 only',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1'],
						suites: ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
					}),
				],
			}),
		[['high', 'cap B']],
	],
	['no RC4', () => facts({ tls: [tc()] }), []],
	[
		'scan without a suite list: RC4 offered with TLS 1.2',
		() => facts({ tls: [sc({ RC4: true })] }),
		[['high', 'cap C']],
	],
	[
		'scan: RC4 offered, TLS 1.0 only',
		() => facts({ tls: [sc({ RC4: true }, { protocols: ['TLSv1'] })] }),
		[['high', 'cap B']],
	],
	['scan: RC4 not offered', () => facts({ tls: [sc({ RC4: false })] }), []],
];

describe('TLS-RC4-CIPHER', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsRc4Cipher, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
