// RUNTIME-OPENSSL-SECLEVEL-LOW (RULES.md): an OpenSSL security level of 0 or 1 is set explicitly.
import { where } from '../tls/helpers/evidence';
import type { Rule } from '../rule';

export const runtimeOpensslSeclevelLow: Rule = {
	meta: {
		id: 'RUNTIME-OPENSSL-SECLEVEL-LOW',
		area: 'runtime',
		title: 'OpenSSL security level too low',
		severities: ['medium', 'low'],
		remediation: 'Use `@SECLEVEL=2` (RSA/DH ≥ 2048, ECC ≥ 224) or higher.',
		references: ['OpenSSL SSL_CTX_set_security_level(3)', 'Mozilla ssl-config-generator changelog'],
	},
	check(facts, report) {
		const seen = new Set<string>();
		for (const c of facts.tls) {
			const s = c.runtime.secLevel;
			if (!s || s.implicit || s.level > 1) continue;
			const key = `${s.origin.inputName ?? ''}:${s.origin.line ?? ''}:${s.origin.value}`;
			if (seen.has(key)) continue;
			seen.add(key);
			report({
				severity: s.level === 0 ? 'medium' : 'low',
				effect: s.level === 0 ? 'cap B' : 'warn',
				inputName: s.origin.inputName ?? c.inputName,
				subject: `${c.name}: @SECLEVEL=${s.level}`,
				evidence: where(s.origin),
			});
		}
	},
};
