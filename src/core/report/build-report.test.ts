// CGS-1 3.6 in the report's grade: a scan that read the HTTP headers and found no HSTS of at
// least 180 days keeps the connector from A+ (cap A), overall and in the TLS sub-grade.
import { describe, expect, it } from 'vitest';
import { emptyFacts, type AnalysisFacts } from '../facts';
import { tlsConnector } from '../tls/connector-builder';
import { origin } from '../tls/model';
import { HSTS_MIN_AGE } from '../tls/scanner-evidence';
import { gradeReport } from './build-report';

function withHsts(maxAge: number | null | 'not scanned'): AnalysisFacts {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	const hsts =
		maxAge === 'not scanned'
			? null
			: { maxAge, origin: origin('scan.json', 'HSTS', null, String(maxAge)) };
	facts.tls.push({
		...tlsConnector({ scores: { protocol: 100, keyExchange: 100, cipher: 100 } }),
		hsts,
	});
	return facts;
}

describe('gradeReport and HSTS', () => {
	it.each([
		['no header seen', null, 'A', true],
		['one second short of 180 days', HSTS_MIN_AGE - 1, 'A', true],
		['180 days', HSTS_MIN_AGE, 'A+', false],
		['two years', 63072000, 'A+', false],
		['headers not scanned (declared settings only)', 'not scanned' as const, 'A+', false],
	])('%s', (_name, maxAge, expected, capped) => {
		const g = gradeReport(withHsts(maxAge), []);
		expect(g.overall).toBe(expected);
		expect(g.byArea.tls).toBe(expected);
		expect(g.capReasons.some((r) => r.startsWith('HSTS'))).toBe(capped);
	});
});
