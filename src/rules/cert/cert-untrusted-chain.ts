// CERT-UNTRUSTED-CHAIN: no path validates to a supplied trust anchor (unknown CA, bad signature,
// name constraints, wrong EKU for the connector's role). Without anchors the anchor-dependent
// part is not evaluated (RULES.md rule 25), but a supplied chain that fails whatever anchor is
// added, or a key purpose the connector's role needs and the chain excludes, fails all the same.
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
		const anchored = facts.trustAnchors.length > 0;
		for (const c of leafOrIntermediate(facts)) {
			if (c.pinned) continue;
			// With anchors the connector's key purpose is part of the path verdict (connector-eku.ts);
			// without them it is judged on the supplied chain, which no anchor can make valid for
			// that role.
			const error =
				c.chainValid === false
					? (c.chainError ?? 'chain validation failed')
					: !anchored && c.purposeError
						? `${c.purposeError} (no trust anchor can validate it for this role)`
						: null;
			if (error === null) continue;
			report({
				severity: 'high',
				effect: 'T',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: error,
			});
		}
	},
};
