// Must-flag / must-not-flag table for TLS-WEAK-KEY-EXCHANGE.
import { tlsConnector as tc } from '../../core/tls/testing';
import { origin } from '../../core/tls/model';
import { facts, RuleTester } from '../testing';
import { tlsWeakKeyExchange } from './tls-weak-key-exchange';

const ruleId = 'TLS-WEAK-KEY-EXCHANGE';

RuleTester.run(tlsWeakKeyExchange, {
	valid: [
		{
			name: 'DHE 2048 and X25519',
			facts: facts({
				tls: [
					tc({
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 2048, origin: origin(null, 'default', null, 'auto') },
					}),
				],
			}),
		},
		{
			name: 'small DH group but no DHE suite',
			facts: facts({
				tls: [tc({ dh: { bits: 512, origin: origin(null, 'default', null, 'x') } })],
			}),
		},
	],
	invalid: [
		{
			name: 'DHE with 768-bit group',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 768, origin: origin('a.conf', 'ssl_dhparam', 4, 'dh768.pem') },
					}),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject: 'test connector',
					evidence: 'DHE group 768 bits (a.conf line 4: dh768.pem)',
				},
			],
		},
		{
			name: 'DHE with 1024-bit group',
			facts: facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						suites: ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'],
						dh: { bits: 1024, origin: origin(null, 'default', null, 'JDK 8 default') },
					}),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'medium',
					effect: 'cap B',
					subject: 'test connector',
					evidence: 'DHE group 1024 bits (default (JDK 8 default))',
				},
			],
		},
		{
			name: 'ECDHE on a 192-bit curve',
			facts: facts({ tls: [tc({ curves: [{ name: 'prime192v1', bits: 192 }] })] }),
			findings: [
				{
					ruleId,
					severity: 'high',
					effect: 'cap B',
					subject: 'test connector',
					evidence: 'ECDHE curve prime192v1 (192 bits)',
				},
			],
		},
	],
});
