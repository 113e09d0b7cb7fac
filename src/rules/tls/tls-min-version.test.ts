// Must-flag / must-not-flag table for TLS-MIN-VERSION.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { tlsMinVersion } from './tls-min-version';

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'TLS 1.0 enabled',
		() => facts({ tls: [tc({ protocols: ['TLSv1', 'TLSv1.2'] })] }),
		[['medium', 'cap B']],
	],
	[
		'TLS 1.1 lowest',
		() => facts({ tls: [tc({ protocols: ['TLSv1.1', 'TLSv1.2', 'TLSv1.3'] })] }),
		[['medium', 'cap B']],
	],
	['TLS 1.2 lowest', () => facts({ tls: [tc({ protocols: ['TLSv1.2'] })] }), []],
	[
		'declared TLSv1 but runtime removed it',
		() =>
			facts({
				tls: [
					tc({
						protocols: ['TLSv1.2'],
						declaredMinVersion: { version: 'TLSv1', origin: origin(null, 'form', null, 'TLSv1') },
					}),
				],
			}),
		[],
	],
	[
		'SSLv3 lowest is reported by TLS-SSLV3-ENABLED',
		() => facts({ tls: [tc({ protocols: ['SSLv3', 'TLSv1', 'TLSv1.2'] })] }),
		[],
	],
];

describe('TLS-MIN-VERSION', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(tlsMinVersion, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
