// Must-flag / must-not-flag table for CERT-RSA-KEY-SIZE.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certRsaKeySize as rule } from './cert-rsa-key-size';

const PUBLIC = { name: 'ISRG Root X1', match: 'issuer' as const };

describe('CERT-RSA-KEY-SIZE', () => {
	it.each([
		['512', certFacts({ keySize: 512 }), [['critical', 'F']]],
		['1024', certFacts({ keySize: 1024 }), [['high', 'cap B']]],
		['2048', certFacts({ keySize: 2048 }), [['info', 'none']]],
		[
			'2047 (odd), publicly trusted',
			certFacts({ keySize: 2047, publicRoot: PUBLIC }),
			[
				['high', 'cap B'],
				['low', 'warn'],
			],
		],
		[
			'2047 (odd), private CA: CA/B 6.1.5 does not bind it',
			certFacts({ keySize: 2047 }),
			[['high', 'cap B']],
		],
		['3072', certFacts({ keySize: 3072 }), []],
		['4096', certFacts({ keySize: 4096 }), []],
		['EC key', certFacts({ keyAlgorithm: 'EC', keySize: 256, curve: 'P-256' }), []],
		['1024-bit root ignored', certFacts({ keySize: 1024, role: 'root' }), []],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
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
