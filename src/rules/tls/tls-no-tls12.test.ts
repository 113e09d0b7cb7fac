// Must-flag / must-not-flag table for TLS-NO-TLS12.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsNoTls12 } from './tls-no-tls12';

RuleTester.run(tlsNoTls12, {
	valid: [
		{
			name: 'TLS 1.3 only (no TLS 1.2 is fine when 1.3 is there)',
			facts: facts({ tls: [tc({ protocols: ['TLSv1.3'], suites: [] })] }),
		},
		{ name: 'TLS 1.2', facts: facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }) },
	],
	invalid: [
		{
			name: 'TLS 1.0 and 1.1 only',
			facts: facts({
				tls: [
					tc({ protocols: ['TLSv1', 'TLSv1.1'], suites: ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] }),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-NO-TLS12',
					severity: 'high',
					effect: 'cap C',
					subject: 'test connector',
					evidence: 'enabled: TLSv1, TLSv1.1 (TLSv1, TLSv1.1 from test.conf line 2: TLSv1 TLSv1.1)',
				},
			],
		},
	],
});
