// Must-flag / must-not-flag table for TLS-DECLARED-OBSERVED-MISMATCH.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsDeclaredObservedMismatch } from './tls-declared-observed-mismatch';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'scanner sees TLS 1.0 the config excludes',
		() =>
			facts({
				tls: [
					tc({
						declared: {
							protocols: ['TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputs: ['nginx.conf'],
						},
						observed: {
							protocols: ['TLSv1', 'TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputName: 'scan.json',
						},
					}),
				],
			}),
		[['medium', 'warn']],
	],
	[
		'scanner sees less (stricter proxy)',
		() =>
			facts({
				tls: [
					tc({
						declared: {
							protocols: ['TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputs: ['nginx.conf'],
						},
						observed: {
							protocols: ['TLSv1.3'],
							suites: [],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputName: 'scan.json',
						},
					}),
				],
			}),
		[['info', 'none']],
	],
	[
		'identical',
		() =>
			facts({
				tls: [
					tc({
						declared: {
							protocols: ['TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputs: ['nginx.conf'],
						},
						observed: {
							protocols: ['TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputName: 'scan.json',
						},
					}),
				],
			}),
		[],
	],
	[
		'declared only',
		() =>
			facts({
				tls: [
					tc({
						declared: {
							protocols: ['TLSv1.2', 'TLSv1.3'],
							suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
							tls13: ['TLS_AES_128_GCM_SHA256'],
							inputs: ['nginx.conf'],
						},
					}),
				],
			}),
		[],
	],
];

describe('TLS-DECLARED-OBSERVED-MISMATCH', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsDeclaredObservedMismatch, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
