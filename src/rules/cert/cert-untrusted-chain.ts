// CERT-UNTRUSTED-CHAIN: no path validates to a supplied trust anchor (evaluated only with anchors).
import { certSubject, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certUntrustedChain: Rule = {
	meta: {
		id: 'CERT-UNTRUSTED-CHAIN',
		area: 'cert',
		title: 'Certificate chain does not validate to a trust anchor',
		severities: ['high'],
		remediation: 'Issue from a CA trusted by all consumers and deploy the full chain.',
		references: ['SSL Labs rating guide', 'testssl.sh', 'OWASP Web Service Security Cheat Sheet'],
	},
	check(facts, report) {
		if (facts.trustAnchors.length === 0) return;
		for (const c of leafOrIntermediate(facts)) {
			if (c.chainValid !== false || c.pinned) continue;
			report({
				severity: 'high',
				effect: 'T',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: c.chainError ?? 'chain validation failed',
			});
		}
	},
};
