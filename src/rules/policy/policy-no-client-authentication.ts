// POLICY-NO-CLIENT-AUTHENTICATION (RULES.md rule 55): a security binding with no client credential
// (no supporting token, no initiator token, HttpsToken without RequireClientCertificate or HTTP
// authentication); also a captured message missing a token its policy requires.
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { PolicyAlternative } from '../../core/policy/types';
import type { Rule, RuleHit } from '../rule';

const HTTP_CLIENT_AUTH = [
	'RequireClientCertificate',
	'HttpBasicAuthentication',
	'HttpDigestAuthentication',
];

function clientCredential(alt: PolicyAlternative): boolean {
	return alt.tokens.some(
		(t) =>
			t.role.includes('supporting') ||
			t.role.includes('endorsing') ||
			t.role === 'initiator' ||
			(t.type === 'HttpsToken' && t.options.some((o) => HTTP_CLIENT_AUTH.includes(o))),
	);
}

export const policyNoClientAuthentication: Rule = {
	meta: {
		id: 'POLICY-NO-CLIENT-AUTHENTICATION',
		area: 'policy',
		title: 'The policy requires no client credential',
		severities: ['medium'],
		remediation: 'Require a client credential (mutual TLS or a signed/encrypted supporting token).',
		references: ['OWASP Web Service Security Cheat Sheet (User Authentication)'],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			if (ref.alt.binding === 'none' || clientCredential(ref.alt)) continue;
			const https = ref.alt.tokens.find((t) => t.type === 'HttpsToken');
			hits.push({
				severity: 'medium',
				effect: 'warn',
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `${ref.alt.bindingAssertion ?? 'binding'} with no supporting or initiator token${https ? ' and HttpsToken without RequireClientCertificate' : ''} (policy ${ref.alt.origin})`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['token'])) {
			if (u.unmet.assertion.endsWith('sp:HashPassword')) continue;
			hits.push({
				severity: 'medium',
				effect: 'warn',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title: 'The captured message lacks a token its policy requires',
			});
		}
		for (const h of groupHits(hits, (h) => h.title ?? '')) report(h);
	},
};
