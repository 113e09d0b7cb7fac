// POLICY-BODY-NOT-SIGNED (RULES.md rule 50): a Symmetric/Asymmetric binding whose effective policy
// does not sign the Body (sp:SignedParts/sp:Body or a SignedElements XPath), or a captured message
// that leaves unsigned a Body (or a non-addressing header) its policy requires signed.
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

const WSA_HEADER = /wsa:|addressing/;

export const policyBodyNotSigned: Rule = {
	meta: {
		id: 'POLICY-BODY-NOT-SIGNED',
		area: 'policy',
		title: 'The policy does not sign the SOAP Body',
		severities: ['high'],
		remediation: 'Add <sp:SignedParts><sp:Body/></sp:SignedParts>.',
		references: [
			'WS-SecurityPolicy 1.3 section 4 (protection assertions)',
			'OWASP Web Service Security Cheat Sheet (Message Integrity)',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			const alt = ref.alt;
			if (alt.binding !== 'symmetric' && alt.binding !== 'asymmetric') continue;
			if (alt.signedParts.body || alt.signedElements.some((x) => /Body/.test(x))) continue;
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `${alt.bindingAssertion ?? 'binding'} with no sp:SignedParts/sp:Body${alt.signedElements.length ? ` (SignedElements: ${alt.signedElements.join(', ')})` : ''}`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['body-signed', 'header-signed'])) {
			if (u.unmet.kind === 'header-signed' && WSA_HEADER.test(u.unmet.assertion)) continue;
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title:
					u.unmet.kind === 'body-signed'
						? 'The captured message does not sign the Body its policy requires signed'
						: 'The captured message does not sign a header its policy requires signed',
			});
		}
		for (const h of groupHits(hits, (h) => h.title ?? '')) report(h);
	},
};
