// WSS-USERNAME-NO-NONCE: a UsernameToken with a password but without Nonce or Created (replay);
// milder when a signed Timestamp bounds the replay window.
import {
	effectiveEnvelopes,
	envelopeSignatures,
	signedTimestamp,
	usernameTokens,
} from './helpers/coverage';
import type { Rule } from '../rule';

export const wssUsernameNoNonce: Rule = {
	meta: {
		id: 'WSS-USERNAME-NO-NONCE',
		area: 'message',
		title: 'UsernameToken without Nonce or Created',
		severities: ['medium', 'low'],
		remediation: 'Include Nonce and Created and enforce a nonce cache.',
		references: ['WSS UsernameToken Profile 1.1 (replay)', 'BSP 1.1 R4220–R4225'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const signedTs = signedTimestamp(envelopeSignatures(facts, env), env);
			for (const u of usernameTokens(env)) {
				if (u.passwordType === 'none' || (u.hasNonce && u.created)) continue;
				const missing = [u.hasNonce ? '' : 'wsse:Nonce', u.created ? '' : 'wsu:Created'].filter(
					Boolean,
				);
				report({
					severity: signedTs ? 'low' : 'medium',
					effect: signedTs ? 'warn' : 'cap B',
					inputName: env.inputName,
					subject: `${u.path} (user ${u.username || '?'})`,
					evidence: `missing ${missing.join(' and ')}; ${signedTs ? 'a signed Timestamp limits replay' : 'no signed Timestamp'}`,
				});
			}
		}
	},
};
