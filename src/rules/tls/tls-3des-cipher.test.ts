// Must-flag / must-not-flag table for TLS-3DES-CIPHER.
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tls3desCipher } from './tls-3des-cipher';

RuleTester.run(tls3desCipher, {
	valid: [
		{
			name: '3DES with TLS 1.0 only',
			facts: facts({
				tls: [tc({ protocols: ['TLSv1'], suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] })],
			}),
		},
		{ name: 'no 64-bit block cipher', facts: facts({ tls: [tc()] }) },
		{
			name: 'scan: cipherlist_3DES_IDEA not offered',
			facts: facts({ tls: [sc({ '3DES_IDEA': false })] }),
		},
		{
			name: 'scan: 3DES offered but TLS 1.0 only',
			facts: facts({ tls: [sc({ '3DES_IDEA': true }, { protocols: ['TLSv1'] })] }),
		},
	],
	invalid: [
		{
			name: '3DES with TLS 1.2',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-3DES-CIPHER',
					severity: 'medium',
					effect: 'cap C',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'scan without a suite list: cipherlist_3DES_IDEA offered with TLS 1.2',
			facts: facts({ tls: [sc({ '3DES_IDEA': true })] }),
			findings: [
				{
					ruleId: 'TLS-3DES-CIPHER',
					severity: 'medium',
					effect: 'cap C',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_3DES_IDEA: offered (NOT ok) (scan.json), with TLSv1.2, TLSv1.3',
				},
			],
		},
	],
});
