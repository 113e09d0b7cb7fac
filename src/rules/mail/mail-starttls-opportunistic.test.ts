// Must-flag / must-not-flag table for MAIL-STARTTLS-OPPORTUNISTIC.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { mailStarttlsOpportunistic } from './mail-starttls-opportunistic';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'STARTTLS enabled, not required',
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

describe('MAIL-STARTTLS-OPPORTUNISTIC', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(mailStarttlsOpportunistic, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
