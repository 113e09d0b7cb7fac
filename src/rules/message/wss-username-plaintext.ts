// WSS-USERNAME-PLAINTEXT: a clear-text UsernameToken password over TLS (only TLS protects it).
import { effectiveEnvelopes, usernameTokens } from './helpers/coverage';
import { endpointScheme } from './helpers/endpoint';
import type { Rule } from '../rule';

export const wssUsernamePlaintext: Rule = {
	meta: {
		id: 'WSS-USERNAME-PLAINTEXT',
		area: 'message',
		title: 'Clear-text password in a UsernameToken (protected only by TLS)',
		severities: ['low'],
		remediation:
			'Prefer certificate or token-based authentication; otherwise keep PasswordText strictly inside TLS.',
		references: ['WSS UsernameToken Profile 1.1', 'OWASP Web Service Security Cheat Sheet'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const ep = endpointScheme(facts, env);
			if (ep?.scheme !== 'https') continue;
			for (const u of usernameTokens(env)) {
				if (u.passwordType !== 'PasswordText') continue;
				report({
					severity: 'low',
					effect: 'warn',
					inputName: env.inputName,
					subject: `${u.path} (user ${u.username || '?'})`,
					evidence: `PasswordText over ${ep.address} (from ${ep.source})`,
				});
			}
		}
	},
};
