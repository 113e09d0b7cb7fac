// Must-flag / must-not-flag table for CERT-EC-CURVE.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certEcCurve as rule } from './cert-ec-curve';

const ec = (curve: string, keySize: number) => certFacts({ keyAlgorithm: 'EC', curve, keySize });

const pub = (c: ReturnType<typeof ec>) => ({
	...c,
	publicRoot: { name: 'DigiCert Global Root G2', match: 'root' as const },
});

describe('CERT-EC-CURVE', () => {
	it.each([
		['secp112r1', ec('secp112r1', 112), [['critical', 'F']]],
		['P-192', ec('P-192', 192), [['high', 'cap B']]],
		['secp256k1, publicly trusted', pub(ec('secp256k1', 256)), [['low', 'warn']]],
		['brainpoolP256r1, publicly trusted', pub(ec('brainpoolP256r1', 256)), [['low', 'warn']]],
		['brainpoolP256r1, private CA', ec('brainpoolP256r1', 256), []],
		['secp256k1, private CA', ec('secp256k1', 256), []],
		['P-192, private CA', ec('P-192', 192), [['high', 'cap B']]],
		['P-256, publicly trusted', pub(ec('P-256', 256)), []],
		['P-256', ec('P-256', 256), []],
		['P-384', ec('P-384', 384), []],
		['RSA key', certFacts(), []],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
