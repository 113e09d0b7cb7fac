// Must-flag / must-not-flag table for TLS-CBC-CIPHERS.
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsCbcCiphers } from './tls-cbc-ciphers';

RuleTester.run(tlsCbcCiphers, {
	valid: [
		{ name: 'AEAD only', facts: facts({ tls: [tc()] }) },
		{
			name: 'CBC on a plain channel is not judged',
			facts: facts({
				tls: [tc({ channel: 'PLAIN', suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] })],
			}),
		},
		{
			name: 'scan: cipherlist_OBSOLETED not offered',
			facts: facts({ tls: [sc({ OBSOLETED: false })] }),
		},
	],
	invalid: [
		{
			name: 'one CBC suite',
			facts: facts({
				tls: [
					tc({
						suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-CBC-CIPHERS',
					severity: 'low',
					effect: 'cap A',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'scan without a suite list: cipherlist_OBSOLETED offered',
			facts: facts({ tls: [sc({ OBSOLETED: true })] }),
			findings: [
				{
					ruleId: 'TLS-CBC-CIPHERS',
					severity: 'low',
					effect: 'cap A',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_OBSOLETED: offered (NOT ok) (scan.json)',
				},
			],
		},
	],
});
