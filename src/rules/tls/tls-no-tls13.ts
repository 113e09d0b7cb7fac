// TLS-NO-TLS13 (RULES.md): TLS 1.3 is not enabled (whatever the runtime can do).
import { caveat, protocolEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsNoTls13: Rule = {
	meta: {
		id: 'TLS-NO-TLS13',
		area: 'tls',
		title: 'TLS 1.3 is not enabled',
		severities: ['low'],
		remediation: 'Enable TLS 1.3 (upgrade the runtime/library if needed).',
		references: ['RFC 9325 §3.1.1', 'NIST SP 800-52r2 §3.1', 'Mozilla Server Side TLS'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (c.protocols.length === 0 || c.protocols.includes('TLSv1.3')) continue;
			const cannot = c.notes.find((n) => /cannot do TLS 1\.3|TLSv1\.3 is not available/.test(n));
			report({
				severity: 'low',
				effect: 'cap A',
				inputName: c.inputName,
				subject: c.name,
				evidence: `${protocolEvidence(c, c.protocols, false)}${cannot ? `; ${cannot}` : ''}${caveat(c, 'tls13')}`,
			});
		}
	},
};
