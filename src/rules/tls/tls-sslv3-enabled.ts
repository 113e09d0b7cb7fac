// TLS-SSLV3-ENABLED (RULES.md): SSLv3 is enabled: F when it is the best protocol, else cap C (POODLE).
import { hasAtLeast, protocolEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsSslv3Enabled: Rule = {
	meta: {
		id: 'TLS-SSLV3-ENABLED',
		area: 'tls',
		title: 'SSLv3 is enabled',
		severities: ['critical', 'high'],
		remediation: 'Disable SSLv3 and set the minimum protocol to TLS 1.2.',
		references: ['RFC 7568', 'RFC 9325 §3.1.1', 'SSL Labs rating guide 2009g/h/i'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (!c.protocols.includes('SSLv3')) continue;
			const best = !hasAtLeast(c, 'TLSv1');
			report({
				severity: best ? 'critical' : 'high',
				effect: best ? 'F' : 'cap C',
				inputName: c.inputName,
				subject: c.name,
				evidence: `${protocolEvidence(c, ['SSLv3'])}${best ? '; SSLv3 is the best protocol offered' : ''}`,
			});
		}
	},
};
