// CERT-UNTRUSTED-CHAIN: no path validates to a supplied trust anchor (unknown CA, bad signature,
// name constraints, wrong EKU for the connector's role); not evaluated without anchors (RULES.md).
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
		// RULES.md rule 25: not evaluated without supplied anchors. A key purpose the connector's role
		// needs and the certificate excludes (purposeError) is shown on the certificate's card then,
		// and becomes this finding as soon as an anchor is marked (path validation checks the EKU).
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
