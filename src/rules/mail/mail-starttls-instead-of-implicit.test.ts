// Must-flag / must-not-flag table for MAIL-STARTTLS-INSTEAD-OF-IMPLICIT.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { mailStarttlsInsteadOfImplicit } from './mail-starttls-instead-of-implicit';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'STARTTLS on 587',
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
							...{},
						},
					}),
				],
			}),
		[['low', 'cap A']],
	],
	[
		'optional STARTTLS on 587 too',
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
							mode: 'starttls-optional',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{},
						},
					}),
				],
			}),
		[['low', 'cap A']],
	],
	[
		'relay on 25 (STARTTLS is the norm)',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'STARTTLS',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 25,
							mode: 'starttls-required',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{},
						},
					}),
				],
			}),
		[],
	],
	[
		'implicit TLS on 465',
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
		[],
	],
];

describe('MAIL-STARTTLS-INSTEAD-OF-IMPLICIT', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailStarttlsInsteadOfImplicit, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
