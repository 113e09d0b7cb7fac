// Must-flag / must-not-flag table for MAIL-STARTTLS-OPPORTUNISTIC.
import { describe, expect, it } from 'vitest';
import type { MailFacts } from '../../core/tls/facts';
import { mailFacts, runRule } from '../testing';
import { mailStarttlsOpportunistic } from './mail-starttls-opportunistic';

const cases: [string, Partial<MailFacts>, [string, string][]][] = [
	['STARTTLS enabled, not required', {}, [['high', 'cap C']]],
	['STARTTLS required', { mode: 'starttls-required' }, []],
	['implicit TLS', { port: 465, mode: 'implicit' }, []],
];

describe('MAIL-STARTTLS-OPPORTUNISTIC', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailStarttlsOpportunistic, mailFacts(input));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
