// XSW-MULTIPLE-SECURITY-ELEMENTS: duplicated structural elements: several Body or Header
// (critical), several Security headers for one actor/role or several Timestamps in one (high).
import type { Rule } from '../rule';

export const xswMultipleSecurityElements: Rule = {
	meta: {
		id: 'XSW-MULTIPLE-SECURITY-ELEMENTS',
		area: 'message',
		title: 'Duplicated Body, Header, Security or Timestamp elements',
		severities: ['critical', 'high'],
		remediation: 'Reject messages with duplicated structural elements.',
		references: ['BSP 1.1 R3227', 'XSW research'],
	},
	check(facts, report) {
		for (const env of facts.envelopes) {
			const base = { inputName: env.inputName };
			if (env.bodyCount > 1 || env.headerCount > 1)
				report({
					...base,
					severity: 'critical',
					effect: 'F',
					subject: env.envelopePath,
					evidence: `${env.bodyCount} soap:Body, ${env.headerCount} soap:Header`,
				});
			const byActor = new Map<string, number>();
			for (const h of env.securityHeaders)
				byActor.set(h.actor ?? '', (byActor.get(h.actor ?? '') ?? 0) + 1);
			for (const [actor, n] of byActor) {
				if (n < 2) continue;
				report({
					...base,
					severity: 'high',
					effect: 'cap C',
					subject: `wsse:Security for ${actor ? `actor/role ${actor}` : 'the ultimate receiver'}`,
					evidence: `${n} wsse:Security headers`,
				});
			}
			for (const h of env.securityHeaders) {
				if (h.timestamps.length < 2) continue;
				report({
					...base,
					severity: 'high',
					effect: 'cap C',
					subject: h.path,
					evidence: `${h.timestamps.length} wsu:Timestamp elements`,
				});
			}
		}
	},
};
