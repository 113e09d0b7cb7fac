// TLS-STATIC-RSA-KEX (RULES.md): some suites use RSA key transport (TLS_RSA_*) while others are forward secret.
import { offeredCategory, suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsStaticRsaKex: Rule = {
	meta: {
		id: 'TLS-STATIC-RSA-KEX',
		area: 'tls',
		title: 'RSA key-transport suites are enabled',
		severities: ['low'],
		remediation:
			'Remove RSA key-transport suites (`!kRSA`; JDK 24+ disables `TLS_RSA_*` by default).',
		references: ['RFC 9325 §4.1', 'OWASP TLS Cheat Sheet', 'draft-ietf-tls-deprecate-obsolete-kex'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const rsa = c.suiteFacts.filter((s) => s.kx === 'RSA');
			// testssl.sh: "strong ciphers without forward secrecy" offered (kRSA, static DH/ECDH).
			const scanned = rsa.length === 0 ? offeredCategory(c, 'STRONG_NOFS') : null;
			if (scanned) {
				if (!c.protocols.includes('TLSv1.3') && !offeredCategory(c, 'STRONG_FS')) continue;
				report({
					severity: 'low',
					effect: 'cap A',
					inputName: c.inputName,
					subject: c.name,
					evidence: `${scanned.origin.value} (${scanned.origin.inputName ?? 'scan'})`,
				});
				continue;
			}
			if (rsa.length === 0) continue;
			// With no forward-secret suite at all, TLS-NO-FORWARD-SECRECY describes it (RULES.md amendment).
			const fs =
				c.protocols.includes('TLSv1.3') ||
				c.suiteFacts.some((s) => s.kx === 'ECDHE' || s.kx === 'DHE');
			if (!fs) continue;
			report({
				severity: 'low',
				effect: 'cap A',
				inputName: c.inputName,
				subject: c.name,
				evidence: suiteEvidence(c, rsa),
			});
		}
	},
};
