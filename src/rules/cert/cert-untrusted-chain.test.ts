// Must-flag / must-not-flag table for CERT-UNTRUSTED-CHAIN.
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certUntrustedChain as rule } from './cert-untrusted-chain';

RuleTester.run(rule, {
	valid: [
		{
			name: 'valid with anchors',
			facts: facts({ certificates: [certFacts({ chainValid: true })], trustAnchors: ['x'] }),
		},
		{
			name: 'no anchors supplied',
			facts: facts({ certificates: [certFacts({ chainValid: null })], trustAnchors: [] }),
		},
		{
			name: 'no anchors: an extra certificate on no leaf chain is not judged',
			facts: facts({
				certificates: [
					certFacts({
						chainValid: false,
						chainError: 'CN=old expired on 2026-01-01T00:00:00Z',
						extraCertificate: 'sent with a leaf in server.p12 but on no leaf chain',
					}),
				],
				trustAnchors: [],
			}),
		},
		{
			name: 'pinned certificate',
			facts: facts({
				certificates: [certFacts({ chainValid: false, pinned: true })],
				trustAnchors: ['x'],
			}),
		},
		{
			name: 'root ignored',
			facts: facts({
				certificates: [certFacts({ chainValid: false, role: 'root' })],
				trustAnchors: ['x'],
			}),
		},
	],
	invalid: [
		{
			name: 'no anchors: a supplied chain that fails whatever anchor is added',
			facts: facts({
				certificates: [
					certFacts({
						chainValid: false,
						chainError:
							'the signature of CN=api.example.com does not verify with the key of CN=CA (the supplied chain fails this whatever trust anchor is added)',
					}),
				],
				trustAnchors: [],
			}),
			findings: [
				{
					ruleId: 'CERT-UNTRUSTED-CHAIN',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'the signature of CN=api.example.com does not verify with the key of CN=CA (the supplied chain fails this whatever trust anchor is added)',
				},
			],
		},
		{
			name: 'no anchors: a key purpose the role excludes, which no anchor can cure',
			facts: facts({
				certificates: [
					certFacts({
						chainValid: null,
						purposeError: 'CN=x is not for TLS server authentication (extendedKeyUsage)',
					}),
				],
				trustAnchors: [],
			}),
			findings: [
				{
					ruleId: 'CERT-UNTRUSTED-CHAIN',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence:
						'CN=x is not for TLS server authentication (extendedKeyUsage) (no trust anchor can validate it for this role)',
				},
			],
		},
		{
			name: 'invalid with anchors',
			facts: facts({
				certificates: [certFacts({ chainValid: false, chainError: 'no trusted issuer' })],
				trustAnchors: ['x'],
			}),
			findings: [
				{
					ruleId: 'CERT-UNTRUSTED-CHAIN',
					severity: 'high',
					effect: 'T',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 aaaaaaaaaaaaaaaa…]',
					evidence: 'no trusted issuer',
				},
			],
		},
	],
});
