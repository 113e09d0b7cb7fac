// TLS-CBC-CIPHERS (RULES.md): a CBC-mode suite is enabled.
import { offeredCategory, suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsCbcCiphers: Rule = {
	meta: {
		id: 'TLS-CBC-CIPHERS',
		area: 'tls',
		title: 'CBC-mode cipher suites are enabled',
		severities: ['low'],
		remediation: 'Restrict TLS 1.2 suites to AEAD (Mozilla Intermediate list).',
		references: ['OWASP TLS Cheat Sheet', 'Mozilla Server Side TLS 5.8/6.0'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const cbc = c.suiteFacts.filter((s) => s.mode === 'CBC');
			// testssl.sh groups CBC suites as cipherlist_OBSOLETED ("obsoleted ciphers").
			const scanned = cbc.length === 0 ? offeredCategory(c, 'OBSOLETED', '3DES_IDEA') : null;
			if (cbc.length === 0 && !scanned) continue;
			report({
				severity: 'low',
				effect: 'cap A',
				inputName: c.inputName,
				subject: c.name,
				evidence: scanned
					? `${scanned.origin.value} (${scanned.origin.inputName ?? 'scan'})`
					: suiteEvidence(c, cbc),
			});
		}
	},
};
