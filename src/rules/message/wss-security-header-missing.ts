// WSS-SECURITY-HEADER-MISSING (RULES.md rule 56): the operation's policy demands a message-level
// binding or supporting token (or a Timestamp) but the captured envelope has no wsse:Security.
import { groupHits, unmetOfKinds } from '../policy/helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const wssSecurityHeaderMissing: Rule = {
	meta: {
		id: 'WSS-SECURITY-HEADER-MISSING',
		area: 'message',
		title: 'The message has no WS-Security header although its policy requires one',
		severities: ['high'],
		remediation:
			'Fix the client/server WS-Security configuration so the declared policy is enforced.',
		references: ['WS-SecurityPolicy 1.3', 'WS-I Basic Security Profile 1.1 conformance'],
	},
	check(facts, report) {
		const hits: RuleHit[] = unmetOfKinds(facts.wsdls, ['security-header']).map((u) => ({
			severity: 'high',
			effect: 'cap C',
			inputName: u.msg.inputName,
			subject: u.subject,
			evidence: u.evidence,
		}));
		for (const h of groupHits(hits, () => '')) report(h);
	},
};
