// Must-flag / must-not-flag table for KEYSTORE-PASSWORD-PLAINTEXT.
import { describe, expect, it } from 'vitest';
import { keystoreFacts } from '../../core/x509/testing';
import { facts, RuleTester, runRule } from '../testing';
import { keystorePasswordPlaintext as rule } from './keystore-password-plaintext';

const declared = (plaintext: boolean) => ({
	directive: 'certificateKeystorePassword',
	keystoreFile: 'server.p12',
	plaintext,
	defaultListed: false,
	line: 12,
	inputName: 'server.xml',
});

RuleTester.run(rule, {
	valid: [
		{
			name: '${ENV} placeholder',
			facts: facts({ keystores: [keystoreFacts({ declaredPasswords: [declared(false)] })] }),
		},
		{ name: 'no configuration dropped', facts: facts({ keystores: [keystoreFacts({})] }) },
	],
	invalid: [
		{
			name: 'literal in server.xml',
			facts: facts({ keystores: [keystoreFacts({ declaredPasswords: [declared(true)] })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-PASSWORD-PLAINTEXT',
					severity: 'medium',
					effect: 'warn',
					inputName: 'server.xml',
					subject: 'certificateKeystorePassword (line 12) for server.p12',
					evidence: 'a literal password (not a ${…} placeholder, ENC(…) or vault reference)',
				},
			],
		},
	],
});

describe('KEYSTORE-PASSWORD-PLAINTEXT: further cases', () => {
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
