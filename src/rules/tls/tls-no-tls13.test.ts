// Must-flag / must-not-flag table for TLS-NO-TLS13.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsNoTls13 } from './tls-no-tls13';

RuleTester.run(tlsNoTls13, {
	valid: [
		{ name: 'TLS 1.2 and 1.3', facts: facts({ tls: [tc()] }) },
		{
			name: 'no protocol at all (reported elsewhere, not as a missing 1.3)',
			facts: facts({ tls: [tc({ protocols: [], suites: [] })] }),
		},
	],
	invalid: [
		{
			name: 'TLS 1.2 only',
			facts: facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }),
			findings: [
				{
					ruleId: 'TLS-NO-TLS13',
					severity: 'low',
					effect: 'cap A',
					subject: 'test connector',
					evidence: 'enabled: TLSv1.2 (TLSv1.2 from test.conf line 2: TLSv1.2)',
				},
			],
		},
	],
});
