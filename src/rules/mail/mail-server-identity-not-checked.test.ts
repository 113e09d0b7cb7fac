// Must-flag / must-not-flag table for MAIL-SERVER-IDENTITY-NOT-CHECKED.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { mailServerIdentityNotChecked } from './mail-server-identity-not-checked';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'checkserveridentity absent',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'TLS',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 465,
							mode: 'implicit',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{},
						},
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'checkserveridentity false',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'STARTTLS',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 587,
							mode: 'starttls-required',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{ checkServerIdentity: false },
						},
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'checkserveridentity true',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'TLS',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 465,
							mode: 'implicit',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{ checkServerIdentity: true },
						},
					}),
				],
			}),
		[],
	],
	[
		'trust all: TLS-CERT-VALIDATION-DISABLED instead',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'TLS',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 465,
							mode: 'implicit',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{ trustAll: true },
						},
					}),
				],
			}),
		[],
	],
	[
		'plaintext: MAIL-PLAINTEXT instead',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'PLAIN',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 587,
							mode: 'plain',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{},
						},
					}),
				],
			}),
		[],
	],
];

describe('MAIL-SERVER-IDENTITY-NOT-CHECKED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailServerIdentityNotChecked, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
