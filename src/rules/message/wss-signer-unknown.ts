// WSS-SIGNER-UNKNOWN: a signature that could not be checked (never reported as invalid): the
// KeyInfo names a key or certificate no dropped file holds, or the signed content is still
// encrypted, or it needs an algorithm this analyzer does not implement. Such a signature covers
// nothing in the coverage rules (helpers/coverage.ts); this finding says why and what would let it
// be checked.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

export const wssSignerUnknown: Rule = {
	meta: {
		id: 'WSS-SIGNER-UNKNOWN',
		area: 'message',
		title: 'Signature not checked: the signing key was not supplied',
		severities: ['info'],
		remediation: "Add the signer's certificate or keystore to the analysis.",
		references: ['WS-Security X.509 Token Profile 1.1 (key references)'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			if (s.valid !== null) continue;
			const base = {
				severity: 'info' as const,
				effect: 'none' as const,
				inputName: s.inputName,
				subject: signatureSubject(s),
			};
			if (s.failureKind === 'key-not-found' || s.failureKind === undefined) {
				report({ ...base, evidence: s.referencedKey ?? s.error ?? 'no key' });
				continue;
			}
			const why = s.error ?? s.failureKind;
			report({
				...base,
				evidence: `${why}; until it is checked, nothing it references counts as signed`,
				...(s.failureKind === 'still-encrypted'
					? {
							title: 'Signature not checked: the signed content is still encrypted',
							remediation:
								"Add the recipient's private key (or keystore) so the content is decrypted and the signature checked.",
						}
					: {
							title:
								'Signature not checked: it needs an algorithm this analyzer does not implement',
							remediation:
								'Verify this signature with a library that implements the algorithm (xmlsec1, Santuario), or sign with exc-c14n, RSA-SHA256/ECDSA-SHA256 and SHA-256 digests, which every verifier implements.',
						}),
			});
		}
	},
};
