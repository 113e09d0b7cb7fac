// TLS-DECLARED-OBSERVED-MISMATCH (RULES.md): a scanner saw protocols or suites the declared configuration excludes (or lacks declared ones).

import type { Rule } from '../rule';

export const tlsDeclaredObservedMismatch: Rule = {
	meta: {
		id: 'TLS-DECLARED-OBSERVED-MISMATCH',
		area: 'tls',
		title: 'Declared and observed TLS settings differ',
		severities: ['medium', 'info'],
		remediation:
			'Find the component actually terminating TLS (load balancer, proxy, JVM override) and fix its configuration.',
		references: ['CGS-1 section 3.5'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const d = c.declared;
			const o = c.observed;
			if (!d || !o) continue;
			const extraP = o.protocols.filter((p) => !d.protocols.includes(p));
			const extraS = [...o.suites, ...o.tls13].filter(
				(s) => !d.suites.includes(s) && !d.tls13.includes(s),
			);
			if (extraP.length || extraS.length) {
				report({
					severity: 'medium',
					effect: 'warn',
					inputName: o.inputName,
					subject: c.name,
					evidence: `observed but not declared: ${[...extraP, ...extraS.slice(0, 6)].join(', ')}${extraS.length > 6 ? ` and ${extraS.length - 6} more` : ''} (declared by ${d.inputs.join(', ')})`,
				});
			}
			const missingP = d.protocols.filter((p) => !o.protocols.includes(p));
			const missingS = d.suites.filter((s) => !o.suites.includes(s));
			if (missingP.length || missingS.length) {
				report({
					severity: 'info',
					effect: 'none',
					inputName: o.inputName,
					subject: c.name,
					evidence: `declared but not observed (something in front is stricter): ${[...missingP, ...missingS.slice(0, 6)].join(', ')}${missingS.length > 6 ? ` and ${missingS.length - 6} more` : ''}`,
				});
			}
		}
	},
};
