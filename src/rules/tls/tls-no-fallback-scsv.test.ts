// Must-flag / must-not-flag table for TLS-NO-FALLBACK-SCSV.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsNoFallbackScsv } from './tls-no-fallback-scsv';

RuleTester.run(tlsNoFallbackScsv, {
	valid: [
		{
			name: 'single version up to 1.2',
			facts: facts({ tls: [tc({ protocols: ['TLSv1.2', 'TLSv1.3'], fallbackScsv: false })] }),
		},
		{
			name: 'not scanned',
			facts: facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'], fallbackScsv: null })] }),
		},
	],
	invalid: [
		{
			name: 'TLS 1.0–1.2 without SCSV',
			facts: facts({
				tls: [tc({ protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'], fallbackScsv: false })],
			}),
			findings: [
				{
					ruleId: 'TLS-NO-FALLBACK-SCSV',
					severity: 'low',
					effect: 'cap A',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence: 'fallback SCSV not supported; protocols TLSv1, TLSv1.1, TLSv1.2',
				},
			],
		},
	],
});
