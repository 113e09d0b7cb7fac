// RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT (RULES.md): a Java 7 client before 7u111 offers only TLS 1.0 unless told otherwise.

import type { Rule } from '../rule';

export const runtimeJava7ClientTls10Default: Rule = {
	meta: {
		id: 'RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT',
		area: 'runtime',
		title: 'Java 7 client defaults to TLS 1.0',
		severities: ['high'],
		remediation:
			'Upgrade the JVM, or set `-Djdk.tls.client.protocols=TLSv1.2` (and `https.protocols`).',
		references: ['JDK-7093640', 'Oracle: enable TLS 1.2 on Java SE 7 clients'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			if (!c.runtime.java7ClientTls10 || c.role !== 'client') continue;
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: c.inputName,
				subject: c.name,
				evidence: `${c.runtime.label} client without jdk.tls.client.protocols/https.protocols: offers ${c.protocols.join(', ')}`,
			});
		}
	},
};
