// Must-flag / must-not-flag table for CERT-NO-SAN.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certNoSan as rule } from './cert-no-san';

RuleTester.run(rule, {
	valid: [
		{ name: 'leaf with SAN', facts: facts({ certificates: [certFacts()] }) },
		{
			name: 'CA without SAN',
			facts: facts({
				certificates: [certFacts({ hasSan: false, role: 'intermediate', isCA: true })],
			}),
		},
	],
	invalid: [
		{
			name: 'leaf without SAN',
			facts: facts({ certificates: [certFacts({ hasSan: false, subjectAltNames: [] })] }),
			findings: [
				{
					ruleId: 'CERT-NO-SAN',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'no subjectAltName; subject CN=api.example.com',
				},
			],
		},
	],
});
