// KEYSTORE-PASSWORD-PLAINTEXT: a keystore/key password written as a literal in a dropped
// configuration file (Tomcat, Spring Boot, JVM flags), whether or not the keystore was dropped too.
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
		const declared = [
			...facts.keystores.flatMap((k) => k.declaredPasswords ?? []),
			...facts.declaredPasswords,
		];
		const seen = new Set<string>();
		for (const d of declared) {
			const key = `${d.inputName}\u0000${d.line}\u0000${d.directive}`;
			if (!d.plaintext || seen.has(key)) continue;
			seen.add(key);
			report({
				severity: 'medium',
				effect: 'warn',
				inputName: d.inputName,
				subject: `${d.directive} (line ${d.line}) for ${d.keystoreFile ?? 'the default keystore'}`,
				evidence: 'a literal password (not a ${…} placeholder, ENC(…) or vault reference)',
			});
		}
	},
};
