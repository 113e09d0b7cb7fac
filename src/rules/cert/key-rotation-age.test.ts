// Must-flag / must-not-flag table for KEY-ROTATION-AGE (now = 2026-11-22).
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keyRotationAge as rule } from './key-rotation-age';

RuleTester.run(rule, {
	valid: [
		{
			name: '1-year-old key',
			facts: facts({ certificates: [certFacts({ notBefore: '2025-12-01T00:00:00Z' })] }),
		},
		{
			name: 'old CA key ignored',
			facts: facts({
				certificates: [certFacts({ notBefore: '2010-01-01T00:00:00Z', role: 'root' })],
			}),
		},
		{
			name: 'pinned partner certificate ignored',
			facts: facts({
				certificates: [certFacts({ notBefore: '2010-01-01T00:00:00Z', pinned: true })],
			}),
		},
	],
	invalid: [
		{
			name: '4-year-old key',
			facts: facts({ certificates: [certFacts({ notBefore: '2022-11-01T00:00:00Z' })] }),
			findings: [
				{
					ruleId: 'KEY-ROTATION-AGE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'key of CN=api.example.com [SPKI sha256 spki-aaaaaaaaaaa…]',
					evidence: 'key in use since 2022-11-01 (1482 days)',
				},
			],
		},
		{
			name: '2.5-year-old key',
			facts: facts({ certificates: [certFacts({ notBefore: '2024-05-01T00:00:00Z' })] }),
			findings: [
				{
					ruleId: 'KEY-ROTATION-AGE',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'key of CN=api.example.com [SPKI sha256 spki-aaaaaaaaaaa…]',
					evidence: 'key in use since 2024-05-01 (935 days)',
				},
			],
		},
		{
			name: 'fresh certificate, old key (same SPKI)',
			facts: facts({
				certificates: [
					certFacts({ notBefore: '2026-06-01T00:00:00Z', spkiSha256: 's' }),
					certFacts({ notBefore: '2022-01-01T00:00:00Z', spkiSha256: 's' }),
				],
			}),
			findings: [
				{
					ruleId: 'KEY-ROTATION-AGE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'key of CN=api.example.com [SPKI sha256 s…]',
					evidence: 'key in use since 2022-01-01 (1786 days)',
				},
			],
		},
		{
			name: 'fresh certificate, old JKS entry date',
			facts: facts({
				certificates: [
					certFacts({ notBefore: '2026-06-01T00:00:00Z', entryCreated: '2023-01-01T00:00:00Z' }),
				],
			}),
			findings: [
				{
					ruleId: 'KEY-ROTATION-AGE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'key of CN=api.example.com [SPKI sha256 spki-aaaaaaaaaaa…]',
					evidence: 'key in use since 2023-01-01 (1421 days)',
				},
			],
		},
	],
});
