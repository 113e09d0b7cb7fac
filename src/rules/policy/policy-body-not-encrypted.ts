// POLICY-BODY-NOT-ENCRYPTED (RULES.md rule 51): a message-level binding that does not encrypt the
// Body on a plain-HTTP endpoint, or a captured message whose Body is in clear although its policy
// requires it encrypted.
import { bindingSchemes, eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const policyBodyNotEncrypted: Rule = {
	meta: {
		id: 'POLICY-BODY-NOT-ENCRYPTED',
		area: 'policy',
		title: 'The policy does not encrypt the SOAP Body on a plain-HTTP endpoint',
		severities: ['high'],
		remediation: 'Encrypt the Body or move to HTTPS.',
		references: [
			'WS-SecurityPolicy 1.3 section 4',
			'OWASP Web Service Security Cheat Sheet (Message Confidentiality)',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		const connectorHttp = /^http:/i.test(facts.connector?.endpoint?.trim() ?? '');
		for (const ref of eachAlternative(facts.wsdls)) {
			const alt = ref.alt;
			if (alt.binding !== 'symmetric' && alt.binding !== 'asymmetric') continue;
			if (alt.encryptedParts.body || alt.encryptedElements.some((x) => /Body/.test(x))) continue;
			const schemes = bindingSchemes(ref.wsdl, ref.op.binding);
			const http = schemes.includes('http') || (schemes.length === 0 && connectorHttp);
			if (!http) continue;
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `${alt.bindingAssertion ?? 'binding'} with no sp:EncryptedParts/sp:Body, endpoint over plain HTTP`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['body-encrypted'])) {
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title:
					'The captured message leaves the Body in clear although its policy requires it encrypted',
			});
		}
		for (const h of groupHits(hits, (h) => h.title ?? '')) report(h);
	},
};
