// TLS-RC4-CIPHER (RULES.md): an RC4 suite is enabled (F when only RC4, cap C with TLS ≥ 1.1, else cap B).
import { hasAtLeast, offeredCategory, suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsRc4Cipher: Rule = {
	meta: {
		id: 'TLS-RC4-CIPHER',
		area: 'tls',
		title: 'RC4 is enabled',
		severities: ['high'],
		remediation: 'Remove RC4 (`!RC4`).',
		references: ['RFC 7465', 'RFC 9325 §4.1', 'SSL Labs rating guide 2009i/j/k'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const rc4 = c.suiteFacts.filter((s) => s.cipher === 'RC4');
			const scanned = rc4.length === 0 ? offeredCategory(c, 'RC4') : null;
			if (scanned) {
				// The scan names RC4 but not the other suites: tiers b/c only (tier a needs the list).
				report({
					severity: 'high',
					effect: hasAtLeast(c, 'TLSv1.1') ? 'cap C' : 'cap B',
					inputName: c.inputName,
					subject: c.name,
					evidence: `${scanned.origin.value} (${scanned.origin.inputName ?? 'scan'})`,
				});
				continue;
			}
			if (rc4.length === 0) continue;
			const only = rc4.length === c.suiteFacts.length && c.tls13Facts.length === 0;
			const effect = only ? 'F' : hasAtLeast(c, 'TLSv1.1') ? 'cap C' : 'cap B';
			report({
				severity: 'high',
				effect,
				inputName: c.inputName,
				subject: c.name,
				evidence: `${only ? 'only RC4 suites: ' : ''}${suiteEvidence(c, rc4)}`,
			});
		}
	},
};
