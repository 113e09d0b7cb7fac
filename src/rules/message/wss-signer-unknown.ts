// WSS-SIGNER-UNKNOWN: the KeyInfo names a key or certificate that no dropped file holds, so the
// signature was not checked (never reported as invalid).
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
			if (s.valid !== null || s.failureKind !== 'key-not-found') continue;
			report({
				severity: 'info',
				effect: 'none',
				inputName: s.inputName,
				subject: signatureSubject(s),
				evidence: s.referencedKey ?? s.error ?? 'no key',
			});
		}
	},
};
