// Must-flag / must-not-flag table for CERT-SELF-SIGNED.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certSelfSigned as rule } from './cert-self-signed';

const self = { selfIssued: true, selfSigned: true, issuer: 'CN=api.example.com' };

RuleTester.run(rule, {
	valid: [
		{ name: 'CA-issued leaf', facts: facts({ certificates: [certFacts()], trustAnchors: [] }) },
		{
			name: 'self-signed root CA',
			facts: facts({
				certificates: [certFacts({ ...self, role: 'root', isCA: true })],
				trustAnchors: [],
			}),
		},
		{
			name: 'pinned trusted entry',
			facts: facts({ certificates: [certFacts({ ...self, pinned: true })], trustAnchors: [] }),
		},
		{
			name: 'marked as trust anchor',
			facts: facts({
				certificates: [certFacts({ ...self, sha256: 'f'.repeat(64) })],
				trustAnchors: ['f'.repeat(64)],
			}),
		},
	],
	invalid: [
		{
			name: 'self-signed leaf (keytool default)',
			facts: facts({ certificates: [certFacts(self)], trustAnchors: [] }),
			findings: [
				{
					ruleId: 'CERT-SELF-SIGNED',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'issuer = subject = CN=api.example.com',
				},
			],
		},
	],
});
