// Must-flag / must-not-flag table for CERT-EXPIRED (now = 2026-11-22).
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certExpired as rule } from './cert-expired';

RuleTester.run(rule, {
	valid: [
		{ name: 'valid leaf', facts: facts({ certificates: [certFacts()] }) },
		{
			name: 'expired root is ignored',
			facts: facts({
				certificates: [certFacts({ role: 'root', notAfter: '2020-01-01T00:00:00Z' })],
			}),
		},
		{
			name: 'expired extra certificate (on no leaf chain) is not judged as deployed',
			facts: facts({
				certificates: [
					certFacts({
						role: 'intermediate',
						notAfter: '2026-01-01T00:00:00Z',
						extraCertificate: 'sent in server.p12 with a chain but on no leaf chain',
					}),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'expired leaf',
			facts: facts({ certificates: [certFacts({ notAfter: '2026-11-01T00:00:00Z' })] }),
			findings: [
				{
					ruleId: 'CERT-EXPIRED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'notAfter 2026-11-01T00:00:00Z',
				},
			],
		},
		{
			name: 'expired intermediate',
			facts: facts({
				certificates: [
					certFacts({ role: 'intermediate', isCA: true, notAfter: '2025-01-01T00:00:00Z' }),
				],
			}),
			findings: [
				{
					ruleId: 'CERT-EXPIRED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'notAfter 2025-01-01T00:00:00Z',
				},
			],
		},
		{
			name: 'not yet valid',
			facts: facts({
				certificates: [
					certFacts({ notBefore: '2027-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z' }),
				],
			}),
			findings: [
				{
					ruleId: 'CERT-EXPIRED',
					severity: 'critical',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'notBefore 2027-01-01T00:00:00Z (not yet valid)',
					title: 'Certificate not yet valid',
				},
			],
		},
	],
});
