// Must-flag / must-not-flag table for TLS-CERT-VALIDATION-DISABLED.
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { tlsCertValidationDisabled } from './tls-cert-validation-disabled';

RuleTester.run(tlsCertValidationDisabled, {
	valid: [{ name: 'verification on', facts: facts({ tls: [tc()] }) }],
	invalid: [
		{
			name: 'proxy_ssl_verify off',
			facts: facts({
				tls: [
					tc({
						role: 'client',
						validationDisabled: [
							origin(
								'nginx.conf',
								'proxy_ssl_verify',
								20,
								'proxy_ssl_verify not set (default off)',
							),
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-CERT-VALIDATION-DISABLED',
					severity: 'critical',
					effect: 'F',
					inputName: 'nginx.conf',
					subject: 'test connector: proxy_ssl_verify',
					evidence: 'nginx.conf line 20: proxy_ssl_verify not set (default off)',
				},
			],
		},
		{
			name: 'same setting on two connectors counts once',
			facts: facts({
				tls: [
					tc({
						validationDisabled: [
							origin('a.js', 'rejectUnauthorized', 3, 'rejectUnauthorized: false'),
						],
					}),
					tc({
						id: 'c2',
						validationDisabled: [
							origin('a.js', 'rejectUnauthorized', 3, 'rejectUnauthorized: false'),
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'TLS-CERT-VALIDATION-DISABLED',
					severity: 'critical',
					effect: 'F',
					inputName: 'a.js',
					subject: 'test connector: rejectUnauthorized',
					evidence: 'a.js line 3: rejectUnauthorized: false',
				},
			],
		},
	],
});
