// RUNTIME-JDK-DISABLEDALGS-WEAKENED (RULES.md): jdk.tls.disabledAlgorithms or jdk.certpath.disabledAlgorithms lacks an entry of the JDK default for that version.
import { where } from '../tls/helpers/evidence';
import type { Rule } from '../rule';

export const runtimeJdkDisabledalgsWeakened: Rule = {
	meta: {
		id: 'RUNTIME-JDK-DISABLEDALGS-WEAKENED',
		area: 'runtime',
		title: 'JDK disabled-algorithm list weakened',
		severities: ['medium'],
		remediation: 'Restore the JDK default constraints instead of re-enabling legacy algorithms.',
		references: ['OpenJDK java.security', 'RFC 8996'],
	},
	check(facts, report) {
		const seen = new Set<string>();
		for (const c of facts.tls) {
			for (const prop of [c.runtime.disabledAlgorithms, c.runtime.certpathDisabled]) {
				if (!prop || prop.missing.length === 0 || prop.origin.directive === 'default') continue;
				const key = `${prop.origin.inputName ?? ''}:${prop.origin.line ?? ''}`;
				if (seen.has(key)) continue;
				seen.add(key);
				report({
					severity: 'medium',
					effect: 'warn',
					inputName: prop.origin.inputName,
					subject: prop.origin.directive,
					evidence: `missing ${prop.missing.join(', ')} (${where(prop.origin)}; ${c.runtime.label} default: ${prop.defaultValue})`,
				});
			}
		}
	},
};
