// Must-flag / must-not-flag table for CERT-CHAIN-INCOMPLETE.
import type { CertificateFacts } from '../../core/x509/facts';
import { certFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { certChainIncomplete as rule } from './cert-chain-incomplete';

const root = certFacts({
	sha256: 'r'.repeat(64),
	role: 'root',
	selfIssued: true,
	selfSigned: true,
	isCA: true,
	subject: 'CN=Root',
	issuer: 'CN=Root',
});
const inter = certFacts({
	sha256: 'i'.repeat(64),
	role: 'intermediate',
	isCA: true,
	subject: 'CN=Inter',
	issuer: 'CN=Root',
});
const leaf = (chain: string[], extra: Partial<CertificateFacts> = {}) =>
	certFacts({
		privateKeyInInput: true,
		issuer: 'CN=Inter',
		chain: ['l'.repeat(64), ...chain],
		sha256: 'l'.repeat(64),
		...extra,
	});

RuleTester.run(rule, {
	valid: [
		{
			name: 'leaf + intermediate + root in the file',
			facts: facts({
				certificates: [leaf([inter.sha256, root.sha256]), inter, root],
				trustAnchors: [],
			}),
		},
		{
			name: 'leaf + intermediate, root is an anchor',
			facts: facts({
				certificates: [leaf([inter.sha256, root.sha256]), inter],
				trustAnchors: [root.sha256],
			}),
		},
		{
			name: 'leaf without its key (not deployed here)',
			facts: facts({ certificates: [leaf([], { privateKeyInInput: false })], trustAnchors: [] }),
		},
		{
			name: 'self-signed leaf',
			facts: facts({
				certificates: [leaf([], { selfIssued: true, selfSigned: true })],
				trustAnchors: [],
			}),
		},
		// PKCS#12 from openssl/keytool: leaf + intermediate, the root left out as it should be
		{
			name: 'leaf + intermediate, root not supplied anywhere',
			facts: facts({ certificates: [leaf([inter.sha256]), inter], trustAnchors: [] }),
		},
		{
			name: 'leaf + intermediate, root only in another file',
			facts: facts({
				certificates: [leaf([inter.sha256, root.sha256]), inter, { ...root, inputName: 'ca.pem' }],
				trustAnchors: [],
			}),
		},
		{
			name: 'leaf issued directly by a public root that is not supplied',
			facts: facts({
				certificates: [leaf([], { publicRoot: { name: 'ISRG Root X1', match: 'issuer' } })],
				trustAnchors: [],
			}),
		},
	],
	invalid: [
		{
			name: 'leaf alone, issuer nowhere',
			facts: facts({ certificates: [leaf([])], trustAnchors: [] }),
			findings: [
				{
					ruleId: 'CERT-CHAIN-INCOMPLETE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 llllllllllllllll…]',
					evidence:
						'issuer CN=Inter of CN=api.example.com was not supplied (its intermediate, or its root when the root issued it directly)',
				},
			],
		},
		{
			name: 'intermediate only in another file',
			facts: facts({
				certificates: [
					leaf([inter.sha256, root.sha256]),
					{ ...inter, inputName: 'other.pem' },
					root,
				],
				trustAnchors: [],
			}),
			findings: [
				{
					ruleId: 'CERT-CHAIN-INCOMPLETE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'alias server: CN=api.example.com [sha256 llllllllllllllll…]',
					evidence: 'intermediate CN=Inter is not in server.p12 (only in other.pem)',
				},
			],
		},
	],
});
