// Must-flag / must-not-flag table for TLS-NO-AEAD.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsNoAead } from './tls-no-aead';

RuleTester.run(tlsNoAead, {
	valid: [
		{
			name: 'CBC only but TLS 1.3',
			facts: facts({ tls: [tc({ suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] })] }),
		},
		{ name: 'GCM present', facts: facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }) },
	],
	invalid: [
		{
			name: 'CBC only, no TLS 1.3',
			facts: facts({
				tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] })],
			}),
			findings: [
				{
					ruleId: 'TLS-NO-AEAD',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'no AEAD suite among TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 (from test.conf line 3: test)',
				},
			],
		},
	],
});
