// Must-flag / must-not-flag table for WSS-USERNAME-PLAINTEXT.
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssUsernamePlaintext as rule } from './wss-username-plaintext';

const env = (to: string | null, u = utFacts()) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

RuleTester.run(rule, {
	valid: [
		{
			name: 'PasswordText over http (the critical rule covers it)',
			facts: facts({ envelopes: [env('http://x.example/ws')] }),
		},
		{
			name: 'PasswordDigest over https',
			facts: facts({
				envelopes: [env('https://x.example/ws', utFacts({ passwordType: 'PasswordDigest' }))],
			}),
		},
		{
			name: 'no password',
			facts: facts({ envelopes: [env('https://x.example/ws', utFacts({ passwordType: 'none' }))] }),
		},
	],
	invalid: [
		{
			name: 'PasswordText over https',
			facts: facts({ envelopes: [env('https://x.example/ws')] }),
			findings: [
				{
					ruleId: 'WSS-USERNAME-PLAINTEXT',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'PasswordText over https://x.example/ws (from wsa:To)',
				},
			],
		},
	],
});
