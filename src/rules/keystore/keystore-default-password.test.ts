// Must-flag / must-not-flag table for KEYSTORE-DEFAULT-PASSWORD.
import { keyFacts, keystoreFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keystoreDefaultPassword as rule } from './keystore-default-password';

const ruleId = 'KEYSTORE-DEFAULT-PASSWORD';

const keyEntry = {
	alias: 'tomcat',
	type: 'private-key' as const,
	created: null,
	certSha256: [],
	keyAlgorithm: 'RSA',
	keySize: 2048,
	keyLocked: false,
};
const certEntry = { ...keyEntry, alias: 'root', type: 'trusted-certificate' as const };

RuleTester.run(rule, {
	valid: [
		{
			name: 'declared non-default literal (KEYSTORE-PASSWORD-PLAINTEXT reports it)',
			facts: facts({
				declaredPasswords: [
					{
						directive: 'server.ssl.key-store-password',
						keystoreFile: null,
						plaintext: true,
						defaultListed: false,
						line: 5,
						inputName: 'application.properties',
					},
				],
			}),
		},
		{
			name: 'password typed by the user',
			facts: facts({
				keystores: [keystoreFacts({ defaultPassword: null, entries: [keyEntry] })],
			}),
		},
	],
	invalid: [
		{
			name: 'Spring YAML declares changeit for a store that was not dropped',
			facts: facts({
				declaredPasswords: [
					{
						directive: 'server.ssl.key-store-password',
						keystoreFile: 'keystore.p12',
						plaintext: true,
						defaultListed: true,
						line: 5,
						inputName: 'application.yml',
					},
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'server.ssl.key-store-password (line 5) for keystore.p12',
					evidence: 'declared password is one of the well-known defaults (RULES.md 3.6)',
				},
			],
		},
		{
			name: 'keystore on changeit',
			facts: facts({
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'changeit', entries: [keyEntry] }),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'JKS keystore server.p12',
					evidence:
						'opens with a password of the default list (RULES.md 3.6), found without asking',
				},
			],
		},
		{
			name: 'PKCS#12 on the empty password',
			facts: facts({ keystores: [keystoreFacts({ defaultPassword: '', entries: [keyEntry] })] }),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'PKCS12 keystore server.p12',
					evidence: 'opens with the empty password, found without asking',
				},
			],
		},
		{
			name: 'cacerts-style truststore on changeit',
			facts: facts({
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'changeit', entries: [certEntry] }),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'info',
					effect: 'none',
					subject: 'JKS keystore server.p12',
					evidence:
						'opens with a password of the default list (RULES.md 3.6), found without asking',
				},
			],
		},
		{
			name: 'truststore on "password"',
			facts: facts({
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'password', entries: [certEntry] }),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'JKS keystore server.p12',
					evidence:
						'opens with a password of the default list (RULES.md 3.6), found without asking',
				},
			],
		},
		{
			name: 'key file encrypted with "secret"',
			facts: facts({ keys: [keyFacts({ encrypted: true, defaultPassword: 'secret' })] }),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'private key PEM block 1 (PRIVATE KEY)',
					evidence: 'decrypts with a password of the default list (RULES.md 3.6)',
				},
			],
		},
	],
});
