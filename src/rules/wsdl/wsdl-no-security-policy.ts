// WSDL-NO-SECURITY-POLICY (RULES.md rule 44): after policy attachment no security binding applies
// to an operation (every alternative of its request lacks Transport/Symmetric/AsymmetricBinding).
import { groupHits, sideSubject } from '../policy/helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const wsdlNoSecurityPolicy: Rule = {
	meta: {
		id: 'WSDL-NO-SECURITY-POLICY',
		area: 'wsdl',
		title: 'No WS-SecurityPolicy applies to the operation',
		severities: ['info'],
		remediation:
			'Attach a WS-SecurityPolicy (at least TransportBinding with HttpsToken) so clients know the requirements.',
		references: ['WS-SecurityPolicy 1.3', 'OWASP Web Service Security Cheat Sheet'],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const wsdl of facts.wsdls) {
			for (const op of wsdl.operations) {
				const side = op.input ?? op.output;
				if (!side || side.alternatives.length === 0) continue;
				if (side.alternatives.some((a) => a.binding !== 'none')) continue;
				hits.push({
					severity: 'info',
					effect: 'none',
					inputName: wsdl.inputName,
					subject: sideSubject(op, side),
					evidence:
						side.attachedAt.length === 0
							? 'no WS-Policy attached'
							: `attached policies (${side.attachedAt.join('; ')}) hold no security binding`,
				});
			}
		}
		for (const h of groupHits(hits, () => '')) report(h);
	},
};
