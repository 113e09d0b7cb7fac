// WSS-USERNAME-PLAINTEXT-OVER-HTTP: a UsernameToken password in clear text (Type PasswordText or
// absent) sent to an http endpoint and not protected by XML Encryption.
import { clearUsernameTokens, effectiveEnvelopes } from './helpers/coverage';
import { endpointScheme } from './helpers/endpoint';
import type { Rule } from '../rule';

export const wssUsernamePlaintextOverHttp: Rule = {
	meta: {
		id: 'WSS-USERNAME-PLAINTEXT-OVER-HTTP',
		area: 'message',
		title: 'Clear-text password sent over plain HTTP',
		severities: ['critical'],
		remediation: 'Use HTTPS (or encrypt the token) and never send cleartext passwords over HTTP.',
		references: [
			'WSS UsernameToken Profile 1.1',
			'OWASP Web Service Security Cheat Sheet',
			'BSP 1.1 R4201',
		],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const ep = endpointScheme(facts, env);
			if (ep?.scheme !== 'http') continue;
			// the message as sent: an encrypted Body does not hide a clear token in the header
			for (const u of clearUsernameTokens(facts, env)) {
				if (u.passwordType !== 'PasswordText') continue;
				report({
					severity: 'critical',
					effect: 'F',
					inputName: env.inputName,
					subject: `${u.path} (user ${u.username || '?'})`,
					evidence: `Password Type ${u.passwordTypeUri ? 'PasswordText' : 'absent (= PasswordText)'}; endpoint ${ep.address} (from ${ep.source})`,
				});
			}
		}
	},
};
