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
			name: 'no anchors: a key purpose the role excludes waits for an anchor (RULES.md rule 25)',
			facts: facts({
				certificates: [
					certFacts({
						chainValid: null,
						purposeError: 'CN=x is not for TLS server authentication (extendedKeyUsage)',
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
