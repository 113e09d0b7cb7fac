// Must-flag / must-not-flag table for TLS-NO-FORWARD-SECRECY.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsNoForwardSecrecy } from './tls-no-forward-secrecy';

RuleTester.run(tlsNoForwardSecrecy, {
	valid: [
		{
			name: 'TLS 1.3 gives forward secrecy',
			facts: facts({ tls: [tc({ suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })] }),
		},
		{ name: 'ECDHE present', facts: facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }) },
	],
	invalid: [
		{
			name: 'only RSA key transport',
			facts: facts({
				tls: [tc({ protocols: ['TLSv1.2'], suites: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] })],
			}),
			findings: [
				{
					ruleId: 'TLS-NO-FORWARD-SECRECY',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'no ECDHE/DHE suite among TLS_RSA_WITH_AES_128_GCM_SHA256 (from test.conf line 3: test)',
				},
			],
		},
	],
});
