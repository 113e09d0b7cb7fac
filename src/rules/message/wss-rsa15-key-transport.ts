// WSS-RSA15-KEY-TRANSPORT (RULES.md rule 66): an EncryptedKey transported with RSA PKCS#1 v1.5,
// which XML Encryption marks NOT RECOMMENDED (Bleichenbacher-style oracles); also when the key is
// an HMAC signature's (symmetric binding) or nothing uses it.
import { RSA_15 } from '../../core/xmlenc/algorithms';
import type { Rule } from '../rule';

export const wssRsa15KeyTransport: Rule = {
	meta: {
		id: 'WSS-RSA15-KEY-TRANSPORT',
		area: 'message',
		title: 'EncryptedKey uses RSA PKCS#1 v1.5 key transport',
		severities: ['high'],
		remediation: 'Use rsa-oaep-mgf1p or xmlenc11#rsa-oaep and reject rsa-1_5 on receipt.',
		references: [
			'XML Encryption 1.1 section 5.5.1',
			"Jager, Schinzel, Somorovsky: Bleichenbacher's attack strikes again (ESORICS 2012)",
			'NIST SP 800-131A r2',
		],
	},
	check(facts, report) {
		const seen = new Set<string>();
		for (const d of facts.decryptions) {
			if (d.keyTransport !== RSA_15) continue;
			const subject = d.encryptedKeyId
				? `EncryptedKey ${d.encryptedKeyId}`
				: `EncryptedKey of ${d.path}`;
			if (seen.has(d.inputName + '\u0000' + subject)) continue;
			seen.add(d.inputName + '\u0000' + subject);
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: d.inputName,
				subject,
				evidence: RSA_15,
			});
		}
		// EncryptedKeys no EncryptedData uses (an HMAC signature's key, or unlinked ones)
		for (const input of facts.inputs) {
			if (input.detail?.area !== 'message') continue;
			for (const ek of input.detail.data.encryptedKeys ?? []) {
				if (ek.use === 'data' || ek.keyTransport !== RSA_15) continue;
				const subject = ek.id ? `EncryptedKey ${ek.id}` : `EncryptedKey at ${ek.path}`;
				if (seen.has(input.name + '\u0000' + subject)) continue;
				seen.add(input.name + '\u0000' + subject);
				report({
					severity: 'high',
					effect: 'cap C',
					inputName: input.name,
					subject,
					evidence: RSA_15,
				});
			}
		}
	},
};
