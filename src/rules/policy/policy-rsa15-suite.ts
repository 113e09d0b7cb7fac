// POLICY-RSA15-SUITE (RULES.md rule 48): the suite's asymmetric key wrap is RSA PKCS#1 v1.5
// (suite name ends with Rsa15), or a captured message used rsa-1_5 where its suite demands OAEP.
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const policyRsa15Suite: Rule = {
	meta: {
		id: 'POLICY-RSA15-SUITE',
		area: 'policy',
		title: 'Algorithm suite uses RSA PKCS#1 v1.5 key transport',
		severities: ['high'],
		remediation: 'Switch to the corresponding non-Rsa15 suite (RSA-OAEP key transport).',
		references: [
			'WS-SecurityPolicy 1.3 section 6.1',
			'XML Encryption 1.1 section 5.5.1',
			'Bleichenbacher attack on XML Encryption (ESORICS 2012)',
			'NIST SP 800-131A r2',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			const suite = ref.alt.algorithmSuite;
			if (!suite || !suite.endsWith('Rsa15') || ref.alt.binding === 'none') continue;
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `sp:AlgorithmSuite ${suite} (key transport rsa-1_5; policy ${ref.alt.origin})`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['key-transport'])) {
			hits.push({
				severity: 'high',
				effect: 'cap C',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title: 'The captured message uses RSA PKCS#1 v1.5 key transport against its policy',
			});
		}
		for (const h of groupHits(hits, (h) => h.title ?? '')) report(h);
	},
};
