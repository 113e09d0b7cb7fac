// KEYSTORE-PASSWORD-PLAINTEXT: a keystore/key password written as a literal in a dropped
// configuration file (Tomcat, Spring Boot, JVM flags) for a keystore that was dropped too.
import type { Rule } from '../rule';

export const keystorePasswordPlaintext: Rule = {
	meta: {
		id: 'KEYSTORE-PASSWORD-PLAINTEXT',
		area: 'keystore',
		title: 'Keystore password in clear text in a configuration file',
		severities: ['medium'],
		remediation:
			'Move the secret to an environment variable, password file with restricted permissions, or vault.',
		references: ['OWASP Key Management Cheat Sheet', 'OWASP Secrets Management Cheat Sheet'],
	},
	check(facts, report) {
		for (const k of facts.keystores) {
			for (const d of k.declaredPasswords ?? []) {
				if (!d.plaintext) continue;
				report({
					severity: 'medium',
					effect: 'warn',
					inputName: d.inputName,
					subject: `${d.directive} (line ${d.line}) for ${k.inputName}`,
					evidence: 'a literal password (not a ${…} placeholder, ENC(…) or vault reference)',
				});
			}
		}
	},
};
