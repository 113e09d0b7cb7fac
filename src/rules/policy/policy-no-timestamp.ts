// POLICY-NO-TIMESTAMP (RULES.md rule 49): a binding without sp:IncludeTimestamp (medium/cap B for
// Symmetric/Asymmetric, low/warn for Transport), or a captured message missing the Timestamp (or
// its signature) that its policy demands.
import type { BindingKind } from '../../core/policy/types';
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

function tier(binding: BindingKind): Pick<RuleHit, 'severity' | 'effect'> {
	return binding === 'transport'
		? { severity: 'low', effect: 'warn' }
		: { severity: 'medium', effect: 'cap B' };
}

export const policyNoTimestamp: Rule = {
	meta: {
		id: 'POLICY-NO-TIMESTAMP',
		area: 'policy',
		title: 'Security binding without a Timestamp',
		severities: ['medium', 'low'],
		remediation: 'Add sp:IncludeTimestamp and enforce a short TTL.',
		references: [
			'WS-SecurityPolicy binding [Timestamp] property',
			'WS-Security 1.1 section 10',
			'UsernameToken Profile 1.1 (freshness)',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			if (ref.alt.binding === 'none' || ref.alt.includeTimestamp) continue;
			hits.push({
				...tier(ref.alt.binding),
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `${ref.alt.bindingAssertion ?? 'binding'} without sp:IncludeTimestamp (policy ${ref.alt.origin})`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['timestamp', 'timestamp-signed'])) {
			hits.push({
				...tier(u.alt.binding),
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title:
					u.unmet.kind === 'timestamp'
						? 'The captured message lacks the Timestamp its policy demands'
						: 'The captured message does not sign the Timestamp its policy demands',
				// The policy already has sp:IncludeTimestamp: the sender is what needs fixing.
				remediation:
					u.unmet.kind === 'timestamp'
						? 'The policy already requires a Timestamp: make the sender add wsu:Timestamp to its wsse:Security header (e.g. TTL 300 s), and make the receiver reject messages without one.'
						: 'The policy already requires a Timestamp: make the sender cover wsu:Timestamp with its signature, and make the receiver reject messages whose Timestamp is not signed.',
			});
		}
		for (const h of groupHits(hits, (h) => `${h.severity}${h.title ?? ''}`)) report(h);
	},
};
