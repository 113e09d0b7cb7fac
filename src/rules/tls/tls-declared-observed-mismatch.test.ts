// Must-flag / must-not-flag table for TLS-DECLARED-OBSERVED-MISMATCH.
import { describe, expect, it } from 'vitest';
import type { TlsVersion } from '../../core/report/report';
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { tlsDeclaredObservedMismatch } from './tls-declared-observed-mismatch';

const GCM = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const TLS13 = ['TLS_AES_128_GCM_SHA256'];

/** nginx.conf declares TLS 1.2 + 1.3 with one GCM suite; a scan saw `observed` (or nothing). */
function connector(observed: { protocols: TlsVersion[]; suites: string[] } | null): TlsFacts {
	return tc({
		declared: {
			protocols: ['TLSv1.2', 'TLSv1.3'],
			suites: [GCM],
			tls13: TLS13,
			inputs: ['nginx.conf'],
		},
		observed: observed && { ...observed, tls13: TLS13, inputName: 'scan.json' },
	});
}

const cases: [string, TlsFacts, [string, string][]][] = [
	[
		'scanner sees TLS 1.0 the config excludes',
		connector({ protocols: ['TLSv1', 'TLSv1.2', 'TLSv1.3'], suites: [GCM] }),
		[['medium', 'warn']],
	],
	[
		'scanner sees less (stricter proxy)',
		connector({ protocols: ['TLSv1.3'], suites: [] }),
		[['info', 'none']],
	],
	['identical', connector({ protocols: ['TLSv1.2', 'TLSv1.3'], suites: [GCM] }), []],
	['declared only', connector(null), []],
];

describe('TLS-DECLARED-OBSERVED-MISMATCH', () => {
	it.each(cases)('%s', (_name, c, expected) => {
		const hits = runRule(tlsDeclaredObservedMismatch, facts({ tls: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
