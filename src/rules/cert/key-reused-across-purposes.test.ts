// Must-flag / must-not-flag table for KEY-REUSED-ACROSS-PURPOSES.
import { sigFacts } from '../../core/soap/testing';
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keyReusedAcrossPurposes as rule } from './key-reused-across-purposes';

const tls = certFacts({
	sha256: 't'.repeat(64),
	spkiSha256: 'k',
	extendedKeyUsage: ['serverAuth'],
});
const other = certFacts({ sha256: 'o'.repeat(64), spkiSha256: 'k2', extendedKeyUsage: [] });

RuleTester.run(rule, {
	valid: [
		{
			name: 'signing with a separate key',
			facts: facts({
				certificates: [tls, other],
				signatures: [sigFacts({ signerCertSha256: other.sha256 })],
			}),
		},
		{ name: 'TLS only', facts: facts({ certificates: [tls] }) },
	],
	invalid: [
		{
			name: 'TLS key also signs messages',
			facts: facts({
				certificates: [tls],
				signatures: [sigFacts({ signerCertSha256: tls.sha256 })],
			}),
			findings: [
				{
					ruleId: 'KEY-REUSED-ACROSS-PURPOSES',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'key of CN=api.example.com [SPKI sha256 k…]',
					evidence: 'TLS authentication and message signing',
				},
			],
		},
	],
});
