// TLS-MIN-VERSION (RULES.md): the lowest effective protocol is TLS 1.0 or 1.1.
import { protocolEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsMinVersion: Rule = {
	meta: {
		id: 'TLS-MIN-VERSION',
		area: 'tls',
		title: 'TLS 1.0 or TLS 1.1 is enabled',
		severities: ['medium'],
		remediation: 'Set the minimum to TLS 1.2 (Pega: "Lowest allowable SSL/TLS version" = TLSv1.2).',
		references: ['RFC 8996', 'RFC 9325 §3.1.1', 'NIST SP 800-52r2 §3.1', 'SSL Labs 2020-01'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const low = c.protocols.filter((p) => p === 'TLSv1' || p === 'TLSv1.1');
			if (low.length === 0 || c.protocols.includes('SSLv3') || c.protocols.includes('SSLv2'))
				continue;
			report({
				severity: 'medium',
				effect: 'cap B',
				inputName: c.inputName,
				subject: c.name,
				evidence: protocolEvidence(c, low),
			});
		}
	},
};
