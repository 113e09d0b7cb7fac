// Must-flag / must-not-flag table for RUNTIME-OPENSSL-SECLEVEL-LOW.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeOpensslSeclevelLow } from './runtime-openssl-seclevel-low';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'@SECLEVEL=0',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'openssl',
							label: 'OpenSSL 3',
							version: '3.0.0',
							secLevel: {
								level: 0,
								implicit: false,
								origin: origin('nginx.conf', 'ssl_ciphers', 9, 'DEFAULT@SECLEVEL=0'),
							},
						},
					}),
				],
			}),
		[['medium', 'cap B']],
	],
	[
		'@SECLEVEL=1 explicit',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'openssl',
							label: 'OpenSSL 3',
							version: '3.0.0',
							secLevel: {
								level: 1,
								implicit: false,
								origin: origin('nginx.conf', 'ssl_ciphers', 9, 'DEFAULT@SECLEVEL=1'),
							},
						},
					}),
				],
			}),
		[['low', 'warn']],
	],
	[
		'library default level 1 (not stated)',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'openssl',
							label: 'OpenSSL 3',
							version: '3.0.0',
							secLevel: {
								level: 1,
								implicit: true,
								origin: origin('nginx.conf', 'ssl_ciphers', 9, 'DEFAULT@SECLEVEL=1'),
							},
						},
					}),
				],
			}),
		[],
	],
	[
		'@SECLEVEL=2',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'openssl',
							label: 'OpenSSL 3',
							version: '3.0.0',
							secLevel: {
								level: 2,
								implicit: false,
								origin: origin('nginx.conf', 'ssl_ciphers', 9, 'DEFAULT@SECLEVEL=2'),
							},
						},
					}),
				],
			}),
		[],
	],
];

describe('RUNTIME-OPENSSL-SECLEVEL-LOW', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(runtimeOpensslSeclevelLow, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
