// CERT-CHAIN-INCOMPLETE: a deployed leaf (its private key sits in the same file) whose issuer
// chain is not complete in that file and does not reach a trust anchor.
import { certSubject, certificatesOnce } from '../../core/x509/rule-helpers';
import type { CertificateFacts } from '../../core/x509/facts';
import type { Rule } from '../rule';

export const certChainIncomplete: Rule = {
	meta: {
		id: 'CERT-CHAIN-INCOMPLETE',
		area: 'cert',
		title: 'Certificate chain incomplete',
		severities: ['medium'],
		remediation: 'Configure the full chain (leaf + intermediates, no root).',
		references: ['SSL Labs rating guide 2009i'],
	},
	check(facts, report) {
		const anchors = new Set(facts.trustAnchors);
		const bySha = new Map<string, CertificateFacts[]>();
		for (const c of facts.certificates) bySha.set(c.sha256, [...(bySha.get(c.sha256) ?? []), c]);
		for (const c of certificatesOnce(facts)) {
			if (c.role !== 'leaf' || !c.privateKeyInInput || c.selfIssued || anchors.has(c.sha256))
				continue;
			let missing: string | null = null;
			let last: CertificateFacts = c;
			let anchored = false;
			for (const sha of c.chain.slice(1)) {
				if (anchors.has(sha)) {
					anchored = true;
					break;
				}
				const copies = bySha.get(sha) ?? [];
				const here = copies.find((x) => x.inputName === c.inputName);
				if (!here) {
					missing = `issuer ${copies[0]?.subject ?? sha} is not in ${c.inputName}${copies[0] ? ` (only in ${copies[0].inputName})` : ''}`;
					break;
				}
				last = here;
			}
			if (!missing && !anchored && !last.selfIssued) {
				missing = `issuer ${last.issuer} of ${last.subject} was not supplied`;
			}
			if (missing)
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: c.inputName,
					subject: certSubject(c),
					evidence: missing,
				});
		}
	},
};
