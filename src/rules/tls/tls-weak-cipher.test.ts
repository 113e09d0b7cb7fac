// Must-flag / must-not-flag table for TLS-WEAK-CIPHER.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsWeakCipher } from './tls-weak-cipher';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'anonymous suite',
		() =>
			facts({
				tls: [
					tc({
						suites: [
							'TLS_DH_anon_WITH_AES_128_GCM_SHA256',
							'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
						],
					}),
				],
			}),
		[['critical', 'F']],
	],
	[
		'NULL encryption',
		() => facts({ tls: [tc({ suites: ['TLS_RSA_WITH_NULL_SHA256'] })] }),
		[['critical', 'F']],
	],
	[
		'export suite',
		() => facts({ tls: [tc({ suites: ['TLS_RSA_EXPORT_WITH_RC4_40_MD5'] })] }),
		[['critical', 'F']],
	],
	[
		'single DES',
		() => facts({ tls: [tc({ suites: ['TLS_RSA_WITH_DES_CBC_SHA'] })] }),
		[['critical', 'F']],
	],
	[
		'3DES is 112 bits: not this rule',
		() => facts({ tls: [tc({ suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] })] }),
		[],
	],
	['AEAD ECDHE', () => facts({ tls: [tc()] }), []],
	[
		'scan without a suite list: cipherlist_aNULL offered',
		() => facts({ tls: [sc({ aNULL: true, NULL: false })] }),
		[['critical', 'F']],
	],
	[
		'scan: NULL, aNULL, EXPORT and LOW not offered',
		() => facts({ tls: [sc({ NULL: false, aNULL: false, EXPORT: false, LOW: false })] }),
		[],
	],
];

describe('TLS-WEAK-CIPHER', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsWeakCipher, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
