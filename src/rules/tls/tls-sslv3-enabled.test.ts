// Must-flag / must-not-flag table for TLS-SSLV3-ENABLED.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsSslv3Enabled } from './tls-sslv3-enabled';

RuleTester.run(tlsSslv3Enabled, {
	valid: [{ name: 'no SSLv3', facts: facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'] })] }) }],
	invalid: [
		{
			name: 'SSLv3 is the best protocol',
			facts: facts({
				tls: [tc({ protocols: ['SSLv3'], suites: ['TLS_RSA_WITH_AES_128_CBC_SHA'] })],
			}),
			findings: [
				{
					ruleId: 'TLS-SSLV3-ENABLED',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'enabled: SSLv3 (SSLv3 from test.conf line 2: SSLv3); SSLv3 is the best protocol offered',
				},
			],
		},
		{
			name: 'SSLv3 next to TLS 1.2',
			facts: facts({ tls: [tc({ protocols: ['SSLv3', 'TLSv1.2'] })] }),
			findings: [
				{
					ruleId: 'TLS-SSLV3-ENABLED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'enabled: SSLv3, TLSv1.2 (SSLv3 from test.conf line 2: SSLv3 TLSv1.2)',
				},
			],
		},
	],
});
