// POLICY-WEAK-ALGORITHM-SUITE (RULES.md rule 47): the declared sp:AlgorithmSuite is weak (tier a:
// TripleDes…, tier b: SHA-1 suites, tier c: …Sha256 suites that still imply RSA-SHA1 and CBC), or a
// captured message used weaker algorithms than its suite demands (tier by the algorithm used).
import { hashStrength } from '../../core/policy/suites';
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

type Tier = Pick<RuleHit, 'severity' | 'effect'>;
const A: Tier = { severity: 'high', effect: 'cap C' };
const B: Tier = { severity: 'medium', effect: 'cap B' };
const C: Tier = { severity: 'low', effect: 'warn' };

function suiteTier(suite: string): Tier {
	if (suite.startsWith('TripleDes')) return A;
	if (!suite.includes('Sha256')) return B;
	return C;
}

function algorithmTier(uri: string): Tier {
	if (/tripledes/i.test(uri)) return A;
	if (hashStrength(uri) <= 1) return B;
	return C;
}

export const policyWeakAlgorithmSuite: Rule = {
	meta: {
		id: 'POLICY-WEAK-ALGORITHM-SUITE',
		area: 'policy',
		title: 'Weak WS-SecurityPolicy algorithm suite',
		severities: ['high', 'medium', 'low'],
		remediation:
			'Use Basic256Sha256 with RSA-SHA256 signatures (or a stack-specific GCM/SHA-256 suite) and migrate to TLS-only where possible.',
		references: [
			'WS-SecurityPolicy 1.3 section 6.1',
			'XML Signature 1.1',
			'XML Encryption 1.1',
			'NIST SP 800-131A r2',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			const suite = ref.alt.algorithmSuite;
			if (!suite || ref.alt.binding === 'none') continue;
			hits.push({
				...suiteTier(suite),
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `sp:AlgorithmSuite ${suite} (policy ${ref.alt.origin})`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['digest', 'signature', 'encryption'])) {
			hits.push({
				...algorithmTier(u.unmet.algorithm ?? ''),
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title: 'The captured message uses weaker algorithms than its policy suite',
			});
		}
		for (const h of groupHits(hits, (h) => `${h.severity}${h.title ?? ''}`)) report(h);
	},
};
