// TLS-NO-TLS12 (RULES.md): neither TLS 1.2 nor TLS 1.3 is enabled.
import { hasAtLeast, protocolEvidence, tlsChannels } from '../../core/tls/rule-helpers';
import type { Rule } from '../rule';

export const tlsNoTls12: Rule = {
	meta: {
		id: 'TLS-NO-TLS12',
		area: 'tls',
		title: 'TLS 1.2 is not enabled',
		severities: ['high'],
		remediation:
			'Enable TLS 1.2 (and 1.3); for Java 7 clients see RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT.',
		references: ['RFC 9325 §3.1.1', 'SSL Labs rating guide 2009j'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (c.protocols.length === 0 || hasAtLeast(c, 'TLSv1.2')) continue;
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: c.inputName,
				subject: c.name,
				evidence: protocolEvidence(c, c.protocols),
			});
		}
	},
};
