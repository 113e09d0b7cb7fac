// POLICY-OPTIONAL-SECURITY (RULES.md rule 53): the normalized policy of an operation offers an
// alternative without a security binding next to ones with it (wsp:Optional, an empty wsp:All),
// so security can be negotiated away.
import { groupHits, sideSubject } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const policyOptionalSecurity: Rule = {
	meta: {
		id: 'POLICY-OPTIONAL-SECURITY',
		area: 'policy',
		title: 'Security is optional in the policy',
		severities: ['high'],
		remediation: 'Remove optional/empty alternatives so security cannot be negotiated away.',
		references: ['WS-Policy 1.5 normalization', 'downgrade reasoning'],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const wsdl of facts.wsdls) {
			for (const op of wsdl.operations) {
				for (const side of [op.input, op.output]) {
					if (!side) continue;
					const alts = side.alternatives;
					const secured = alts.filter((a) => a.binding !== 'none').length;
					if (secured === 0 || secured === alts.length) continue;
					const open = alts.map((a, i) => (a.binding === 'none' ? i + 1 : 0)).filter((i) => i > 0);
					hits.push({
						severity: 'high',
						effect: 'cap C',
						inputName: wsdl.inputName,
						subject: sideSubject(op, side),
						evidence: `${alts.length} alternatives; alternative ${open.join(', ')} has no security binding`,
					});
				}
			}
		}
		for (const h of groupHits(hits, () => '')) report(h);
	},
};
