// MAIL-STARTTLS-OPPORTUNISTIC (RULES.md): STARTTLS is enabled but not required (falls back to cleartext).
import { where } from '../tls/helpers/evidence';
import type { Rule } from '../rule';

export const mailStarttlsOpportunistic: Rule = {
	meta: {
		id: 'MAIL-STARTTLS-OPPORTUNISTIC',
		area: 'mail',
		title: 'STARTTLS is not required',
		severities: ['high'],
		remediation: 'Require TLS (`starttls.required=true`) or switch to implicit TLS.',
		references: [
			'RFC 8314 §3',
			'Poddebniak et al., Why TLS is better without STARTTLS (USENIX Security 2021)',
		],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const m = c.mail;
			if (!m || m.mode !== 'starttls-optional') continue;
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: m.origin.inputName,
				subject: `${m.protocol.toUpperCase()} ${m.host ?? '?'}:${m.port ?? '?'}`,
				evidence: `STARTTLS enabled but not required (${where(m.origin)})`,
			});
		}
	},
};
