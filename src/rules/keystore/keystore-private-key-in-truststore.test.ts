// Must-flag / must-not-flag table for KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE.
import { describe, expect, it } from 'vitest';
import type { KeystoreFacts } from '../../core/keystore/facts';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
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

describe('KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE', () => {
	it.each<[string, Partial<KeystoreFacts>, string[], number]>([
		['truststore.jks with a key', { inputName: 'truststore.jks', entries: [cert, key] }, [], 1],
		[
			'store marked as truststore with a key',
			{ inputName: 'store.jks', entries: [cert, key] },
			['c1', 'c2'],
			1,
		],
		['truststore without keys', { inputName: 'truststore.jks', entries: [cert] }, [], 0],
		['keystore with a key', { inputName: 'server.p12', entries: [key] }, [], 0],
	])('%s', (_n, partial, anchors, count) => {
		const hits = runRule(
			rule,
			facts({ keystores: [keystoreFacts(partial)], trustAnchors: anchors }),
		);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['medium', 'warn']);
	});
});
