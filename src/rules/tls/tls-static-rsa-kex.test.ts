// Must-flag / must-not-flag table for TLS-STATIC-RSA-KEX.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsStaticRsaKex } from './tls-static-rsa-kex';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'RSA next to ECDHE',
		() =>
			facts({
				tls: [
					tc({
						suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
		[['low', 'cap A']],
	],
	[
		'only RSA, no TLS 1.3: TLS-NO-FORWARD-SECRECY instead',
		() =>
			facts({ tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })] }),
		[],
	],
	['no RSA key transport', () => facts({ tls: [tc()] }), []],
	[
		'scan without a suite list: strong suites without FS next to FS ones',
		() => facts({ tls: [sc({ STRONG_NOFS: true, STRONG_FS: true })] }),
		[['low', 'cap A']],
	],
	[
		'scan: only suites without FS (TLS-NO-FORWARD-SECRECY territory)',
		() => facts({ tls: [sc({ STRONG_NOFS: true, STRONG_FS: false }, { protocols: ['TLSv1.2'] })] }),
		[],
	],
	[
		'scan: cipherlist_STRONG_NOFS not offered',
		() => facts({ tls: [sc({ STRONG_NOFS: false })] }),
		[],
	],
];

describe('TLS-STATIC-RSA-KEX', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsStaticRsaKex, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
