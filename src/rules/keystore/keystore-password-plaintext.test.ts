// Must-flag / must-not-flag table for KEYSTORE-PASSWORD-PLAINTEXT.
import { describe, expect, it } from 'vitest';
import type { KeystoreFacts } from '../../core/keystore/facts';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keystorePasswordPlaintext as rule } from './keystore-password-plaintext';

const declared = (plaintext: boolean) => ({
	directive: 'certificateKeystorePassword',
	keystoreFile: 'server.p12',
	plaintext,
	defaultListed: false,
	line: 12,
	inputName: 'server.xml',
});

describe('KEYSTORE-PASSWORD-PLAINTEXT', () => {
	it.each<[string, Partial<KeystoreFacts>, number]>([
		['literal in server.xml', { declaredPasswords: [declared(true)] }, 1],
		['${ENV} placeholder', { declaredPasswords: [declared(false)] }, 0],
		['no configuration dropped', {}, 0],
	])('%s', (_n, partial, count) => {
		const hits = runRule(rule, facts({ keystores: [keystoreFacts(partial)] }));
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect([h.severity, h.effect, h.inputName]).toEqual(['medium', 'warn', 'server.xml']);
	});
	it.each<[string, boolean, number]>([
		['literal in a config whose keystore was not dropped', true, 1],
		['placeholder in a config whose keystore was not dropped', false, 0],
	])('%s', (_n, plaintext, count) => {
		expect(runRule(rule, facts({ declaredPasswords: [declared(plaintext)] }))).toHaveLength(count);
	});
	it('reports a password once when both the store and the config were dropped', () => {
		const d = declared(true);
		const hits = runRule(
			rule,
			facts({ keystores: [keystoreFacts({ declaredPasswords: [d] })], declaredPasswords: [d] }),
		);
		expect(hits).toHaveLength(1);
	});
});
