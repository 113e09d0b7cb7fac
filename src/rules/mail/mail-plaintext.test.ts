// Must-flag / must-not-flag table for MAIL-PLAINTEXT.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { mailPlaintext } from './mail-plaintext';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'authenticated SMTP without TLS',
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
		[['critical', 'F']],
	],
	[
		'unauthenticated relay on 25',
		() =>
			facts({
				tls: [
					tc({
						role: 'client',
						channel: 'PLAIN',
						mail: {
							protocol: 'smtp',
							host: 'smtp.example.com',
							port: 25,
							mode: 'plain',
							origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
							...{ auth: true, checkServerIdentity: null, trustAll: false },
							...{ auth: false },
						},
					}),
				],
			}),
		[['high', 'cap C']],
	],
	[
		'STARTTLS required',
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
		[],
	],
	[
		'implicit TLS',
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

describe('MAIL-PLAINTEXT', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailPlaintext, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
