// WSS-SHA1-DIGEST: references digested with SHA-1 (medium) or MD5 (critical).
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const MD5 = 'http://www.w3.org/2001/04/xmldsig-more#md5';

export const wssSha1Digest: Rule = {
	meta: {
		id: 'WSS-SHA1-DIGEST',
		area: 'message',
		title: 'Signature references use a SHA-1 or MD5 digest',
		severities: ['medium', 'critical'],
		remediation: 'Use xmlenc#sha256 (or stronger) digests.',
		references: ['XML Signature 1.1 (SHA-1 DISCOURAGED)', 'NIST SP 800-131A r2'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			for (const [alg, tier] of [
				[MD5, { severity: 'critical', effect: 'F' }],
				[SHA1, { severity: 'medium', effect: 'cap B' }],
			] as const) {
				const refs = s.references.filter((r) => r.digestAlgorithm === alg);
				if (refs.length === 0) continue;
				report({
					...tier,
					inputName: s.inputName,
					subject: signatureSubject(s),
					evidence: `${alg} on ${refs.map((r) => r.uri || '""').join(', ')}`,
				});
			}
		}
	},
};
