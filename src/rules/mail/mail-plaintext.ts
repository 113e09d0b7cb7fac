// MAIL-PLAINTEXT (RULES.md): an SMTP/IMAP/POP3 account uses neither implicit TLS nor STARTTLS.
import { where } from '../tls/helpers/evidence';
import type { Rule } from '../rule';

export const mailPlaintext: Rule = {
	meta: {
		id: 'MAIL-PLAINTEXT',
		area: 'mail',
		title: 'Mail account without TLS',
		severities: ['critical', 'high'],
		remediation: 'Use implicit TLS (465/993/995) or at least required STARTTLS.',
		references: ['RFC 8314 §4.1', 'OWASP Web Service Security Cheat Sheet'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const m = c.mail;
			if (!m || m.mode !== 'plain') continue;
			const authenticated = m.auth === true || (m.auth === null && m.port !== 25);
			report({
				severity: authenticated ? 'critical' : 'high',
				effect: authenticated ? 'F' : 'cap C',
				inputName: m.origin.inputName,
				subject: `${m.protocol.toUpperCase()} ${m.host ?? '?'}:${m.port ?? '?'}`,
				evidence: `no TLS (${where(m.origin)})${authenticated ? '; credentials are sent in clear' : ''}`,
			});
		}
	},
};
