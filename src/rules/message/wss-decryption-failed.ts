// WSS-DECRYPTION-FAILED (RULES.md, added rules): keys were supplied and tried, but unwrapping or
// decryption failed (wrong key, corrupt data, bad padding). Structural problems and "no key at
// all" are reported on the page, not as this finding.
import type { Rule } from '../rule';

export const wssDecryptionFailed: Rule = {
	meta: {
		id: 'WSS-DECRYPTION-FAILED',
		area: 'message',
		title: 'Encrypted data could not be decrypted with the supplied keys',
		severities: ['medium'],
		remediation:
			"Check which certificate the sender encrypted for (the EncryptedKey's KeyInfo) and supply that key.",
		references: ['XML Encryption 1.1 section 4.2 (decryption)'],
	},
	check(facts, report) {
		for (const d of facts.decryptions) {
			if (d.status !== 'failed' || d.failure !== 'crypto') continue;
			report({
				severity: 'medium',
				effect: 'none',
				inputName: d.inputName,
				subject: d.encryptedDataId ? `EncryptedData ${d.encryptedDataId}` : d.path,
				evidence: d.error ?? 'decryption failed',
			});
		}
	},
};
