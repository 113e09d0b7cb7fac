// POLICY-WSA-HEADERS-NOT-SIGNED (RULES.md rule 54): WS-Addressing with a message-level binding but
// wsa:To / Action / ReplyTo / MessageID not in SignedParts and no sp:OnlySignEntireHeadersAndBody;
// also a captured message leaving unsigned an addressing header its policy requires signed.
import { eachAlternative, groupHits, unmetOfKinds } from './helpers/walk';
import type { PartSet } from '../../core/policy/types';
import type { Rule, RuleHit } from '../rule';

const HEADERS = ['To', 'Action', 'ReplyTo', 'MessageID'];

function unsignedWsa(parts: PartSet): string[] {
	if (parts.allHeaders) return [];
	const signed = parts.headers.filter((h) => /addressing/.test(h));
	if (signed.some((h) => h.endsWith('}*'))) return [];
	return HEADERS.filter((name) => !signed.some((h) => h.endsWith(`}${name}`)));
}

export const policyWsaHeadersNotSigned: Rule = {
	meta: {
		id: 'POLICY-WSA-HEADERS-NOT-SIGNED',
		area: 'policy',
		title: 'WS-Addressing headers are not signed',
		severities: ['medium'],
		remediation: 'Sign the WS-Addressing headers.',
		references: [
			'WS-SecurityPolicy 1.3 section 4',
			'XML Signature Wrapping research (header redirection)',
		],
	},
	check(facts, report) {
		const hits: RuleHit[] = [];
		for (const ref of eachAlternative(facts.wsdls)) {
			const alt = ref.alt;
			if (!alt.addressing || (alt.binding !== 'symmetric' && alt.binding !== 'asymmetric'))
				continue;
			if (alt.onlySignEntireHeadersAndBody) continue;
			const missing = unsignedWsa(alt.signedParts);
			if (missing.length === 0) continue;
			hits.push({
				severity: 'medium',
				effect: 'warn',
				inputName: ref.wsdl.inputName,
				subject: ref.subject,
				evidence: `WS-Addressing in use; not in sp:SignedParts: ${missing.map((m) => `wsa:${m}`).join(', ')}`,
			});
		}
		for (const u of unmetOfKinds(facts.wsdls, ['header-signed'])) {
			if (!/wsa:|addressing/.test(u.unmet.assertion)) continue;
			hits.push({
				severity: 'medium',
				effect: 'warn',
				inputName: u.msg.inputName,
				subject: u.subject,
				evidence: u.evidence,
				title:
					'The captured message leaves unsigned a WS-Addressing header its policy requires signed',
			});
		}
		for (const h of groupHits(hits, (h) => h.title ?? '')) report(h);
	},
};
