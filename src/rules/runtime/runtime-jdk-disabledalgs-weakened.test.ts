// Must-flag / must-not-flag table for RUNTIME-JDK-DISABLEDALGS-WEAKENED.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeJdkDisabledalgsWeakened } from './runtime-jdk-disabledalgs-weakened';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'TLSv1 re-enabled in java.security',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'java',
							label: 'Java 17',
							version: '17',
							disabledAlgorithms: {
								value: 'SSLv3, RC4',
								origin: origin('java.security', 'jdk.tls.disabledAlgorithms', 12, 'SSLv3, RC4'),
								defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
								missing: ['TLSv1', 'TLSv1.1'],
							},
						},
					}),
				],
			}),
		[['medium', 'warn']],
	],
	[
		'two connectors, one file: reported once',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'java',
							label: 'Java 17',
							version: '17',
							disabledAlgorithms: {
								value: 'SSLv3, RC4',
								origin: origin('java.security', 'jdk.tls.disabledAlgorithms', 12, 'SSLv3, RC4'),
								defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
								missing: ['TLSv1'],
							},
						},
					}),
					tc({
						runtime: {
							kind: 'java',
							label: 'Java 17',
							version: '17',
							disabledAlgorithms: {
								value: 'SSLv3, RC4',
								origin: origin('java.security', 'jdk.tls.disabledAlgorithms', 12, 'SSLv3, RC4'),
								defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
								missing: ['TLSv1'],
							},
						},
					}),
				],
			}),
		[['medium', 'warn']],
	],
	[
		'default list (no file)',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'java',
							label: 'Java 17',
							version: '17',
							disabledAlgorithms: {
								value: 'SSLv3, RC4',
								origin: origin(null, 'default', 12, 'SSLv3, RC4'),
								defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
								missing: ['TLSv1'],
							},
						},
					}),
				],
			}),
		[],
	],
	[
		'nothing missing',
		() =>
			facts({
				tls: [
					tc({
						runtime: {
							kind: 'java',
							label: 'Java 17',
							version: '17',
							disabledAlgorithms: {
								value: 'SSLv3, RC4',
								origin: origin('java.security', 'jdk.tls.disabledAlgorithms', 12, 'SSLv3, RC4'),
								defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
								missing: [],
							},
						},
					}),
				],
			}),
		[],
	],
];

describe('RUNTIME-JDK-DISABLEDALGS-WEAKENED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(runtimeJdkDisabledalgsWeakened, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
