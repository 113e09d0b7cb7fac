// TLS-WEAK-CIPHER (RULES.md): a NULL, anonymous, EXPORT or below-112-bit suite is enabled.
import { offeredCategory, suiteEvidence, tlsChannels } from './helpers/evidence';
import { isAnonymous, strengthBits, suiteByName, type SuiteRow } from '../../core/tls/suites';
import type { Rule } from '../rule';

/** RULES.md rule 6: why a suite is broken (NULL, anonymous, EXPORT, below 112 bits), or null. */
function weakness(s: SuiteRow): string | null {
	if (s.cipher === 'NULL') return 'no encryption (NULL)';
	if (isAnonymous(s)) return 'anonymous (no server authentication)';
	if (s.strength === 'EXPORT') return `export grade (${s.bits} bits)`;
	if (strengthBits(s) < 112) return `${s.bits}-bit ${s.cipher}`;
	return null;
}

export const tlsWeakCipher: Rule = {
	meta: {
		id: 'TLS-WEAK-CIPHER',
		area: 'tls',
		title: 'A broken cipher suite is enabled',
		severities: ['critical'],
		remediation:
			'Remove eNULL/aNULL/EXPORT/DES/RC2/LOW suites (e.g. append `!aNULL:!eNULL:!EXPORT:!LOW:!DES`).',
		references: ['RFC 9325 §4.1', 'SSL Labs rating guide (anonymous = 0)', 'OWASP TLS Cheat Sheet'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const reasons = new Set<string>();
			const weak = c.suiteFacts.filter((s) => {
				const row = suiteByName(s.iana);
				const why = row ? weakness(row) : null;
				if (why) reasons.add(why);
				return why !== null;
			});
			const scanned =
				weak.length === 0 ? offeredCategory(c, 'NULL', 'aNULL', 'EXPORT', 'LOW') : null;
			if (weak.length === 0 && !scanned) continue;
			report({
				severity: 'critical',
				effect: 'F',
				inputName: c.inputName,
				subject: c.name,
				evidence: scanned
					? `${scanned.origin.value} (${scanned.origin.inputName ?? 'scan'})`
					: `${[...reasons].join('; ')}: ${suiteEvidence(c, weak)}`,
			});
		}
	},
};
