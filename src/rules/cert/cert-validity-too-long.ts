// CERT-VALIDITY-TOO-LONG: leaf validity ≥ 10 years (high), ≥ 5 years (medium), > 1 year (low).
// Whether the issuer is a public CA is not known here (no public root list ships with the app),
// so the private-PKI tiers apply to every leaf.
import { certSubject, certificatesOnce } from '../../core/x509/rule-helpers';
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
			if (D >= 3650) report({ ...base, severity: 'high', effect: 'warn' });
			else if (D >= 1825) report({ ...base, severity: 'medium', effect: 'warn' });
			else if (D >= 367) report({ ...base, severity: 'low', effect: 'none' });
		}
	},
};
