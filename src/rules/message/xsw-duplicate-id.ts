// XSW-DUPLICATE-ID: two or more elements share an ID value (wsu:Id, Id, ID, AssertionID): the
// classic wrapping precondition. Such references are never resolved by the verifier.
import type { Rule } from '../rule';

export const xswDuplicateId: Rule = {
	meta: {
		id: 'XSW-DUPLICATE-ID',
		area: 'message',
		title: 'Duplicate ID attribute values (signature wrapping)',
		severities: ['critical'],
		remediation:
			'Reject messages with duplicate IDs before signature verification (hardened WS-Security library).',
		references: ['McIntosh & Austel 2005', 'Somorovsky et al. 2011/2012'],
	},
	check(facts, report) {
		const seen = new Set<string>();
		const lists = [
			...facts.envelopes.map((e) => ({ inputName: e.inputName, dups: e.duplicateIds })),
			...facts.signatures.map((s) => ({ inputName: s.inputName, dups: s.duplicateIds ?? [] })),
		];
		for (const { inputName, dups } of lists) {
			for (const d of dups) {
				const key = `${inputName}\u0000${d.id}`;
				if (seen.has(key)) continue;
				seen.add(key);
				report({
					severity: 'critical',
					effect: 'F',
					inputName,
					subject: `ID "${d.id}"`,
					evidence: `held by ${d.paths.length} elements: ${d.paths.join(', ')}`,
				});
			}
		}
	},
};
