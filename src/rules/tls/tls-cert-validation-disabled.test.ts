// Must-flag / must-not-flag table for TLS-CERT-VALIDATION-DISABLED.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { tlsCertValidationDisabled } from './tls-cert-validation-disabled';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'proxy_ssl_verify off',
		() =>
			facts({
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
		[['critical', 'F']],
	],
	[
		'same setting on two connectors counts once',
		() =>
			facts({
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
		[['critical', 'F']],
	],
	['verification on', () => facts({ tls: [tc()] }), []],
];

describe('TLS-CERT-VALIDATION-DISABLED', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsCertValidationDisabled, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
