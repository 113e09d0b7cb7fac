// Must-flag / must-not-flag table for RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT.
import { tlsConnector as tc } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
import { runtimeJava7ClientTls10Default } from './runtime-java7-client-tls10-default';

RuleTester.run(runtimeJava7ClientTls10Default, {
	valid: [
		{
			name: 'Java 7u80 server',
			facts: facts({
				tls: [
					tc({
						role: 'server',
						runtime: { kind: 'java', label: 'Java 7u80', version: '7u80', java7ClientTls10: true },
					}),
				],
			}),
		},
		{
			name: 'Java 8 client',
			facts: facts({
				tls: [
					tc({ role: 'client', runtime: { kind: 'java', label: 'Java 8u202', version: '8u202' } }),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'Java 7u80 client without override',
			facts: facts({
				tls: [
					tc({
						role: 'client',
						protocols: ['TLSv1'],
						runtime: { kind: 'java', label: 'Java 7u80', version: '7u80', java7ClientTls10: true },
					}),
				],
			}),
			findings: [
				{
					ruleId: 'RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT',
					severity: 'high',
					effect: 'cap C',
					inputName: 'test.conf',
					subject: 'test connector',
					evidence:
						'Java 7u80 client without jdk.tls.client.protocols/https.protocols: offers TLSv1',
				},
			],
		},
	],
});
