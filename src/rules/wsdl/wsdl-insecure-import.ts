// WSDL-INSECURE-IMPORT (RULES.md rule 46): an import or include whose location is plain http.
import type { Rule } from '../rule';

export const wsdlInsecureImport: Rule = {
	meta: {
		id: 'WSDL-INSECURE-IMPORT',
		area: 'wsdl',
		title: 'WSDL or schema import fetched over plain HTTP',
		severities: ['low'],
		remediation: 'Resolve imports from local copies or https.',
		references: [
			'OWASP SAML Security Cheat Sheet (local trusted schemas)',
			'OWASP Web Service Security Cheat Sheet (Schema Validation)',
		],
	},
	check(facts, report) {
		for (const wsdl of facts.wsdls) {
			const seen = new Set<string>();
			for (const imp of wsdl.imports) {
				if (!imp.location || !/^http:/i.test(imp.location.trim())) continue;
				const key = `${imp.from}\u0000${imp.location}`;
				if (seen.has(key)) continue;
				seen.add(key);
				report({
					severity: 'low',
					effect: 'warn',
					inputName: imp.from,
					subject: `${imp.kind}${imp.namespace ? ` of ${imp.namespace}` : ''}`,
					evidence: imp.location,
				});
			}
		}
	},
};
