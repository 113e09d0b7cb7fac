// Must-flag / must-not-flag table for TLS-MIN-VERSION.
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { tlsMinVersion } from './tls-min-version';

RuleTester.run(tlsMinVersion, {
	valid: [
		{ name: 'TLS 1.2 lowest', facts: facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }) },
		{
			name: 'declared TLSv1 but runtime removed it',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						declaredMinVersion: { version: 'TLSv1', origin: origin(null, 'form', null, 'TLSv1') },
					}),
				],
			}),
		},
		{
			name: 'SSLv3 lowest is reported by TLS-SSLV3-ENABLED',
			facts: facts({ tls: [tc({ protocols: ['SSLv3', 'TLSv1', 'TLSv1.2'] })] }),
		},
	],
	invalid: [
		{
			name: 'TLS 1.0 enabled',
			facts: facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'] })] }),
			findings: [
				{
					ruleId: 'TLS-MIN-VERSION',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'enabled: TLSv1, TLSv1.2 (TLSv1 from test.conf line 2: TLSv1 TLSv1.2)',
				},
			],
		},
		{
			name: 'TLS 1.1 lowest',
			facts: facts({ tls: [tc({ protocols: ['TLSv1.1', 'TLSv1.2', 'TLSv1.3'] })] }),
			findings: [
				{
					ruleId: 'TLS-MIN-VERSION',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'enabled: TLSv1.1, TLSv1.2, TLSv1.3 (TLSv1.1 from test.conf line 2: TLSv1.1 TLSv1.2 TLSv1.3)',
				},
			],
		},
	],
});
