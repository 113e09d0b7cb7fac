// Must-flag / must-not-flag table for KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE.
import { keystoreFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keystorePrivateKeyInTruststore as rule } from './keystore-private-key-in-truststore';

const key = {
	alias: 'bedag-test',
	type: 'private-key' as const,
	created: null,
	certSha256: ['c1'],
	keyAlgorithm: 'RSA',
	keySize: 2048,
	keyLocked: false,
};
const cert = { ...key, alias: 'root', type: 'trusted-certificate' as const, certSha256: ['c2'] };

RuleTester.run(rule, {
	valid: [
		{
			name: 'truststore without keys',
			facts: facts({
				keystores: [keystoreFacts({ inputName: 'truststore.jks', entries: [cert] })],
				trustAnchors: [],
			}),
		},
		{
			name: 'keystore with a key',
			facts: facts({
				keystores: [keystoreFacts({ inputName: 'server.p12', entries: [key] })],
				trustAnchors: [],
			}),
		},
	],
	invalid: [
		{
			name: 'truststore.jks with a key',
			facts: facts({
				keystores: [keystoreFacts({ inputName: 'truststore.jks', entries: [cert, key] })],
				trustAnchors: [],
			}),
			findings: [
				{
					ruleId: 'KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE',
					severity: 'medium',
					effect: 'warn',
					inputName: 'truststore.jks',
					subject: 'PKCS12 truststore.jks',
					evidence: '1 private key entry (bedag-test) in a store named as a truststore',
				},
			],
		},
		{
			name: 'store marked as truststore with a key',
			facts: facts({
				keystores: [keystoreFacts({ inputName: 'store.jks', entries: [cert, key] })],
				trustAnchors: ['c1', 'c2'],
			}),
			findings: [
				{
					ruleId: 'KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE',
					severity: 'medium',
					effect: 'warn',
					inputName: 'store.jks',
					subject: 'PKCS12 store.jks',
					evidence: '1 private key entry (bedag-test) in a store marked as truststore',
				},
			],
		},
	],
});
