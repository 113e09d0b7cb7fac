// Must-flag / must-not-flag table for KEYSTORE-PKCS12-WEAK-PBE (with the RULES.md amendment).
import { describe, expect, it } from 'vitest';
import type { KeystoreFacts, Pkcs12Bag } from '../../core/keystore/facts';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
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

describe('KEYSTORE-PKCS12-WEAK-PBE', () => {
	it.each<[string, Partial<KeystoreFacts>, string[][]]>([
		['OpenSSL 3 default', { bags: [bag('encrypted-safe', PBES2), bag('shrouded-key', PBES2)] }, []],
		[
			'OpenSSL -legacy (RC2-40 certs, 3DES key)',
			{ bags: [bag('encrypted-safe', RC2), bag('shrouded-key', TDES)], integrity: sha1Mac(2048) },
			[
				['low', 'warn'],
				['low', 'warn'],
			],
		],
		['key under RC2-40', { bags: [bag('shrouded-key', RC2)] }, [['medium', 'cap B']]],
		['SHA-1 MAC with 1 iteration', { integrity: sha1Mac(1) }, [['low', 'warn']]],
		['SHA-1 MAC with 100 000 iterations', { integrity: sha1Mac(100000) }, []],
		['plain KeyBag', { bags: [bag('key', null)] }, [['high', 'cap C']]],
		[
			'KeyBag inside a PBES2 SafeContents',
			{ bags: [bag('encrypted-safe', PBES2), bag('key', PBES2)] },
			[],
		],
		[
			'no integrity at all',
			{ integrity: { kind: 'none', algorithm: null, iterations: null, verified: null } },
			[['medium', 'warn']],
		],
		['JKS is not PKCS#12', { type: 'JKS', bags: [bag('shrouded-key', RC2)] }, []],
	])('%s', (_n, partial, tiers) => {
		const hits = runRule(rule, facts({ keystores: [keystoreFacts(partial)] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
