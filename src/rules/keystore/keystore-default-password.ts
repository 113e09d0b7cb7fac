// KEYSTORE-DEFAULT-PASSWORD: a keystore (or key file) opened with a password of the default list
// (RULES.md 3.6), tried locally; a JDK cacerts-style truststore on "changeit" only is info.
import type { Rule } from '../rule';

export const keystoreDefaultPassword: Rule = {
	meta: {
		id: 'KEYSTORE-DEFAULT-PASSWORD',
		area: 'keystore',
		title: 'Keystore protected by a default password',
		severities: ['high', 'info'],
		remediation: 'Set a unique, randomly generated keystore password held in a secret store.',
		references: ['Tomcat SSLHostConfigCertificate.DEFAULT_KEYSTORE_PASSWORD', 'JDK-8275253'],
	},
	check(facts, report) {
		for (const k of facts.keystores) {
			if (k.defaultPassword === null) continue;
			const onlyTrusted =
				k.entries.length > 0 && k.entries.every((e) => e.type === 'trusted-certificate');
			// The report never carries passwords, not even well-known ones: name the list instead.
			const shown =
				k.defaultPassword === ''
					? 'the empty password'
					: 'a password of the default list (RULES.md 3.6)';
			const base = {
				inputName: k.inputName,
				subject: `${k.type} keystore ${k.inputName}`,
				evidence: `opens with ${shown}, found without asking`,
			};
			if (onlyTrusted && k.defaultPassword === 'changeit') {
				report({
					...base,
					severity: 'info',
					effect: 'none',
					title: 'Truststore uses the JDK default password',
				});
			} else report({ ...base, severity: 'high', effect: 'cap B' });
		}
		for (const k of facts.keystores) {
			if (k.defaultPassword !== null) continue; // reported above from the store itself
			for (const d of k.declaredPasswords ?? []) {
				if (!d.defaultListed) continue;
				report({
					severity: 'high',
					effect: 'cap B',
					inputName: d.inputName,
					subject: `${d.directive} (line ${d.line}) for ${k.inputName}`,
					evidence: 'declared password is one of the well-known defaults',
				});
			}
		}
		// Passwords declared for stores that were not dropped (Spring properties/YAML, server.xml,
		// -D flags): the declaration alone shows the well-known default.
		const dropped = new Set(facts.keystores.map((k) => k.inputName.replace(/^.*[/\\]/, '')));
		const said = new Set<string>();
		for (const d of facts.declaredPasswords) {
			if (!d.defaultListed || (d.keystoreFile && dropped.has(d.keystoreFile))) continue;
			const key = `${d.inputName}:${d.line}`;
			if (said.has(key)) continue;
			said.add(key);
			report({
				severity: 'high',
				effect: 'cap B',
				inputName: d.inputName,
				subject: `${d.directive} (line ${d.line})${d.keystoreFile ? ` for ${d.keystoreFile}` : ''}`,
				evidence: 'declared password is one of the well-known defaults (RULES.md 3.6)',
			});
		}
		for (const key of facts.keys) {
			if (key.defaultPassword === undefined || key.alias !== null) continue;
			report({
				severity: 'high',
				effect: 'cap B',
				inputName: key.inputName,
				subject: `private key ${key.source}`,
				evidence: `decrypts with ${key.defaultPassword === '' ? 'the empty password' : 'a password of the default list (RULES.md 3.6)'}`,
				title: 'Private key encrypted with a default password',
			});
		}
	},
};
