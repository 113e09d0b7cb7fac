// KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE: a store used as truststore (marked by the user as one, or
// named like one) that also holds private keys.
import type { Rule } from '../rule';

export const keystorePrivateKeyInTruststore: Rule = {
	meta: {
		id: 'KEYSTORE-PRIVATE-KEY-IN-TRUSTSTORE',
		area: 'keystore',
		title: 'Private key inside a truststore',
		severities: ['medium'],
		remediation:
			'Keep private keys only in the keystore; truststores hold only trusted certificates.',
		references: ['NIST SP 800-57 Part 1 section 6', 'OWASP TLS Cheat Sheet'],
	},
	check(facts, report) {
		const anchors = new Set(facts.trustAnchors);
		for (const k of facts.keystores) {
			const keys = k.entries.filter((e) => e.type === 'private-key');
			if (keys.length === 0) continue;
			const certs = k.entries.flatMap((e) => e.certSha256);
			const marked = certs.length > 0 && certs.every((s) => anchors.has(s));
			const named = /trust|cacerts/i.test(k.inputName);
			if (!marked && !named) continue;
			report({
				severity: 'medium',
				effect: 'warn',
				inputName: k.inputName,
				subject: `${k.type} ${k.inputName}`,
				evidence: `${keys.length} private key entr${keys.length === 1 ? 'y' : 'ies'} (${keys.map((e) => e.alias).join(', ')}) in a store ${marked ? 'marked as truststore' : 'named as a truststore'}`,
			});
		}
	},
};
