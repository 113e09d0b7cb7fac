// Must-flag / must-not-flag table for RUNTIME-DOTNET-PROTOCOL-OVERRIDE.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeDotnetProtocolOverride } from './runtime-dotnet-protocol-override';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'Tls and Tls11 hard-coded',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.8',
							dotnet: {
								framework: '4.8',
								flags: {
									names: ['Tls', 'Tls11', 'Tls12'],
									origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
								},
								strongCrypto: null,
							},
						},
					}),
				],
			}),
		[['medium', 'cap B']],
	],
	[
		'framework 4.5 without strong crypto',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.5',
							dotnet: { framework: '4.5', flags: null, strongCrypto: null },
						},
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'framework 4.5 with SchUseStrongCrypto',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.5',
							dotnet: { framework: '4.5', flags: null, strongCrypto: true },
						},
					}),
				],
			}),
		[],
	],
	[
		'only Tls12 hard-coded',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.8',
							dotnet: {
								framework: '4.8',
								flags: {
									names: ['Tls12'],
									origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
								},
								strongCrypto: null,
							},
						},
					}),
				],
			}),
		[['low', 'warn']],
	],
	[
		'SystemDefault on 4.8',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.8',
							dotnet: {
								framework: '4.8',
								flags: {
									names: ['SystemDefault'],
									origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
								},
								strongCrypto: null,
							},
						},
					}),
				],
			}),
		[],
	],
];

describe('RUNTIME-DOTNET-PROTOCOL-OVERRIDE', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(runtimeDotnetProtocolOverride, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
