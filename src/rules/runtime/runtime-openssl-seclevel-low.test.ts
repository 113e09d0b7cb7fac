// Must-flag / must-not-flag table for RUNTIME-OPENSSL-SECLEVEL-LOW.
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { runtimeOpensslSeclevelLow } from './runtime-openssl-seclevel-low';

/** An OpenSSL 3 connector at security level `level`, stated in ssl_ciphers or the library default. */
function openssl(level: number, implicit = false): TlsFacts {
	return tc({
		runtime: {
			kind: 'openssl',
			label: 'OpenSSL 3',
			version: '3.0.0',
			secLevel: {
				level,
				implicit,
				origin: origin('nginx.conf', 'ssl_ciphers', 9, `DEFAULT@SECLEVEL=${level}`),
			},
		},
	});
}

RuleTester.run(runtimeOpensslSeclevelLow, {
	valid: [
		{ name: 'library default level 1 (not stated)', facts: facts({ tls: [openssl(1, true)] }) },
		{ name: '@SECLEVEL=2', facts: facts({ tls: [openssl(2)] }) },
	],
	invalid: [
		{
			name: '@SECLEVEL=0',
			facts: facts({ tls: [openssl(0)] }),
			findings: [
				{
					ruleId: 'RUNTIME-OPENSSL-SECLEVEL-LOW',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'nginx.conf',
					subject: 'test connector: @SECLEVEL=0',
					evidence: 'nginx.conf line 9: DEFAULT@SECLEVEL=0',
				},
			],
		},
		{
			name: '@SECLEVEL=1 explicit',
			facts: facts({ tls: [openssl(1)] }),
			findings: [
				{
					ruleId: 'RUNTIME-OPENSSL-SECLEVEL-LOW',
					severity: 'low',
					effect: 'warn',
					inputName: 'nginx.conf',
					subject: 'test connector: @SECLEVEL=1',
					evidence: 'nginx.conf line 9: DEFAULT@SECLEVEL=1',
				},
			],
		},
	],
});
