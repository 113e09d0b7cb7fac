// WSS-CBC-ENCRYPTION (RULES.md rule 67): CBC-mode data encryption (medium, cap B), and 3DES data
// encryption or key wrap (high, cap C): unauthenticated CBC is open to padding-oracle attacks.
import { NS } from '../../core/xmlenc/algorithms';
import type { Rule } from '../rule';

const AES_CBC = new Set(['aes128-cbc', 'aes192-cbc', 'aes256-cbc'].map((a) => NS.xenc + a));
const TRIPLE_DES = new Set([NS.xenc + 'tripledes-cbc', NS.xenc + 'kw-tripledes']);

export const wssCbcEncryption: Rule = {
	meta: {
		id: 'WSS-CBC-ENCRYPTION',
		area: 'message',
		title: 'XML Encryption in CBC mode',
		severities: ['medium', 'high'],
		remediation: 'Use xmlenc11#aes128-gcm/aes256-gcm and disable CBC on receipt.',
		references: [
			'XML Encryption 1.1 (GCM added)',
			'Jager, Somorovsky: How to Break XML Encryption (CCS 2011)',
			'NIST SP 800-131A r2 (TDEA)',
		],
	},
	check(facts, report) {
		for (const d of facts.decryptions) {
			const tdes = [d.dataAlgorithm, d.keyWrap].filter(
				(a): a is string => !!a && TRIPLE_DES.has(a),
			);
			if (tdes.length) {
				report({
					severity: 'high',
					effect: 'cap C',
					inputName: d.inputName,
					subject: d.path,
					evidence: tdes.join(', '),
					title: 'XML Encryption with Triple-DES',
				});
			} else if (AES_CBC.has(d.dataAlgorithm)) {
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: d.inputName,
					subject: d.path,
					evidence: d.dataAlgorithm,
				});
			}
		}
	},
};
