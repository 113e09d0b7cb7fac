// WSS-USERNAME-DIGEST: PasswordDigest (SHA-1 of nonce + created + password): low over TLS, high
// over plain HTTP (offline guessing from a capture).
import { effectiveEnvelopes, usernameTokens } from './helpers/coverage';
import { endpointScheme } from './helpers/endpoint';
import type { Rule } from '../rule';

export const wssUsernameDigest: Rule = {
	meta: {
		id: 'WSS-USERNAME-DIGEST',
		area: 'message',
		title: 'UsernameToken PasswordDigest',
		severities: ['low', 'high'],
		remediation: 'Move to TLS with mutual auth or X.509/SAML tokens.',
		references: ['WSS UsernameToken Profile 1.1', 'BSP 1.1 R4212'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const ep = endpointScheme(facts, env);
			if (!ep || ep.scheme === 'other') continue;
			for (const u of usernameTokens(env)) {
				if (u.passwordType !== 'PasswordDigest') continue;
				const http = ep.scheme === 'http';
				report({
					severity: http ? 'high' : 'low',
					effect: http ? 'cap C' : 'warn',
					inputName: env.inputName,
					subject: `${u.path} (user ${u.username || '?'})`,
					evidence: `PasswordDigest over ${ep.address} (from ${ep.source})`,
				});
			}
		}
	},
};
