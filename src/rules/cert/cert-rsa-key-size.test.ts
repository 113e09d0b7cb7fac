// Must-flag / must-not-flag table for CERT-RSA-KEY-SIZE.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester, runRule } from '../testing';
import { certRsaKeySize as rule } from './cert-rsa-key-size';

const PUBLIC = { name: 'ISRG Root X1', match: 'issuer' as const };

RuleTester.run(rule, {
	valid: [
		{ name: '3072', facts: facts({ certificates: [certFacts({ keySize: 3072 })] }) },
		{ name: '4096', facts: facts({ certificates: [certFacts({ keySize: 4096 })] }) },
		{
			name: 'EC key',
			facts: facts({
				certificates: [certFacts({ keyAlgorithm: 'EC', keySize: 256, curve: 'P-256' })],
			}),
		},
		{
			name: '1024-bit root ignored',
			facts: facts({ certificates: [certFacts({ keySize: 1024, role: 'root' })] }),
		},
	],
	invalid: [
		{
			name: '512',
			facts: facts({ certificates: [certFacts({ keySize: 512 })] }),
			findings: [
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'critical',
					effect: 'F',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 512 bits',
				},
			],
		},
		{
			name: '1024',
			facts: facts({ certificates: [certFacts({ keySize: 1024 })] }),
			findings: [
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 1024 bits',
				},
			],
		},
		{
			name: '2048',
			facts: facts({ certificates: [certFacts({ keySize: 2048 })] }),
			findings: [
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'info',
					effect: 'none',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 2048 bits',
					title: 'RSA key below the BSI TR-02102 3000-bit recommendation',
				},
			],
		},
		{
			name: '2047 (odd), publicly trusted',
			facts: facts({ certificates: [certFacts({ keySize: 2047, publicRoot: PUBLIC })] }),
			findings: [
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 2047 bits',
				},
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 2047 bits',
					title: 'RSA modulus size not divisible by 8',
				},
			],
		},
		{
			name: '2047 (odd), private CA: CA/B 6.1.5 does not bind it',
			facts: facts({ certificates: [certFacts({ keySize: 2047 })] }),
			findings: [
				{
					ruleId: 'CERT-RSA-KEY-SIZE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'RSA 2047 bits',
				},
			],
		},
	],
});
describe('CERT-RSA-KEY-SIZE remediation agrees with the evidence', () => {
	it.each([
		[1024, /RSA ≥ 2048/],
		[2048, /2048 bits is acceptable today.*RSA ≥ 3072/],
		[2560, /2560 bits is acceptable today/],
	])('%i bits', (keySize, text) => {
		const [hit] = runRule(rule, facts({ certificates: [certFacts({ keySize })] }));
		expect(hit?.remediation ?? rule.meta.remediation).toMatch(text);
	});

	it('never tells a 2048-bit key to reach 2048', () => {
		const [hit] = runRule(rule, facts({ certificates: [certFacts({ keySize: 2048 })] }));
		expect(hit?.remediation).not.toMatch(/RSA ≥ 2048/);
	});
});
