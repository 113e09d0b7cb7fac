// CERT-NO-SAN: a leaf certificate without a subjectAltName extension.
import { certSubject, certificatesOnce } from './helpers/certificates';
import type { Rule } from '../rule';

export const certNoSan: Rule = {
	meta: {
		id: 'CERT-NO-SAN',
		area: 'cert',
		title: 'Certificate has no subjectAltName',
		severities: ['medium'],
		remediation: 'Re-issue with all endpoint names in the SAN.',
		references: ['OWASP TLS Cheat Sheet', 'CA/B BR 7.1.2 (SAN required)'],
	},
	check(facts, report) {
		for (const c of certificatesOnce(facts)) {
			if (c.role !== 'leaf' || c.hasSan) continue;
			report({
				severity: 'medium',
				effect: 'warn',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `no subjectAltName; subject ${c.subject}`,
			});
		}
	},
};
