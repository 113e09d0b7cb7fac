// Must-flag / must-not-flag table for WSS-USERNAME-PLAINTEXT-OVER-HTTP.
import type { ConnectorForm } from '../../core/tls/facts';
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssUsernamePlaintextOverHttp as rule } from './wss-username-plaintext-over-http';

const ruleId = 'WSS-USERNAME-PLAINTEXT-OVER-HTTP';
const TEXT =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

const env = (to: string | null, u = utFacts()) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

/** The connector form with only an endpoint filled in. */
const form = (endpoint: string): ConnectorForm => ({
	name: 'c',
	type: 'SOAP',
	endpoint,
	role: 'client',
	lowestTlsVersion: '',
	runtime: '',
	cipherSuites: '',
	keystoreInput: '',
	truststoreInput: '',
	wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: true },
});

RuleTester.run(rule, {
	valid: [
		{ name: 'PasswordText over https', facts: facts({ envelopes: [env('https://x.example/ws')] }) },
		{
			name: 'encrypted token over http',
			facts: facts({
				envelopes: [env('http://x.example/ws', utFacts({ protectedByEncryption: true }))],
			}),
		},
		{
			name: 'digest over http',
			facts: facts({
				envelopes: [env('http://x.example/ws', utFacts({ passwordType: 'PasswordDigest' }))],
			}),
		},
		{ name: 'endpoint unknown', facts: facts({ envelopes: [env(null)] }) },
	],
	invalid: [
		{
			name: 'PasswordText over http',
			facts: facts({ envelopes: [env('http://x.example/ws', utFacts({ passwordTypeUri: TEXT }))] }),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence: 'Password Type PasswordText; endpoint http://x.example/ws (from wsa:To)',
				},
			],
		},
		{
			name: 'Type absent over http',
			facts: facts({
				envelopes: [env('http://x.example/ws', utFacts({ passwordTypeUri: null }))],
			}),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence:
						'Password Type absent (= PasswordText); endpoint http://x.example/ws (from wsa:To)',
				},
			],
		},
		{
			name: 'http from the connector form',
			facts: facts({ envelopes: [env(null)], connector: form('http://svc.example/ws') }),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken (user alice)',
					evidence:
						'Password Type absent (= PasswordText); endpoint http://svc.example/ws (from connector)',
				},
			],
		},
	],
});
