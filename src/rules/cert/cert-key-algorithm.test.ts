// Must-flag / must-not-flag table for CERT-KEY-ALGORITHM.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certKeyAlgorithm as rule } from './cert-key-algorithm';

RuleTester.run(rule, {
	valid: [
		{ name: 'e = 65537', facts: facts({ certificates: [certFacts({ rsaExponent: '65537' })] }) },
		{
			name: 'named EC curve',
			facts: facts({
				certificates: [certFacts({ keyAlgorithm: 'EC', rsaExponent: null, curve: 'P-256' })],
			}),
		},
		{
			name: 'Ed25519',
			facts: facts({ certificates: [certFacts({ keyAlgorithm: 'Ed25519', rsaExponent: null })] }),
		},
	],
	invalid: [
		{
			name: 'e = 1',
			facts: facts({ certificates: [certFacts({ rsaExponent: '1' })] }),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'critical',
					effect: 'F',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA public exponent 1',
				},
			],
		},
		{
			name: 'e = 2',
			facts: facts({ certificates: [certFacts({ rsaExponent: '2' })] }),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'high',
					effect: 'cap C',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA public exponent 2',
				},
			],
		},
		{
			name: 'e = 65536',
			facts: facts({ certificates: [certFacts({ rsaExponent: '65536' })] }),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'high',
					effect: 'cap C',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA public exponent 65536',
				},
			],
		},
		{
			name: 'e = 3',
			facts: facts({ certificates: [certFacts({ rsaExponent: '3' })] }),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA public exponent 3',
				},
			],
		},
		{
			name: 'DSA',
			facts: facts({
				certificates: [certFacts({ keyAlgorithm: 'DSA', rsaExponent: null, keySize: 2048 })],
			}),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'DSA 2048 bits',
				},
			],
		},
		{
			name: 'explicit EC parameters',
			facts: facts({
				certificates: [certFacts({ keyAlgorithm: 'EC', rsaExponent: null, explicitCurve: true })],
			}),
			findings: [
				{
					ruleId: 'CERT-KEY-ALGORITHM',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'EC key with explicit (non-named) domain parameters',
				},
			],
		},
	],
});
