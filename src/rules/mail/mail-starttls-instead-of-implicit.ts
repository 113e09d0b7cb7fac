// MAIL-STARTTLS-INSTEAD-OF-IMPLICIT (RULES.md): STARTTLS on 587/143/110 where implicit TLS (465/993/995) is recommended.
import { where } from '../tls/helpers/evidence';
import type { Rule } from '../rule';

export const mailStarttlsInsteadOfImplicit: Rule = {
	meta: {
		id: 'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
		area: 'mail',
		title: 'STARTTLS used instead of implicit TLS',
		severities: ['low'],
		remediation: 'Prefer implicit TLS ports 465/993/995.',
		references: ['RFC 8314 §3'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const m = c.mail;
			if (!m || (m.mode !== 'starttls-optional' && m.mode !== 'starttls-required')) continue;
			if (m.port !== 587 && m.port !== 143 && m.port !== 110) continue;
			const implicit = { smtp: 465, imap: 993, pop3: 995 }[m.protocol];
			report({
				severity: 'low',
				effect: 'cap A',
				inputName: m.origin.inputName,
				subject: `${m.protocol.toUpperCase()} ${m.host ?? '?'}:${m.port}`,
				evidence: `STARTTLS on port ${m.port} (${where(m.origin)}); implicit TLS would use ${implicit}`,
			});
		}
	},
};
