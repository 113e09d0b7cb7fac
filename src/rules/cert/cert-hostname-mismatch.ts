// CERT-HOSTNAME-MISMATCH (RULES.md): an endpoint host (connector URL, WSDL soap:address, mail host) matches no dropped certificate (RFC 6125).
import { endpointHosts, serverCertificates } from './helpers/hostnames';
import { certificateNames, hostMatches } from '../../core/tls/hostname';
import type { Rule } from '../rule';

export const certHostnameMismatch: Rule = {
	meta: {
		id: 'CERT-HOSTNAME-MISMATCH',
		area: 'cert',
		title: 'Certificate does not match the endpoint host name',
		severities: ['high'],
		remediation: 'Re-issue with the endpoint FQDN in the SAN.',
		references: ['RFC 6125', 'RFC 9525', 'SSL Labs rating guide', 'OWASP TLS Cheat Sheet'],
	},
	check(facts, report) {
		for (const ep of endpointHosts(facts)) {
			const certs = serverCertificates(facts, ep);
			if (certs.length === 0 || certs.some((c) => hostMatches(c, ep.host))) continue;
			const names = certs.flatMap((c) => {
				const n = certificateNames(c);
				return [...n.dns, ...n.ip];
			});
			report({
				severity: 'high',
				effect: 'M',
				inputName: ep.inputName,
				subject: `${ep.host} (${ep.source})`,
				evidence: `certificate names: ${[...new Set(names)].slice(0, 8).join(', ') || 'none'} (${certs.map((c) => c.inputName).join(', ')})`,
			});
		}
	},
};
