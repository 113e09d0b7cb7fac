// Must-flag / must-not-flag table for CERT-VALIDITY-TOO-LONG.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certValidityTooLong as rule } from './cert-validity-too-long';

const pub = (notBefore: string, validityDays: number) =>
	certFacts({ notBefore, validityDays, publicRoot: { name: 'ISRG Root X1', match: 'issuer' } });

RuleTester.run(rule, {
	valid: [
		{ name: '1 year', facts: facts({ certificates: [certFacts({ validityDays: 366 })] }) },
		{ name: '90 days', facts: facts({ certificates: [certFacts({ validityDays: 90 })] }) },
		{
			name: '20-year root CA',
			facts: facts({ certificates: [certFacts({ validityDays: 7300, role: 'root' })] }),
		},
		// Publicly trusted leaves: the CA/B maximum for the issue date, medium warn, nothing else.
		{
			name: 'public, 2025, 398 days',
			facts: facts({ certificates: [pub('2025-06-01T00:00:00Z', 398)] }),
		},
		{
			name: 'public, 2026-04, 200 days',
			facts: facts({ certificates: [pub('2026-04-01T00:00:00Z', 200)] }),
		},
		{
			name: 'public, 2030, 47 days',
			facts: facts({ certificates: [pub('2030-01-01T00:00:00Z', 47)] }),
		},
		{
			name: 'public, 2019, 825 days',
			facts: facts({ certificates: [pub('2019-01-01T00:00:00Z', 825)] }),
		},
	],
	invalid: [
		{
			name: '20 years',
			facts: facts({ certificates: [certFacts({ validityDays: 7300 })] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'high',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '7300 days (2026-06-01T00:00:00Z → 2026-12-31T00:00:00Z)',
				},
			],
		},
		{
			name: '10 years',
			facts: facts({ certificates: [certFacts({ validityDays: 3650 })] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'high',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '3650 days (2026-06-01T00:00:00Z → 2026-12-31T00:00:00Z)',
				},
			],
		},
		{
			name: '5 years',
			facts: facts({ certificates: [certFacts({ validityDays: 1825 })] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '1825 days (2026-06-01T00:00:00Z → 2026-12-31T00:00:00Z)',
				},
			],
		},
		{
			name: '2 years',
			facts: facts({ certificates: [certFacts({ validityDays: 730 })] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'low',
					effect: 'none',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: '730 days (2026-06-01T00:00:00Z → 2026-12-31T00:00:00Z)',
				},
			],
		},
		{
			name: 'public, 2025, 399 days',
			facts: facts({ certificates: [pub('2025-06-01T00:00:00Z', 399)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'399 days (2025-06-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 398 days (root: ISRG Root X1)',
				},
			],
		},
		{
			name: 'public, 2026-04, 201 days',
			facts: facts({ certificates: [pub('2026-04-01T00:00:00Z', 201)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'201 days (2026-04-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 200 days (root: ISRG Root X1)',
				},
			],
		},
		{
			name: 'public, 2027-06, 101 days',
			facts: facts({ certificates: [pub('2027-06-01T00:00:00Z', 101)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'101 days (2027-06-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 100 days (root: ISRG Root X1)',
				},
			],
		},
		{
			name: 'public, 2030, 48 days',
			facts: facts({ certificates: [pub('2030-01-01T00:00:00Z', 48)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'48 days (2030-01-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 47 days (root: ISRG Root X1)',
				},
			],
		},
		{
			name: 'public, 2019, 826 days',
			facts: facts({ certificates: [pub('2019-01-01T00:00:00Z', 826)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'826 days (2019-01-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 825 days (root: ISRG Root X1)',
				},
			],
		},
		{
			name: 'public, 10 years: not the private high tier',
			facts: facts({ certificates: [pub('2025-01-01T00:00:00Z', 3650)] }),
			findings: [
				{
					ruleId: 'CERT-VALIDITY-TOO-LONG',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'3650 days (2025-01-01T00:00:00Z → 2026-12-31T00:00:00Z); CA/B maximum for a publicly trusted certificate issued then: 398 days (root: ISRG Root X1)',
				},
			],
		},
	],
});
