// WSDL-MIXED-SCHEME-ENDPOINTS (RULES.md rule 45): a service exposes the same binding (or portType)
// on both http and https, so a client can be steered to the plain one.
import type { Rule } from '../rule';

export const wsdlMixedSchemeEndpoints: Rule = {
	meta: {
		id: 'WSDL-MIXED-SCHEME-ENDPOINTS',
		area: 'wsdl',
		title: 'The same service is offered over both HTTP and HTTPS',
		severities: ['medium'],
		remediation: 'Remove the plain-HTTP port.',
		references: [
			'OWASP Web Service Security Cheat Sheet',
			'SSL Labs rating guide (downgrade reasoning)',
		],
	},
	check(facts, report) {
		for (const wsdl of facts.wsdls) {
			const groups = new Map<string, { label: string; http: string[]; https: string[] }>();
			for (const p of wsdl.ports) {
				if (p.scheme !== 'http' && p.scheme !== 'https') continue;
				const label = p.interfaceName ? `portType ${p.interfaceName}` : `binding ${p.binding}`;
				const key = `${p.service}\u0000${p.interfaceName ?? p.binding}`;
				const g = groups.get(key) ?? { label: `${p.service}: ${label}`, http: [], https: [] };
				g[p.scheme].push(p.address);
				groups.set(key, g);
			}
			for (const g of groups.values()) {
				if (g.http.length === 0 || g.https.length === 0) continue;
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: wsdl.inputName,
					subject: g.label,
					evidence: `http: ${g.http.join(', ')}; https: ${g.https.join(', ')}`,
				});
			}
		}
	},
};
