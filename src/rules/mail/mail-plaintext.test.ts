// Must-flag / must-not-flag table for MAIL-PLAINTEXT.
import { describe, expect, it } from 'vitest';
import type { MailFacts } from '../../core/tls/facts';
import { mailFacts, runRule } from '../testing';
import { mailPlaintext } from './mail-plaintext';

const cases: [string, Partial<MailFacts>, [string, string][]][] = [
	['authenticated SMTP without TLS', { mode: 'plain' }, [['critical', 'F']]],
	['unauthenticated relay on 25', { port: 25, mode: 'plain', auth: false }, [['high', 'cap C']]],
	['STARTTLS required', { mode: 'starttls-required' }, []],
	['implicit TLS', { port: 465, mode: 'implicit' }, []],
];

describe('MAIL-PLAINTEXT', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailPlaintext, mailFacts(input));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
