// Must-flag / must-not-flag table for KEYSTORE-PKCS12-WEAK-PBE (with the RULES.md amendment).
import type { Pkcs12Bag } from '../../core/keystore/facts';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keystorePkcs12WeakPbe as rule } from './keystore-pkcs12-weak-pbe';

const bag = (
	kind: Pkcs12Bag['kind'],
	oid: string | null,
	name: string | null = oid,
): Pkcs12Bag => ({
	kind,
	alias: null,
	protection: name,
	protectionOid: oid,
	prf: null,
	iterations: 2048,
});
const PBES2 = '1.2.840.113549.1.5.13';
const RC2 = '1.2.840.113549.1.12.1.6';
const TDES = '1.2.840.113549.1.12.1.3';
const sha1Mac = (iterations: number) => ({
	kind: 'mac' as const,
	algorithm: 'HMAC-SHA-1',
	iterations,
	verified: true,
});

RuleTester.run(rule, {
	valid: [
		{
			name: 'OpenSSL 3 default',
			facts: facts({
				keystores: [
					keystoreFacts({ bags: [bag('encrypted-safe', PBES2), bag('shrouded-key', PBES2)] }),
				],
			}),
		},
		{
			name: 'SHA-1 MAC with 100 000 iterations',
			facts: facts({ keystores: [keystoreFacts({ integrity: sha1Mac(100000) })] }),
		},
		{
			name: 'KeyBag inside a PBES2 SafeContents',
			facts: facts({
				keystores: [keystoreFacts({ bags: [bag('encrypted-safe', PBES2), bag('key', PBES2)] })],
			}),
		},
		{
			name: 'JKS is not PKCS#12',
			facts: facts({
				keystores: [keystoreFacts({ type: 'JKS', bags: [bag('shrouded-key', RC2)] })],
			}),
		},
	],
	invalid: [
		{
			name: 'OpenSSL -legacy (RC2-40 certs, 3DES key)',
			facts: facts({
				keystores: [
					keystoreFacts({
						bags: [bag('encrypted-safe', RC2), bag('shrouded-key', TDES)],
						integrity: sha1Mac(2048),
					}),
				],
			}),
			findings: [
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'server.p12: shrouded-key bag',
					evidence: 'private key protected with 1.2.840.113549.1.12.1.3',
				},
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'server.p12: certificate bags',
					evidence: 'certificates encrypted with pbeWithSHAAnd40BitRC2-CBC',
				},
			],
		},
		{
			name: 'key under RC2-40',
			facts: facts({ keystores: [keystoreFacts({ bags: [bag('shrouded-key', RC2)] })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'server.p12',
					subject: 'server.p12: shrouded-key bag',
					evidence: 'private key protected with 1.2.840.113549.1.12.1.6',
				},
			],
		},
		{
			name: 'SHA-1 MAC with 1 iteration',
			facts: facts({ keystores: [keystoreFacts({ integrity: sha1Mac(1) })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'server.p12: integrity MAC',
					evidence: 'MAC HMAC-SHA-1 with 1 iterations',
				},
			],
		},
		{
			name: 'plain KeyBag',
			facts: facts({ keystores: [keystoreFacts({ bags: [bag('key', null)] })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'server.p12',
					subject: 'server.p12: key bag',
					evidence: 'private key stored in a plain, unencrypted KeyBag',
					title: 'PKCS#12 private key not encrypted',
				},
			],
		},
		{
			name: 'no integrity at all',
			facts: facts({
				keystores: [
					keystoreFacts({
						integrity: { kind: 'none', algorithm: null, iterations: null, verified: null },
					}),
				],
			}),
			findings: [
				{
					ruleId: 'KEYSTORE-PKCS12-WEAK-PBE',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'server.p12: integrity',
					evidence: 'no MAC and no signature: the file can be altered unnoticed',
					title: 'PKCS#12 without integrity protection',
				},
			],
		},
	],
});
