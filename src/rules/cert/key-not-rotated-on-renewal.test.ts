// Must-flag / must-not-flag table for KEY-NOT-ROTATED-ON-RENEWAL.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keyNotRotatedOnRenewal as rule } from './key-not-rotated-on-renewal';

const old = certFacts({ notBefore: '2025-01-01T00:00:00Z', spkiSha256: 'k1' });

RuleTester.run(rule, {
	valid: [
		{
			name: 'renewed with a new key',
			facts: facts({
				certificates: [old, certFacts({ notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k2' })],
			}),
		},
		{
			name: 'different subjects sharing a key',
			facts: facts({
				certificates: [
					old,
					certFacts({ subject: 'CN=other', notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k1' }),
				],
			}),
		},
		{ name: 'one certificate', facts: facts({ certificates: [old] }) },
		{
			// RFC 4158: a CA cross-signed by two roots keeps its key by design
			name: 'cross-certificates: one CA key certified by two issuers',
			facts: facts({
				certificates: [
					certFacts({
						isCA: true,
						issuer: 'CN=Root 1',
						notBefore: '2025-01-01T00:00:00Z',
						spkiSha256: 'k1',
					}),
					certFacts({
						isCA: true,
						issuer: 'CN=Root 2',
						notBefore: '2026-01-01T00:00:00Z',
						spkiSha256: 'k1',
					}),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'renewed with the same key',
			facts: facts({
				certificates: [old, certFacts({ notBefore: '2026-01-01T00:00:00Z', spkiSha256: 'k1' })],
			}),
			findings: [
				{
					ruleId: 'KEY-NOT-ROTATED-ON-RENEWAL',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'issued 2026-01-01T00:00:00Z with the same public key as the certificate of 2025-01-01T00:00:00Z (server.p12)',
				},
			],
		},
	],
});
