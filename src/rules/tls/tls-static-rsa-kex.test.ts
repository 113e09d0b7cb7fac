// Must-flag / must-not-flag table for TLS-STATIC-RSA-KEX.
import { scannedConnector as sc, tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsStaticRsaKex } from './tls-static-rsa-kex';

RuleTester.run(tlsStaticRsaKex, {
	valid: [
		{
			name: 'only RSA, no TLS 1.3: TLS-NO-FORWARD-SECRECY instead',
			facts: facts({
				tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })],
			}),
		},
		{ name: 'no RSA key transport', facts: facts({ tls: [tc()] }) },
		{
			name: 'scan: only suites without FS (TLS-NO-FORWARD-SECRECY territory)',
			facts: facts({
				tls: [sc({ STRONG_NOFS: true, STRONG_FS: false }, { protocols: ['TLSv1.2'] })],
			}),
		},
		{
			name: 'scan: cipherlist_STRONG_NOFS not offered',
			facts: facts({ tls: [sc({ STRONG_NOFS: false })] }),
		},
	],
	invalid: [
		{
			name: 'RSA next to ECDHE',
			facts: facts({
				tls: [
					tc({
						suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_GCM_SHA256'],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-STATIC-RSA-KEX',
					severity: 'low',
					effect: 'cap A',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'TLS_RSA_WITH_AES_128_GCM_SHA256 (from test.conf line 3: test)',
				},
			],
		},
		{
			name: 'scan without a suite list: strong suites without FS next to FS ones',
			facts: facts({ tls: [sc({ STRONG_NOFS: true, STRONG_FS: true })] }),
			findings: [
				{
					ruleId: 'TLS-STATIC-RSA-KEX',
					severity: 'low',
					effect: 'cap A',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'cipherlist_STRONG_NOFS: offered (NOT ok) (scan.json)',
				},
			],
		},
	],
});
