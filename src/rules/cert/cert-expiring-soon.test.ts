// Must-flag / must-not-flag table for CERT-EXPIRING-SOON (now = 2026-11-22T12:00Z).
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certExpiringSoon as rule } from './cert-expiring-soon';

const c = (notBefore: string, notAfter: string) => certFacts({ notBefore, notAfter });

RuleTester.run(rule, {
	valid: [
		{
			name: '1-year cert, 90 days left',
			facts: facts({ certificates: [c('2026-03-01T00:00:00Z', '2027-02-20T12:00:00Z')] }),
		},
		{
			name: '90-day cert, 40 days left',
			facts: facts({ certificates: [c('2026-10-03T00:00:00Z', '2027-01-01T12:00:00Z')] }),
		},
		{
			name: 'already expired',
			facts: facts({ certificates: [c('2025-01-01T00:00:00Z', '2026-11-01T00:00:00Z')] }),
		},
	],
	invalid: [
		{
			name: '1-year cert, 20 days left',
			facts: facts({ certificates: [c('2026-01-01T00:00:00Z', '2026-12-12T12:00:00Z')] }),
			findings: [
				{
					ruleId: 'CERT-EXPIRING-SOON',
					severity: 'high',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '20 days left (notAfter 2026-12-12T12:00:00Z, lifetime 346 days)',
				},
			],
		},
		{
			name: '1-year cert, 45 days left',
			facts: facts({ certificates: [c('2026-01-01T00:00:00Z', '2027-01-06T12:00:00Z')] }),
			findings: [
				{
					ruleId: 'CERT-EXPIRING-SOON',
					severity: 'medium',
					effect: 'none',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '45 days left (notAfter 2027-01-06T12:00:00Z, lifetime 371 days)',
				},
			],
		},
		{
			name: '90-day cert, 10 days left',
			facts: facts({ certificates: [c('2026-09-03T00:00:00Z', '2026-12-02T12:00:00Z')] }),
			findings: [
				{
					ruleId: 'CERT-EXPIRING-SOON',
					severity: 'high',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '10 days left (notAfter 2026-12-02T12:00:00Z, lifetime 91 days)',
				},
			],
		},
		{
			name: '90-day cert, 20 days left',
			facts: facts({ certificates: [c('2026-09-13T00:00:00Z', '2026-12-12T12:00:00Z')] }),
			findings: [
				{
					ruleId: 'CERT-EXPIRING-SOON',
					severity: 'medium',
					effect: 'none',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '20 days left (notAfter 2026-12-12T12:00:00Z, lifetime 91 days)',
				},
			],
		},
	],
});
