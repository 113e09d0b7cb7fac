// TLS-3DES-CIPHER (RULES.md): a 64-bit-block suite (3DES, IDEA) is enabled together with TLS ≥ 1.1 (SWEET32).
import { hasAtLeast, offeredCategory, suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tls3desCipher: Rule = {
	meta: {
		id: 'TLS-3DES-CIPHER',
		area: 'tls',
		title: '3DES or IDEA (64-bit block) is enabled',
		severities: ['medium'],
		remediation: 'Remove 3DES/IDEA (`!3DES:!IDEA`).',
		references: ['SSL Labs 2017', 'SWEET32 (CVE-2016-2183)', 'NIST SP 800-131A r2'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const block64 = c.suiteFacts.filter((s) => s.cipher === '3DES' || s.cipher === 'IDEA');
			// A scan without a suite list still tells: cipherlist_3DES_IDEA offered, SWEET32.
			const scanned = block64.length === 0 ? offeredCategory(c, '3DES_IDEA') : null;
			if ((block64.length === 0 && !scanned) || !hasAtLeast(c, 'TLSv1.1')) continue;
			report({
				severity: 'medium',
				effect: 'cap C',
				inputName: c.inputName,
				subject: c.name,
				evidence: scanned
					? `${scanned.origin.value} (${scanned.origin.inputName ?? 'scan'}), with ${c.protocols.join(', ')}`
					: suiteEvidence(c, block64),
			});
		}
	},
};
