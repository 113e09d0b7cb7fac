// Must-flag / must-not-flag table for TLS-WEAK-CIPHER.
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsWeakCipher } from './tls-weak-cipher';

RuleTester.run(tlsWeakCipher, {
	valid: [
		{
			name: '3DES is 112 bits: not this rule',
			facts: facts({ tls: [tc({ suites: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] })] }),
		},
		{ name: 'AEAD ECDHE', facts: facts({ tls: [tc()] }) },
		{
			name: 'scan: NULL, aNULL, EXPORT and LOW not offered',
			facts: facts({ tls: [sc({ NULL: false, aNULL: false, EXPORT: false, LOW: false })] }),
		},
	],
	invalid: [
		{
			name: 'anonymous suite',
			facts: facts({
				tls: [
					tc({
						suites: [
							'TLS_DH_anon_WITH_AES_128_GCM_SHA256',
							'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-WEAK-CIPHER',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'anonymous (no server authentication): TLS_DH_anon_WITH_AES_128_GCM_SHA256 (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'NULL encryption',
			facts: facts({ tls: [tc({ suites: ['TLS_RSA_WITH_NULL_SHA256'] })] }),
			findings: [
				{
					ruleId: 'TLS-WEAK-CIPHER',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'no encryption (NULL): TLS_RSA_WITH_NULL_SHA256 (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'export suite',
			facts: facts({ tls: [tc({ suites: ['TLS_RSA_EXPORT_WITH_RC4_40_MD5'] })] }),
			findings: [
				{
					ruleId: 'TLS-WEAK-CIPHER',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'export grade (40 bits): TLS_RSA_EXPORT_WITH_RC4_40_MD5 (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'single DES',
			facts: facts({ tls: [tc({ suites: ['TLS_RSA_WITH_DES_CBC_SHA'] })] }),
			findings: [
				{
					ruleId: 'TLS-WEAK-CIPHER',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: '56-bit DES: TLS_RSA_WITH_DES_CBC_SHA (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'scan without a suite list: cipherlist_aNULL offered',
			facts: facts({ tls: [sc({ aNULL: true, NULL: false })] }),
			findings: [
				{
					ruleId: 'TLS-WEAK-CIPHER',
					severity: 'critical',
					effect: 'F',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_aNULL: offered (NOT ok) (scan.json)',
				},
			],
		},
	],
});
