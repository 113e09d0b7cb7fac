// Must-flag / must-not-flag table for TLS-3DES-CIPHER.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tls3desCipher } from './tls-3des-cipher';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'3DES with TLS 1.2',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
		[['medium', 'cap C']],
	],
	[
		'3DES with TLS 1.0 only',
		() => facts({ tls: [tc({ protocols: ['TLSv1'], suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] })] }),
		[],
	],
	['no 64-bit block cipher', () => facts({ tls: [tc()] }), []],
	[
		'scan without a suite list: cipherlist_3DES_IDEA offered with TLS 1.2',
		() => facts({ tls: [sc({ '3DES_IDEA': true })] }),
		[['medium', 'cap C']],
	],
	[
		'scan: cipherlist_3DES_IDEA not offered',
		() => facts({ tls: [sc({ '3DES_IDEA': false })] }),
		[],
	],
	[
		'scan: 3DES offered but TLS 1.0 only',
		() => facts({ tls: [sc({ '3DES_IDEA': true }, { protocols: ['TLSv1'] })] }),
		[],
	],
];

describe('TLS-3DES-CIPHER', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tls3desCipher, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
