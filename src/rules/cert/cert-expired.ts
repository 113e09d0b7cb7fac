// CERT-EXPIRED: a leaf or intermediate certificate past notAfter, or not yet valid.
import { certSubject, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certExpired: Rule = {
	meta: {
		id: 'CERT-EXPIRED',
		area: 'cert',
		title: 'Certificate expired or not yet valid',
		severities: ['critical'],
		remediation: 'Renew the certificate (and automate renewal).',
		references: [
			'SSL Labs rating guide "Certificate Inspection"',
			'testssl.sh "Certificate expired"',
		],
	},
	check(facts, report) {
		const now = Date.parse(facts.now);
		for (const c of leafOrIntermediate(facts)) {
			const expired = Date.parse(c.notAfter) < now;
			const early = Date.parse(c.notBefore) > now;
			if (!expired && !early) continue;
			report({
				severity: 'critical',
				effect: 'T',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: expired ? `notAfter ${c.notAfter}` : `notBefore ${c.notBefore} (not yet valid)`,
				...(early ? { title: 'Certificate not yet valid' } : {}),
			});
		}
	},
};
