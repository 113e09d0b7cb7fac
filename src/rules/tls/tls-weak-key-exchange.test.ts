// Must-flag / must-not-flag table for TLS-WEAK-KEY-EXCHANGE.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { tlsWeakKeyExchange } from './tls-weak-key-exchange';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'DHE with 768-bit group',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 768, origin: origin('a.conf', 'ssl_dhparam', 4, 'dh768.pem') },
					}),
				],
			}),
		[['critical', 'F']],
	],
	[
		'DHE with 1024-bit group',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 1024, origin: origin(null, 'default', null, 'JDK 8 default') },
					}),
				],
			}),
		[['medium', 'cap B']],
	],
	[
		'ECDHE on a 192-bit curve',
		() => facts({ tls: [tc({ curves: [{ name: 'prime192v1', bits: 192 }] })] }),
		[['high', 'cap B']],
	],
	[
		'DHE 2048 and X25519',
		() =>
			facts({
				tls: [
					tc({
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 2048, origin: origin(null, 'default', null, 'auto') },
					}),
				],
			}),
		[],
	],
	[
		'small DH group but no DHE suite',
		() => facts({ tls: [tc({ dh: { bits: 512, origin: origin(null, 'default', null, 'x') } })] }),
		[],
	],
];

describe('TLS-WEAK-KEY-EXCHANGE', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsWeakKeyExchange, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
