// Must-flag / must-not-flag table for MAIL-STARTTLS-INSTEAD-OF-IMPLICIT.
import { describe, expect, it } from 'vitest';
import type { MailFacts } from '../../core/tls/facts';
import { mailFacts, runRule } from '../testing';
import { mailStarttlsInsteadOfImplicit } from './mail-starttls-instead-of-implicit';

const cases: [string, Partial<MailFacts>, [string, string][]][] = [
	['STARTTLS on 587', { mode: 'starttls-required' }, [['low', 'cap A']]],
	['optional STARTTLS on 587 too', {}, [['low', 'cap A']]],
	['relay on 25 (STARTTLS is the norm)', { port: 25, mode: 'starttls-required' }, []],
	['implicit TLS on 465', { port: 465, mode: 'implicit' }, []],
];

describe('MAIL-STARTTLS-INSTEAD-OF-IMPLICIT', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailStarttlsInsteadOfImplicit, mailFacts(input));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
