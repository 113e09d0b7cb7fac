// Must-flag / must-not-flag table for CERT-REVOKED.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certRevoked as rule } from './cert-revoked';

RuleTester.run(rule, {
	valid: [
		{ name: 'not listed', facts: facts({ certificates: [certFacts()] }) },
		{
			name: 'listed root (roots are not graded)',
			facts: facts({
				certificates: [
					certFacts({
						role: 'root',
						revoked: { crlInput: 'ca.crl', date: null, crlVerified: true },
					}),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'listed leaf, CRL verified',
			facts: facts({
				certificates: [
					certFacts({
						revoked: { crlInput: 'ca.crl', date: '2026-01-01T00:00:00Z', crlVerified: true },
					}),
				],
			}),
			findings: [
				{
					ruleId: 'CERT-REVOKED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'serial 01 is listed in the CRL ca.crl (revoked 2026-01-01T00:00:00Z); the CRL signature verifies with the issuer certificate',
				},
			],
		},
		{
			name: 'listed leaf, CRL issuer not dropped',
			facts: facts({
				certificates: [
					certFacts({ revoked: { crlInput: 'ca.crl', date: null, crlVerified: false } }),
				],
			}),
			findings: [
				{
					ruleId: 'CERT-REVOKED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'serial 01 is listed in the CRL ca.crl; the CRL signature could not be checked (issuer certificate not dropped or algorithm not supported)',
				},
			],
		},
		{
			name: 'listed intermediate',
			facts: facts({
				certificates: [
					certFacts({
						role: 'intermediate',
						revoked: { crlInput: 'ca.crl', date: null, crlVerified: true },
					}),
				],
			}),
			findings: [
				{
					ruleId: 'CERT-REVOKED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'serial 01 is listed in the CRL ca.crl; the CRL signature verifies with the issuer certificate',
				},
			],
		},
	],
});
