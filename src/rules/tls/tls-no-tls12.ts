// TLS-NO-TLS12 (RULES.md): neither TLS 1.2 nor TLS 1.3 is enabled.
import { hasAtLeast, protocolEvidence, tlsChannels } from './helpers/evidence';
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
			if (c.protocols.length === 0) {
				// An empty effective set: nothing can be negotiated, the score is 0. The grade's F
				// needs its reason: what removed each protocol (RULES.md 3.2).
				if (c.graded === 'observed' && c.observed === null) continue;
				const removed = c.notes.filter((n) =>
					/removed by|needs @SECLEVEL|not available in|cannot do TLS/.test(n),
				);
				report({
					severity: 'high',
					effect: 'F',
					title: 'No protocol can be negotiated',
					inputName: c.inputName,
					subject: c.name,
					evidence: `the effective protocol set is empty${removed.length ? `: ${removed.join('; ')}` : ''}`,
					remediation:
						'Enable TLS 1.2 (and 1.3) in the configuration and make sure the runtime permits it.',
				});
				continue;
			}
			if (hasAtLeast(c, 'TLSv1.2')) continue;
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
