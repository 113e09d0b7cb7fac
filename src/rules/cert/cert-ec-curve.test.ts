// Must-flag / must-not-flag table for CERT-EC-CURVE.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certEcCurve as rule } from './cert-ec-curve';

const ec = (curve: string, keySize: number) => certFacts({ keyAlgorithm: 'EC', curve, keySize });

const pub = (c: ReturnType<typeof ec>) => ({
	...c,
	publicRoot: { name: 'DigiCert Global Root G2', match: 'root' as const },
});

RuleTester.run(rule, {
	valid: [
		{
			name: 'brainpoolP256r1, private CA',
			facts: facts({ certificates: [ec('brainpoolP256r1', 256)] }),
		},
		{ name: 'secp256k1, private CA', facts: facts({ certificates: [ec('secp256k1', 256)] }) },
		{ name: 'P-256, publicly trusted', facts: facts({ certificates: [pub(ec('P-256', 256))] }) },
		{ name: 'P-256', facts: facts({ certificates: [ec('P-256', 256)] }) },
		{ name: 'P-384', facts: facts({ certificates: [ec('P-384', 384)] }) },
		{ name: 'RSA key', facts: facts({ certificates: [certFacts()] }) },
	],
	invalid: [
		{
			name: 'secp112r1',
			facts: facts({ certificates: [ec('secp112r1', 112)] }),
			findings: [
				{
					ruleId: 'CERT-EC-CURVE',
					severity: 'critical',
					effect: 'F',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'secp112r1 (112 bits)',
				},
			],
		},
		{
			name: 'P-192',
			facts: facts({ certificates: [ec('P-192', 192)] }),
			findings: [
				{
					ruleId: 'CERT-EC-CURVE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'P-192 (192 bits)',
				},
			],
		},
		{
			name: 'secp256k1, publicly trusted',
			facts: facts({ certificates: [pub(ec('secp256k1', 256))] }),
			findings: [
				{
					ruleId: 'CERT-EC-CURVE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'secp256k1 (256 bits); chains to the public root DigiCert Global Root G2',
					title:
						'EC curve outside P-256/P-384/P-521 (not allowed for publicly-trusted certificates)',
				},
			],
		},
		{
			name: 'brainpoolP256r1, publicly trusted',
			facts: facts({ certificates: [pub(ec('brainpoolP256r1', 256))] }),
			findings: [
				{
					ruleId: 'CERT-EC-CURVE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'brainpoolP256r1 (256 bits); chains to the public root DigiCert Global Root G2',
					title:
						'EC curve outside P-256/P-384/P-521 (not allowed for publicly-trusted certificates)',
				},
			],
		},
		{
			name: 'P-192, private CA',
			facts: facts({ certificates: [ec('P-192', 192)] }),
			findings: [
				{
					ruleId: 'CERT-EC-CURVE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'P-192 (192 bits)',
				},
			],
		},
	],
});
