// TLS-NO-AEAD (RULES.md): no TLS 1.3 and no AEAD (GCM, CCM, ChaCha20-Poly1305) suite.
import { suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsNoAead: Rule = {
	meta: {
		id: 'TLS-NO-AEAD',
		area: 'tls',
		title: 'No AEAD cipher suite',
		severities: ['medium'],
		remediation: 'Enable ECDHE-…-GCM/CHACHA20 suites.',
		references: ['SSL Labs 2018-03', 'Mozilla Server Side TLS'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (c.protocols.includes('TLSv1.3') || c.suiteFacts.length === 0) continue;
			if (c.suiteFacts.some((s) => s.mode === 'AEAD')) continue;
			report({
				severity: 'medium',
				effect: 'cap B',
				inputName: c.inputName,
				subject: c.name,
				evidence: `no AEAD suite among ${suiteEvidence(c, c.suiteFacts)}`,
			});
		}
	},
};
