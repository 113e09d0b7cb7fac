// Must-flag / must-not-flag table for TLS-DECLARED-OBSERVED-MISMATCH.
import type { TlsVersion } from '../../core/report/report';
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { tlsDeclaredObservedMismatch } from './tls-declared-observed-mismatch';

const GCM = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const TLS13 = ['TLS_AES_128_GCM_SHA256'];

/** nginx.conf declares TLS 1.2 + 1.3 with one GCM suite; a scan saw `observed` (or nothing). */
function connector(observed: { protocols: TlsVersion[]; suites: string[] } | null): TlsFacts {
	return tc({
		declared: {
			protocols: ['TLSv1.2', 'TLSv1.3'],
			suites: [GCM],
			tls13: TLS13,
			inputs: ['nginx.conf'],
		},
		observed: observed && { ...observed, tls13: TLS13, inputName: 'scan.json' },
	});
}

RuleTester.run(tlsDeclaredObservedMismatch, {
	valid: [
		{
			name: 'identical',
			facts: facts({ tls: [connector({ protocols: ['TLSv1.2', 'TLSv1.3'], suites: [GCM] })] }),
		},
		{ name: 'declared only', facts: facts({ tls: [connector(null)] }) },
	],
	invalid: [
		{
			name: 'scanner sees TLS 1.0 the config excludes',
			facts: facts({
				tls: [connector({ protocols: ['TLSv1', 'TLSv1.2', 'TLSv1.3'], suites: [GCM] })],
			}),
			findings: [
				{
					ruleId: 'TLS-DECLARED-OBSERVED-MISMATCH',
					severity: 'medium',
					effect: 'warn',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence: 'observed but not declared: TLSv1 (declared by nginx.conf)',
				},
			],
		},
		{
			name: 'scanner sees less (stricter proxy)',
			facts: facts({ tls: [connector({ protocols: ['TLSv1.3'], suites: [] })] }),
			findings: [
				{
					ruleId: 'TLS-DECLARED-OBSERVED-MISMATCH',
					severity: 'info',
					effect: 'none',
					inputName: 'scan.json',
					subject: 'test connector',
					evidence:
						'declared but not observed (something in front is stricter): TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
				},
			],
		},
	],
});
