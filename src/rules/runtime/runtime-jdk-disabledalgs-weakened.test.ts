// Must-flag / must-not-flag table for RUNTIME-JDK-DISABLEDALGS-WEAKENED.
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { runtimeJdkDisabledalgsWeakened } from './runtime-jdk-disabledalgs-weakened';

/** A Java 17 connector whose jdk.tls.disabledAlgorithms lacks `missing` of the default list. */
function java(missing: string[], file: string | null = 'java.security'): TlsFacts {
	return tc({
		runtime: {
			kind: 'java',
			label: 'Java 17',
			version: '17',
			disabledAlgorithms: {
				value: 'SSLv3, RC4',
				origin: origin(file, file ? 'jdk.tls.disabledAlgorithms' : 'default', 12, 'SSLv3, RC4'),
				defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
				missing,
			},
		},
	});
}

RuleTester.run(runtimeJdkDisabledalgsWeakened, {
	valid: [
		{ name: 'default list (no file)', facts: facts({ tls: [java(['TLSv1'], null)] }) },
		{ name: 'nothing missing', facts: facts({ tls: [java([])] }) },
	],
	invalid: [
		{
			name: 'TLSv1 re-enabled in java.security',
			facts: facts({ tls: [java(['TLSv1', 'TLSv1.1'])] }),
			findings: [
				{
					ruleId: 'RUNTIME-JDK-DISABLEDALGS-WEAKENED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'java.security',
					subject: 'jdk.tls.disabledAlgorithms',
					evidence:
						'missing TLSv1, TLSv1.1 (java.security line 12: SSLv3, RC4; Java 17 default: SSLv3, TLSv1, TLSv1.1, RC4)',
				},
			],
		},
		{
			name: 'two connectors, one file: reported once',
			facts: facts({ tls: [java(['TLSv1']), java(['TLSv1'])] }),
			findings: [
				{
					ruleId: 'RUNTIME-JDK-DISABLEDALGS-WEAKENED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'java.security',
					subject: 'jdk.tls.disabledAlgorithms',
					evidence:
						'missing TLSv1 (java.security line 12: SSLv3, RC4; Java 17 default: SSLv3, TLSv1, TLSv1.1, RC4)',
				},
			],
		},
	],
});
