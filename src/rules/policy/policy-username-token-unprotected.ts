// POLICY-USERNAME-TOKEN-UNPROTECTED (RULES.md rule 52): a UsernameToken in SupportingTokens or
// SignedSupportingTokens without TransportBinding/HttpsToken (critical/F without sp:HashPassword,
// high/cap C with it); also a captured message sending PasswordText where the policy demands a
// hashed password.
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { Rule, RuleHit } from '../rule';

export const policyUsernameTokenUnprotected: Rule = {
	meta: {
		id: 'POLICY-USERNAME-TOKEN-UNPROTECTED',
		area: 'policy',
		title: 'UsernameToken sent without encryption or HTTPS',
		severities: ['critical', 'high'],
		remediation:
			'Send UsernameTokens only inside TransportBinding (HTTPS) or as EncryptedSupportingTokens.',
		references: [
			'WS-SecurityPolicy 1.3 section 8',
			'UsernameToken Profile 1.1',
			'OWASP Web Service Security Cheat Sheet (User Authentication)',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			const alt = ref.alt;
			const https = alt.binding === 'transport' || alt.tokens.some((t) => t.type === 'HttpsToken');
			if (https) continue;
			for (const t of alt.tokens) {
				if (t.type !== 'UsernameToken') continue;
				if (t.role !== 'supporting' && t.role !== 'signed-supporting') continue;
				if (t.options.includes('NoPassword')) continue;
				const hashed = t.options.includes('HashPassword');
				hits.push({
					severity: hashed ? 'high' : 'critical',
					effect: hashed ? 'cap C' : 'F',
					inputName: ref.wsdl.inputName,
					subject: ref.subject,
					evidence: `${t.container}/${t.assertion}${hashed ? ' with sp:HashPassword' : ' (plain-text password)'} and no TransportBinding/HttpsToken`,
				});
			}
		}
		for (const u of unmetOfKinds(facts.wsdls, ['token'])) {
			if (!u.unmet.assertion.endsWith('sp:HashPassword')) continue;
			const transport = u.alt.binding === 'transport';
			hits.push({
				severity: transport ? 'high' : 'critical',
				effect: transport ? 'cap C' : 'F',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title: 'The captured message sends a plain-text password where its policy demands a digest',
			});
		}
		for (const h of groupHits(hits, (h) => `${h.severity}${h.title ?? ''}`)) report(h);
	},
};
