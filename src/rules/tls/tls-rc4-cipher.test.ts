// Must-flag / must-not-flag table for TLS-RC4-CIPHER.
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsRc4Cipher } from './tls-rc4-cipher';

RuleTester.run(tlsRc4Cipher, {
	valid: [
		{ name: 'no RC4', facts: facts({ tls: [tc()] }) },
		{ name: 'scan: RC4 not offered', facts: facts({ tls: [sc({ RC4: false })] }) },
	],
	invalid: [
		{
			name: 'only RC4',
			facts: facts({ tls: [tc({ protocols: ['TLSv1'], suites: ['TLS_RSA_WITH_RC4_128_SHA'] })] }),
			findings: [
				{
					ruleId: 'TLS-RC4-CIPHER',
					severity: 'high',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'only RC4 suites: TLS_RSA_WITH_RC4_128_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'RC4 with TLS 1.2',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-RC4-CIPHER',
					severity: 'high',
					effect: 'cap C',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'TLS_RSA_WITH_RC4_128_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'RC4 with TLS 1.0 only',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1'],
						suites: ['TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-RC4-CIPHER',
					severity: 'high',
					effect: 'cap B',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'TLS_RSA_WITH_RC4_128_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'scan without a suite list: RC4 offered with TLS 1.2',
			facts: facts({ tls: [sc({ RC4: true })] }),
			findings: [
				{
					ruleId: 'TLS-RC4-CIPHER',
					severity: 'high',
					effect: 'cap C',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_RC4: offered (NOT ok) (scan.json)',
				},
			],
		},
		{
			name: 'scan: RC4 offered, TLS 1.0 only',
			facts: facts({ tls: [sc({ RC4: true }, { protocols: ['TLSv1'] })] }),
			findings: [
				{
					ruleId: 'TLS-RC4-CIPHER',
					severity: 'high',
					effect: 'cap B',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_RC4: offered (NOT ok) (scan.json)',
				},
			],
		},
	],
});
