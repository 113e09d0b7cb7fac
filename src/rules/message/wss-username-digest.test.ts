// Must-flag / must-not-flag table for WSS-USERNAME-DIGEST.
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssUsernameDigest as rule } from './wss-username-digest';

const digest = utFacts({ passwordType: 'PasswordDigest' });
const env = (to: string | null, u = digest) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

RuleTester.run(rule, {
	valid: [
		{
			name: 'text over https',
			facts: facts({ envelopes: [env('https://x.example/ws', utFacts())] }),
		},
		{ name: 'endpoint unknown', facts: facts({ envelopes: [env(null)] }) },
	],
	invalid: [
		{
			name: 'digest over https',
			facts: facts({ envelopes: [env('https://x.example/ws')] }),
			findings: [
				{
					ruleId: 'WSS-USERNAME-DIGEST',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'PasswordDigest over https://x.example/ws (from wsa:To)',
				},
			],
		},
		{
			name: 'digest over http',
			facts: facts({ envelopes: [env('http://x.example/ws')] }),
			findings: [
				{
					ruleId: 'WSS-USERNAME-DIGEST',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'PasswordDigest over http://x.example/ws (from wsa:To)',
				},
			],
		},
	],
});
