// TLS-SSLV2-ENABLED (RULES.md): SSLv2 is in the effective protocol set.
import { protocolEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsSslv2Enabled: Rule = {
	meta: {
		id: 'TLS-SSLV2-ENABLED',
		area: 'tls',
		title: 'SSLv2 is enabled',
		severities: ['critical'],
		remediation:
			'Remove SSLv2 from the protocol list (and rebuild/upgrade the TLS library if it still ships it).',
		references: ['RFC 9325 §3.1.1', 'SSL Labs rating guide 2009c'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (!c.protocols.includes('SSLv2')) continue;
			report({
				severity: 'critical',
				effect: 'F',
				inputName: c.inputName,
				subject: c.name,
				evidence: protocolEvidence(c, ['SSLv2']),
			});
		}
	},
};
