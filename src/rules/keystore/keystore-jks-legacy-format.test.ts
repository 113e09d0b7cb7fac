// Must-flag / must-not-flag table for KEYSTORE-JKS-LEGACY-FORMAT.
import { describe, expect, it } from 'vitest';
import type { KeystoreFacts } from '../../core/keystore/facts';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keystoreJksLegacyFormat as rule } from './keystore-jks-legacy-format';

describe('KEYSTORE-JKS-LEGACY-FORMAT', () => {
	it.each<[KeystoreFacts['type'], number]>([
		['JKS', 1],
		['JCEKS', 1],
		['PKCS12', 0],
		['BKS', 0],
		['PEM', 0],
	])('%s', (type, count) => {
		const hits = runRule(rule, facts({ keystores: [keystoreFacts({ type })] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['low', 'warn']);
	});
});
