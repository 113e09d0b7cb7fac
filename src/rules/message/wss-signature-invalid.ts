// WSS-SIGNATURE-INVALID: a ds:Signature whose value or a reference digest does not verify with
// the resolved key (also a reference that does not resolve: missing or duplicated ID, and an
// algorithm URI no specification defines, which no verifier can validate).
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

const KINDS = new Set(['digest-mismatch', 'signature-mismatch', 'malformed']);

export const wssSignatureInvalid: Rule = {
	meta: {
		id: 'WSS-SIGNATURE-INVALID',
		area: 'message',
		title: 'XML signature does not verify',
		severities: ['critical'],
		remediation:
			'Find what changed the message after signing (a proxy re-serializing, pretty-printing) or which key really signed it; reject the message.',
		references: ['XML Signature 1.1 section 3.2 (core validation)', 'WS-Security 1.1'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			if (
				s.valid !== false ||
				!(KINDS.has(s.failureKind ?? '') || s.undefinedAlgorithm !== undefined)
			)
				continue;
			report({
				severity: 'critical',
				effect: 'F',
				inputName: s.inputName,
				subject: signatureSubject(s) + (s.overDecrypted ? ' (inside decrypted content)' : ''),
				evidence: s.error ?? s.failureKind ?? 'does not verify',
			});
		}
	},
};
