// Must-flag / must-not-flag table for RUNTIME-DOTNET-PROTOCOL-OVERRIDE.
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { runtimeDotnetProtocolOverride } from './runtime-dotnet-protocol-override';

/** A .NET connector: the framework, the SecurityProtocolType flags the code sets (if any), strong crypto. */
function dotnet(
	framework: string,
	flags: string[] | null,
	strongCrypto: boolean | null = null,
): TlsFacts {
	return tc({
		runtime: {
			kind: 'dotnet',
			label: '.NET',
			version: framework,
			dotnet: {
				framework,
				flags: flags && {
					names: flags,
					origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
				},
				strongCrypto,
			},
		},
	});
}

RuleTester.run(runtimeDotnetProtocolOverride, {
	valid: [
		{
			name: 'framework 4.5 with SchUseStrongCrypto',
			facts: facts({ tls: [dotnet('4.5', null, true)] }),
		},
		{ name: 'SystemDefault on 4.8', facts: facts({ tls: [dotnet('4.8', ['SystemDefault'])] }) },
		{
			name: 'Tls12 OR-ed into the default (|=) pins nothing',
			facts: facts({
				tls: [
					tc({
						runtime: {
							kind: 'dotnet',
							label: '.NET',
							version: '4.8',
							dotnet: {
								framework: '4.8',
								flags: {
									names: ['Tls12'],
									origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
									added: true,
								},
								strongCrypto: null,
							},
						},
					}),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'Tls and Tls11 hard-coded',
			facts: facts({ tls: [dotnet('4.8', ['Tls', 'Tls11', 'Tls12'])] }),
			findings: [
				{
					ruleId: 'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'App.cs',
					subject: 'test connector',
					evidence: 'Tls, Tls11 enabled (App.cs line 7: x)',
				},
			],
		},
		{
			name: 'framework 4.5 without strong crypto',
			facts: facts({ tls: [dotnet('4.5', null)] }),
			findings: [
				{
					ruleId: 'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'target framework 4.5 without SchUseStrongCrypto/SystemDefaultTlsVersions: TLS 1.2 is off by default',
				},
			],
		},
		{
			name: 'only Tls12 hard-coded',
			facts: facts({ tls: [dotnet('4.8', ['Tls12'])] }),
			findings: [
				{
					ruleId: 'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
					severity: 'low',
					effect: 'warn',
					inputName: 'App.cs',
					subject: 'test connector',
					evidence: 'only Tls12 hard-coded (App.cs line 7: x): blocks TLS 1.3 and OS policy',
				},
			],
		},
	],
});
