// Must-flag / must-not-flag table for RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { runtimeJava7ClientTls10Default } from './runtime-java7-client-tls10-default';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'Java 7u80 client without override',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						protocols: ['TLSv1'],
						runtime: { kind: 'java', label: 'Java 7u80', version: '7u80', java7ClientTls10: true },
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'Java 7u80 server',
		() =>
			facts({
				tls: [
					tc({
						role: 'server',
						runtime: { kind: 'java', label: 'Java 7u80', version: '7u80', java7ClientTls10: true },
					}),
				],
			}),
		[],
	],
	[
		'Java 8 client',
		() =>
			facts({
				tls: [
					tc({ role: 'client', runtime: { kind: 'java', label: 'Java 8u202', version: '8u202' } }),
				],
			}),
		[],
	],
];

describe('RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(runtimeJava7ClientTls10Default, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
