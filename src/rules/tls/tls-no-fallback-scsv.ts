// TLS-NO-FALLBACK-SCSV (RULES.md): a scanner saw no TLS_FALLBACK_SCSV support with several protocol versions up to TLS 1.2.
import { tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsNoFallbackScsv: Rule = {
	meta: {
		id: 'TLS-NO-FALLBACK-SCSV',
		area: 'tls',
		title: 'TLS_FALLBACK_SCSV is not supported',
		severities: ['low'],
		remediation:
			'Upgrade the TLS library (any OpenSSL ≥ 1.0.1j supports it) or offer a single protocol version.',
		references: ['RFC 7507', 'RFC 9325 §3.1.3', 'SSL Labs rating guide 2009h'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (c.fallbackScsv !== false) continue;
			const upTo12 = c.protocols.filter((p) => p !== 'TLSv1.3');
			if (upTo12.length < 2) continue;
			report({
				severity: 'low',
				effect: 'cap A',
				inputName: c.observed?.inputName ?? c.inputName,
				subject: c.name,
				evidence: `fallback SCSV not supported; protocols ${c.protocols.join(', ')}`,
			});
		}
	},
};
