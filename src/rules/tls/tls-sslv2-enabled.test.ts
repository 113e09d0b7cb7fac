// Must-flag / must-not-flag table for TLS-SSLV2-ENABLED.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsSslv2Enabled } from './tls-sslv2-enabled';

RuleTester.run(tlsSslv2Enabled, {
	valid: [
		{ name: 'TLS 1.2 and 1.3 only', facts: facts({ tls: [tc()] }) },
		{
			name: 'plain channel ignores protocols',
			facts: facts({ tls: [tc({ protocols: ['SSLv2'], channel: 'PLAIN' })] }),
		},
	],
	invalid: [
		{
			name: 'SSLv2 enabled',
			facts: facts({ tls: [tc({ protocols: ['SSLv2', 'TLSv1.2'] })] }),
			findings: [
				{
					ruleId: 'TLS-SSLV2-ENABLED',
					severity: 'critical',
					effect: 'F',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'enabled: SSLv2, TLSv1.2 (SSLv2 from test.conf line 2: SSLv2 TLSv1.2)',
				},
			],
		},
	],
});
