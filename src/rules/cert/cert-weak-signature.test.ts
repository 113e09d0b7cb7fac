// Must-flag / must-not-flag table for CERT-WEAK-SIGNATURE.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certWeakSignature as rule } from './cert-weak-signature';

RuleTester.run(rule, {
	valid: [
		{ name: 'sha256WithRSA', facts: facts({ certificates: [certFacts()] }) },
		{
			name: 'ecdsa-with-SHA384',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'ecdsa-with-SHA384' })] }),
		},
		{
			name: 'SHA-1 root self-signature ignored',
			facts: facts({
				certificates: [certFacts({ role: 'root', signatureAlgorithm: 'sha1WithRSAEncryption' })],
			}),
		},
	],
	invalid: [
		{
			name: 'md5WithRSA',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'md5WithRSAEncryption' })] }),
			findings: [
				{
					ruleId: 'CERT-WEAK-SIGNATURE',
					severity: 'critical',
					effect: 'F',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'md5WithRSAEncryption',
				},
			],
		},
		{
			name: 'md2WithRSA',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'md2WithRSAEncryption' })] }),
			findings: [
				{
					ruleId: 'CERT-WEAK-SIGNATURE',
					severity: 'critical',
					effect: 'F',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'md2WithRSAEncryption',
				},
			],
		},
		{
			name: 'sha1WithRSA',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'sha1WithRSAEncryption' })] }),
			findings: [
				{
					ruleId: 'CERT-WEAK-SIGNATURE',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'sha1WithRSAEncryption',
				},
			],
		},
		{
			name: 'ecdsa-with-SHA1',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'ecdsa-with-SHA1' })] }),
			findings: [
				{
					ruleId: 'CERT-WEAK-SIGNATURE',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'ecdsa-with-SHA1',
				},
			],
		},
		{
			name: 'dsa-with-SHA1',
			facts: facts({ certificates: [certFacts({ signatureAlgorithm: 'dsa-with-SHA1' })] }),
			findings: [
				{
					ruleId: 'CERT-WEAK-SIGNATURE',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'dsa-with-SHA1',
				},
			],
		},
	],
});
