// RUNTIME-DOTNET-PROTOCOL-OVERRIDE (RULES.md): .NET code or config hard-codes legacy protocols, or an old framework without strong crypto.
import { where } from '../tls/helpers/evidence';
import { atLeast } from '../../core/tls/versions';
import type { Rule } from '../rule';

export const runtimeDotnetProtocolOverride: Rule = {
	meta: {
		id: 'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
		area: 'runtime',
		title: '.NET protocol override',
		severities: ['medium', 'high', 'low'],
		remediation:
			'Target .NET Framework 4.7+ (or .NET 5+) and leave the protocol to the OS (`SystemDefault`).',
		references: ['Microsoft Learn: TLS best practices with .NET Framework', 'RFC 8996'],
	},
	check(facts, report) {
		for (const c of facts.tls) {
			const d = c.runtime.dotnet;
			if (!d) continue;
			const flags = d.flags?.names ?? [];
			const legacy = flags.filter((f) => f === 'Ssl3' || f === 'Tls' || f === 'Tls11');
			if (legacy.length && d.flags) {
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: d.flags.origin.inputName,
					subject: c.name,
					evidence: `${legacy.join(', ')} enabled (${where(d.flags.origin)})`,
				});
			} else if (
				d.framework &&
				!d.framework.startsWith('core') &&
				!atLeast(d.framework, '4.6') &&
				d.strongCrypto !== true &&
				!flags.includes('Tls12')
			) {
				report({
					severity: 'high',
					effect: 'cap C',
					inputName: c.inputName,
					subject: c.name,
					evidence: `target framework ${d.framework} without SchUseStrongCrypto/SystemDefaultTlsVersions: TLS 1.2 is off by default`,
				});
			} else if (flags.length === 1 && flags[0] === 'Tls12' && d.flags && !d.flags.added) {
				// `|= Tls12` adds to the OS default rather than pinning it: nothing is blocked
				report({
					severity: 'low',
					effect: 'warn',
					inputName: d.flags.origin.inputName,
					subject: c.name,
					evidence: `only Tls12 hard-coded (${where(d.flags.origin)}): blocks TLS 1.3 and OS policy`,
				});
			}
		}
	},
};
