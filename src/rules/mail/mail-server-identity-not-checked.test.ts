// Must-flag / must-not-flag table for MAIL-SERVER-IDENTITY-NOT-CHECKED.
import { describe, expect, it } from 'vitest';
import type { MailFacts } from '../../core/tls/facts';
import { mailFacts, runRule } from '../testing';
import { mailServerIdentityNotChecked } from './mail-server-identity-not-checked';

const cases: [string, Partial<MailFacts>, [string, string][]][] = [
	['checkserveridentity absent', { port: 465, mode: 'implicit' }, [['high', 'cap C']]],
	[
		'checkserveridentity false',
		{ mode: 'starttls-required', checkServerIdentity: false },
		[['high', 'cap C']],
	],
	['checkserveridentity true', { port: 465, mode: 'implicit', checkServerIdentity: true }, []],
	[
		'trust all: TLS-CERT-VALIDATION-DISABLED instead',
		{ port: 465, mode: 'implicit', trustAll: true },
		[],
	],
	['plaintext: MAIL-PLAINTEXT instead', { mode: 'plain' }, []],
];

describe('MAIL-SERVER-IDENTITY-NOT-CHECKED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailServerIdentityNotChecked, mailFacts(input));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
