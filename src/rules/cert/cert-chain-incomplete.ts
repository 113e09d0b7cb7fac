// CERT-CHAIN-INCOMPLETE: a deployed leaf (its private key sits in the same file) whose chain in
// that file lacks an intermediate: leaf + intermediates without the root is complete.
import { certSubject, certificatesOnce } from './helpers/certificates';
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
				const other = copies[0];
				// The root need not be sent (it is, or would be, the peer's trust anchor).
				if (!here && other?.selfIssued) {
					anchored = true;
					break;
				}
				if (!here) {
					missing = `intermediate ${other?.subject ?? sha} is not in ${c.inputName}${other ? ` (only in ${other.inputName})` : ''}`;
					break;
				}
				last = here;
			}
			// The top of the chain in the file: a CA certificate's issuer is taken to be the root
			// (leaf + intermediates, no root, is the complete chain to send); a leaf whose issuer is
			// nowhere and is not a known public root misses at least one certificate.
			if (!missing && !anchored && !last.selfIssued && last === c && c.publicRoot === undefined) {
				missing = `issuer ${c.issuer} of ${c.subject} was not supplied (its intermediate, or its root when the root issued it directly)`;
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
