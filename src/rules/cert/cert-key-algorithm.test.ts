// Must-flag / must-not-flag table for CERT-KEY-ALGORITHM.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certKeyAlgorithm as rule } from './cert-key-algorithm';

describe('CERT-KEY-ALGORITHM', () => {
	it.each([
		['e = 1', certFacts({ rsaExponent: '1' }), [['critical', 'F']]],
		['e = 2', certFacts({ rsaExponent: '2' }), [['high', 'cap C']]],
		['e = 65536', certFacts({ rsaExponent: '65536' }), [['high', 'cap C']]],
		['e = 3', certFacts({ rsaExponent: '3' }), [['low', 'warn']]],
		['e = 65537', certFacts({ rsaExponent: '65537' }), []],
		[
			'DSA',
			certFacts({ keyAlgorithm: 'DSA', rsaExponent: null, keySize: 2048 }),
			[['medium', 'cap B']],
		],
		[
			'explicit EC parameters',
			certFacts({ keyAlgorithm: 'EC', rsaExponent: null, explicitCurve: true }),
			[['medium', 'cap B']],
		],
		['named EC curve', certFacts({ keyAlgorithm: 'EC', rsaExponent: null, curve: 'P-256' }), []],
		['Ed25519', certFacts({ keyAlgorithm: 'Ed25519', rsaExponent: null }), []],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
