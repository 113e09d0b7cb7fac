// Must-flag / must-not-flag table for KEYSTORE-DEFAULT-PASSWORD.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { keyFacts, keystoreFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keystoreDefaultPassword as rule } from './keystore-default-password';

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

describe('KEYSTORE-DEFAULT-PASSWORD', () => {
	it.each<[string, Partial<AnalysisFacts>, string[][]]>([
		[
			'Spring YAML declares changeit for a store that was not dropped',
			{
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
			},
			[['high', 'cap B']],
		],
		[
			'declared non-default literal → nothing here',
			{
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
			},
			[],
		],
		[
			'keystore on changeit',
			{
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'changeit', entries: [keyEntry] }),
				],
			},
			[['high', 'cap B']],
		],
		[
			'PKCS#12 on the empty password',
			{ keystores: [keystoreFacts({ defaultPassword: '', entries: [keyEntry] })] },
			[['high', 'cap B']],
		],
		[
			'cacerts-style truststore on changeit',
			{
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'changeit', entries: [certEntry] }),
				],
			},
			[['info', 'none']],
		],
		[
			'truststore on "password"',
			{
				keystores: [
					keystoreFacts({ type: 'JKS', defaultPassword: 'password', entries: [certEntry] }),
				],
			},
			[['high', 'cap B']],
		],
		[
			'key file encrypted with "secret"',
			{ keys: [keyFacts({ encrypted: true, defaultPassword: 'secret' })] },
			[['high', 'cap B']],
		],
		[
			'password typed by the user',
			{ keystores: [keystoreFacts({ defaultPassword: null, entries: [keyEntry] })] },
			[],
		],
	])('%s', (_n, partial, tiers) => {
		const hits = runRule(rule, facts(partial));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
