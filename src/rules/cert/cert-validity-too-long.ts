// CERT-VALIDITY-TOO-LONG: a publicly trusted leaf beyond the CA/B maximum for its issue date
// (medium); a private or self-issued leaf of ≥ 10 years (high), ≥ 5 years (medium), > 1 year (low).
import {
	cabMaxValidityDays,
	certSubject,
	certificatesOnce,
	publiclyTrusted,
} from './helpers/certificates';
import type { Rule } from '../rule';

export const certValidityTooLong: Rule = {
	meta: {
		id: 'CERT-VALIDITY-TOO-LONG',
		area: 'cert',
		title: 'Certificate validity too long',
		severities: ['medium', 'high', 'low'],
		remediation: 'Issue shorter-lived certificates and automate renewal (ACME or internal CA).',
		references: [
			'CA/B BR 6.3.2',
			'testssl.sh cert_extlifeSpan',
			'Mozilla Server Side TLS (366/90 days)',
		],
	},
	check(facts, report) {
		for (const c of certificatesOnce(facts)) {
			if (c.role !== 'leaf') continue;
			const D = c.validityDays;
			const base = {
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `${D} days (${c.notBefore} → ${c.notAfter})`,
			};
			if (publiclyTrusted(c)) {
				const max = cabMaxValidityDays(c.notBefore);
				if (D > max)
					report({
						...base,
						evidence: `${base.evidence}; CA/B maximum for a publicly trusted certificate issued then: ${max} days (root: ${c.publicRoot?.name ?? '?'})`,
						severity: 'medium',
						effect: 'warn',
					});
				continue;
			}
			if (D >= 3650) report({ ...base, severity: 'high', effect: 'warn' });
			else if (D >= 1825) report({ ...base, severity: 'medium', effect: 'warn' });
			else if (D >= 367) report({ ...base, severity: 'low', effect: 'none' });
		}
	},
};
