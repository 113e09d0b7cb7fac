// Scanner JSON of every version in use: sslyze 3.x/4.x (server_info,
// scan_commands_results) and 5.x/6.x (server_location, scan_result) chosen by sslyze_version and
// checked against the document; testssl.sh 3.0–3.2. A version or shape not understood is an
// error on the input's card and gives no grade.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { analyzeTexts } from '../../../../tests/support/analyze-texts';
import { parseSslyze } from './sslyze';
import { parseTestssl } from './testssl';

const SCANS = resolve(import.meta.dirname, '../../../../tests/fixtures/tls/scans');
const read = (n: string) => readFileSync(resolve(SCANS, n), 'utf8');

function analyze(name: string, text: string) {
	return analyzeTexts([[name, text]]);
}

describe('sslyze JSON by version', () => {
	it('3.0.7 (pre-5 shape, real output): both servers, suites, certificate key and fallback', () => {
		const p = parseSslyze(read('sslyze-3.0.7-defectdojo-excerpt.json'));
		expect(p.observed.map((o) => o.host)).toEqual(['www.example.com', 'info.example.com']);
		const info = p.observed[1]!;
		expect(info.protocols).toEqual(['TLSv1.2']);
		expect(info.suites).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
		expect(info.suites).toContain('TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256');
		expect(p.observed[0]?.certKey).toEqual({ keyAlgorithm: 'RSA', keySize: 2048 });
		expect(p.observed[0]?.fallbackScsv).toBe(true);
		expect(p.notes.filter((n) => n.level !== 'info')).toEqual([]);
	});

	it('3.0.7 through the engine: 3DES with TLS 1.2 on one server caps at C', async () => {
		const r = await analyze('sslyze-3.json', read('sslyze-3.0.7-defectdojo-excerpt.json'));
		expect(r.facts.inputs[0]?.status).toBe('parsed');
		expect(r.report.findings.map((f) => f.ruleId)).toContain('TLS-3DES-CIPHER');
		expect(r.report.grade.overall).toBe('C');
	});

	it('reads a 4.x version label on the pre-5 shape without a mismatch note', () => {
		const doc = JSON.parse(read('sslyze-3.0.7-defectdojo-excerpt.json')) as Record<string, unknown>;
		doc['sslyze_version'] = '4.1.0';
		const p = parseSslyze(JSON.stringify(doc));
		expect(p.observed).toHaveLength(2);
		expect(p.notes.filter((n) => /shape/.test(n.message))).toEqual([]);
	});

	it('5.0.6 and 6.1.0 (real outputs) keep their own shape', () => {
		expect(parseSslyze(read('sslyze-5.0.6-excerpt.json')).observed[0]?.protocols).toEqual([
			'TLSv1.2',
			'TLSv1.3',
		]);
		expect(parseSslyze(read('sslyze-6.1.0-facebook-excerpt.json')).observed[0]?.protocols).toEqual([
			'TLSv1',
			'TLSv1.1',
			'TLSv1.2',
			'TLSv1.3',
		]);
	});

	it('says so when the version and the shape disagree', () => {
		const doc = JSON.parse(read('sslyze-3.0.7-defectdojo-excerpt.json')) as Record<string, unknown>;
		doc['sslyze_version'] = '5.2.0';
		const p = parseSslyze(JSON.stringify(doc));
		expect(p.notes.map((n) => n.message).join('\n')).toMatch(
			/sslyze_version 5\.2\.0 but the document has the 3\.x\/4\.x shape: read by its shape/,
		);
		expect(p.observed).toHaveLength(2);
	});

	it.each([
		[
			'a future major',
			{ sslyze_version: '7.0.0', server_scan_results: [] },
			/sslyze 7\.0\.0 JSON is not a version this analyzer reads/,
		],
		[
			'an old major',
			{ sslyze_version: '2.1.4', server_scan_results: [] },
			/sslyze 2\.1\.4 JSON is not a version/,
		],
		[
			'an unknown shape',
			{ sslyze_version: '5.2.0', server_scan_results: [{ target: 'x', results: {} }] },
			/unknown shape/,
		],
	])('%s is an error on the card, never a grade', async (_n, doc, message) => {
		expect(() => parseSslyze(JSON.stringify(doc))).toThrow(message);
		const r = await analyze('scan.json', JSON.stringify(doc));
		expect(r.facts.inputs[0]?.status).toBe('error');
		expect(r.facts.inputs[0]?.error).toMatch(message);
		// no connector, so nothing is graded from it
		expect(r.facts.tls).toEqual([]);
		expect(r.report.grade.byArea.tls).toBe('N/A');
	});
});

describe('testssl.sh JSON by version', () => {
	it('3.0.8 flat and pretty (real outputs) are read', () => {
		expect(parseTestssl(read('testssl-legacy-flat.json')).observed[0]?.protocols).toEqual([
			'TLSv1',
			'TLSv1.1',
			'TLSv1.2',
		]);
		expect(parseTestssl(read('testssl-legacy-pretty.json')).observed).toHaveLength(1);
	});

	it('a 3.2 pretty document (same layout) is read', () => {
		const doc = JSON.parse(read('testssl-legacy-pretty.json')) as Record<string, unknown>;
		doc['version'] = '3.2.1 ';
		expect(parseTestssl(JSON.stringify(doc)).observed).toHaveLength(1);
	});

	it.each([
		[
			'a 2.9 pretty document',
			{ version: '2.9.5-7', scanResult: [] },
			/testssl\.sh 2\.9\.5-7 JSON is not a version/,
		],
		[
			'a pretty document without a target list',
			{ version: '3.2', scanResult: { x: 1 } },
			/unknown shape/,
		],
	])('%s is an error on the card', async (_n, doc, message) => {
		expect(() => parseTestssl(JSON.stringify(doc))).toThrow(message);
		const r = await analyze('testssl.json', JSON.stringify(doc));
		expect(r.facts.inputs[0]?.status).toBe('error');
		// no connector, so nothing is graded from it
		expect(r.facts.tls).toEqual([]);
		expect(r.report.grade.byArea.tls).toBe('N/A');
	});
});
