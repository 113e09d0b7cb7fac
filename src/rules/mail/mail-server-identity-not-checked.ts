// MAIL-SERVER-IDENTITY-NOT-CHECKED (RULES.md): JavaMail does not check the server host name (checkserveridentity false or absent).

import type { Rule } from '../rule';

export const mailServerIdentityNotChecked: Rule = {
	meta: {
		id: 'MAIL-SERVER-IDENTITY-NOT-CHECKED',
		area: 'mail',
		title: 'Mail server identity is not checked',
		severities: ['high'],
		remediation: 'Set `mail.<proto>.ssl.checkserveridentity=true` and a specific trust store.',
		references: ['jakartaee/mail-api#429', 'RFC 8314 §5', 'RFC 7817'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const m = c.mail;
			// ssl.trust=* is TLS-CERT-VALIDATION-DISABLED (F); a plain session has no identity to check.
			if (
				!m ||
				m.mode === 'plain' ||
				m.trustAll ||
				m.checkServerIdentity === true ||
				c.role !== 'client'
			)
				continue;
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: m.origin.inputName,
				subject: `mail.${m.protocol}.ssl.checkserveridentity`,
				evidence:
					m.checkServerIdentity === false
						? 'set to false'
						: 'not set (JavaMail 1.x and Jakarta Mail 2.0 default to false)',
			});
		}
	},
};
