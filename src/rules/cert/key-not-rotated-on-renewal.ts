// KEY-NOT-ROTATED-ON-RENEWAL: a newer certificate for the same subject reuses its predecessor's key.
import { certificateTag } from '../../core/report/certificate-tag';
import type { CertificateFacts } from '../../core/x509/facts';
import { certificatesOnce } from './helpers/certificates';
import type { Rule } from '../rule';

/**
 * Two CA certificates of one subject and key from different issuers are cross-certificates
 * (RFC 4158 §2.3, RFC 5280 §3.2): they share the key by design, so neither renews the other.
 */
function crossCertificates(a: CertificateFacts, b: CertificateFacts): boolean {
	return a.isCA && b.isCA && a.issuer !== b.issuer;
}

export const keyNotRotatedOnRenewal: Rule = {
	meta: {
		id: 'KEY-NOT-ROTATED-ON-RENEWAL',
		area: 'cert',
		title: 'Certificate renewed without a new key pair',
		severities: ['low'],
		remediation: 'Always create a new key pair when renewing.',
		references: ['NIST SP 800-57 Part 1 5.3', 'OWASP Key Management Cheat Sheet'],
	},
	check(facts, report) {
		const bySubject = new Map<string, CertificateFacts[]>();
		const seen = new Set<string>();
		for (const c of certificatesOnce(facts)) {
			if (!c.subject || seen.has(c.sha256)) continue;
			seen.add(c.sha256);
			bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
		}
		for (const certs of bySubject.values()) {
			const sorted = [...certs].sort((a, b) => Date.parse(a.notBefore) - Date.parse(b.notBefore));
			for (let i = 1; i < sorted.length; i++) {
				const prev = sorted[i - 1];
				const next = sorted[i];
				if (
					!prev ||
					!next ||
					prev.spkiSha256 !== next.spkiSha256 ||
					prev.notBefore === next.notBefore ||
					crossCertificates(prev, next)
				)
					continue;
				report({
					severity: 'low',
					effect: 'warn',
					inputName: next.inputName,
					subject: `${next.subject} ${certificateTag(next.sha256)}`,
					evidence: `issued ${next.notBefore} with the same public key as the certificate of ${prev.notBefore} (${prev.inputName})`,
				});
			}
		}
	},
};
