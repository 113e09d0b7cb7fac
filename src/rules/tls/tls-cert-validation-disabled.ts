// TLS-CERT-VALIDATION-DISABLED (RULES.md): an outbound TLS connection does not verify the peer chain or host name.
import { where } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsCertValidationDisabled: Rule = {
	meta: {
		id: 'TLS-CERT-VALIDATION-DISABLED',
		area: 'tls',
		title: 'Certificate validation is disabled',
		severities: ['critical'],
		remediation: 'Enable peer and hostname verification against a managed truststore.',
		references: ['OWASP Web Service Security Cheat Sheet', 'RFC 8314 §5', 'OWASP TLS Cheat Sheet'],
	},
	check(facts, report) {
		const seen = new Set<string>();
		for (const c of facts.tls) {
			for (const o of c.validationDisabled) {
				const key = `${o.inputName ?? ''}:${o.line ?? ''}:${o.value}`;
				if (seen.has(key)) continue;
				seen.add(key);
				report({
					severity: 'critical',
					effect: 'F',
					inputName: o.inputName,
					subject: `${c.name}: ${o.directive}`,
					evidence: where(o),
				});
			}
		}
	},
};
