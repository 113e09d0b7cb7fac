// Test helpers: run one rule over hand-built facts.
import { emptyFacts, type AnalysisFacts } from '../core/facts';
import { tlsConnector } from '../core/tls/connector-builder';
import type { MailFacts } from '../core/tls/facts';
import { origin } from '../core/tls/model';
import type { Rule, RuleHit } from './rule';

export const TEST_NOW = '2026-11-22T12:00:00Z';

export function facts(partial: Partial<AnalysisFacts> = {}): AnalysisFacts {
	return { ...emptyFacts(TEST_NOW), ...partial };
}

export function runRule(rule: Rule, input: AnalysisFacts): RuleHit[] {
	const hits: RuleHit[] = [];
	rule.check(input, (hit) => hits.push(hit));
	return hits;
}

/** The channel a mail connection has in each mode (RULES.md 4.12). */
const CHANNEL = {
	implicit: 'TLS',
	plain: 'PLAIN',
	'starttls-required': 'STARTTLS',
	'starttls-optional': 'STARTTLS',
} as const;

/** One client mail connector for the MAIL-* tables: SMTP submission with authentication unless a row says otherwise. */
export function mailFacts(mail: Partial<MailFacts> = {}): AnalysisFacts {
	const settings: MailFacts = {
		protocol: 'smtp',
		host: 'smtp.example.com',
		port: 587,
		mode: 'starttls-optional',
		auth: true,
		checkServerIdentity: null,
		trustAll: false,
		origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
		...mail,
	};
	return facts({
		tls: [tlsConnector({ role: 'client', channel: CHANNEL[settings.mode], mail: settings })],
	});
}
