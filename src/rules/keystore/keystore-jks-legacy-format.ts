// KEYSTORE-JKS-LEGACY-FORMAT: the store is JKS or JCEKS (proprietary; PKCS#12 is the JDK default).
import type { Rule } from '../rule';

export const keystoreJksLegacyFormat: Rule = {
	meta: {
		id: 'KEYSTORE-JKS-LEGACY-FORMAT',
		area: 'keystore',
		title: 'Keystore in the legacy JKS/JCEKS format',
		severities: ['low'],
		remediation: 'Convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12).',
		references: ['JEP 229'],
	},
	check(facts, report) {
		for (const k of facts.keystores) {
			if (k.type !== 'JKS' && k.type !== 'JCEKS') continue;
			report({
				severity: 'low',
				effect: 'warn',
				inputName: k.inputName,
				subject: `${k.type} keystore ${k.inputName}`,
				evidence: k.formatVersion ?? k.type,
			});
		}
	},
};
