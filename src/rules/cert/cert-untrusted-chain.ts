// CERT-UNTRUSTED-CHAIN: no path validates to a supplied trust anchor (evaluated with anchors), or,
// without anchors, the connector's role needs a key purpose the certificate's extendedKeyUsage
// excludes, which no anchor could cure.
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
		if (facts.trustAnchors.length === 0) {
			// The one verdict that needs no anchor: a connector's certificate whose extendedKeyUsage
			// excludes the connector's role cannot validate under any anchor.
			for (const c of leafOrIntermediate(facts)) {
				if (!c.purposeError || c.pinned) continue;
				report({
					severity: 'high',
					effect: 'T',
					inputName: c.inputName,
					subject: certSubject(c),
					evidence: `${c.purposeError} (no trust anchor was supplied; whatever the anchor, the chain cannot validate for this role)`,
				});
			}
			return;
		}
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
