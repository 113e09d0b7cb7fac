// Must-flag / must-not-flag table for WSS-USERNAME-NO-NONCE.
import { envFacts, refFacts, sigFacts, tsRef, utFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssUsernameNoNonce as rule } from './wss-username-no-nonce';

RuleTester.run(rule, {
	valid: [
		{
			name: 'nonce and created',
			facts: facts({ envelopes: [envFacts({ usernameTokens: [utFacts()] })], signatures: [] }),
		},
		{
			name: 'no password',
			facts: facts({
				envelopes: [
					envFacts({ usernameTokens: [utFacts({ passwordType: 'none', hasNonce: false })] }),
				],
				signatures: [],
			}),
		},
	],
	invalid: [
		{
			name: 'no nonce, no signed Timestamp',
			facts: facts({
				envelopes: [envFacts({ usernameTokens: [utFacts({ hasNonce: false })] })],
				signatures: [],
			}),
			findings: [
				{
					ruleId: 'WSS-USERNAME-NO-NONCE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'missing wsse:Nonce; no signed Timestamp',
				},
			],
		},
		{
			name: 'no created, Timestamp signed',
			facts: facts({
				envelopes: [envFacts({ usernameTokens: [utFacts({ created: null })] })],
				signatures: [sigFacts({ references: [refFacts(), tsRef()] })],
			}),
			findings: [
				{
					ruleId: 'WSS-USERNAME-NO-NONCE',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'missing wsu:Created; a signed Timestamp limits replay',
				},
			],
		},
	],
});
