// Real scanner outputs read to the detail the rules need: sslyze 5.x/6.x key names, testssl.sh
// suite categories without a suite list, and HSTS (the CGS-1 "no A+" note).
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import { parseTlsText } from './formats';
import { hstsNote, HSTS_MIN_AGE } from './scanner-evidence';
import { runTlsStage } from './stage';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls/scans');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');

function stage(name: string, text: string) {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	facts.inputs.push({
		id: 'f0',
		name,
		size: text.length,
		sha256: '00',
		kind: 'scan-result',
		kindReason: 'scan',
		status: 'parsed',
	});
	return runTlsStage(
		facts,
		[{ inputName: name, inputIndex: 0, parse: parseTlsText(text, name), text }],
		null,
	).connectors;
}

describe('sslyze 6.1.0 (real output, sslyze repository test data)', () => {
	const text = read('sslyze-6.1.0-facebook-excerpt.json');

	it('reads the 6.x key names: dns_names, ECPublicKey, per-protocol accepted suites', () => {
		const parse = parseTlsText(text, 's.json');
		expect(parse.format).toBe('sslyze');
		const o = parse.observed[0]!;
		expect(o.host).toBe('www.facebook.com');
		expect(o.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
		expect(o.suites).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
		expect(o.suites).toHaveLength(11);
		expect(o.tls13).toEqual([
			'TLS_CHACHA20_POLY1305_SHA256',
			'TLS_AES_256_GCM_SHA384',
			'TLS_AES_128_GCM_SHA256',
		]);
		expect(o.certKey).toEqual({ keyAlgorithm: 'EC', keySize: 256 });
		expect(o.certNames).toContain('*.facebook.com');
		expect(o.fallbackScsv).toBe(true);
		expect(o.hsts).toBeUndefined();
	});

	it('reports the server that did not connect by the error, not the traceback', () => {
		const notes = parseTlsText(text, 's.json').notes.map((n) => n.message);
		expect(notes).toContainEqual(
			expect.stringMatching(
				/^localhost:1234: scan did not connect \(sslyze\.errors\.ServerRejectedConnection/,
			),
		);
		expect(notes.join(' ')).not.toMatch(/Traceback|File "/);
	});

	it('reads an HSTS header from http_headers when the command ran', () => {
		const doc = JSON.parse(text) as {
			server_scan_results: { scan_result: Record<string, unknown> | null }[];
		};
		const scan = doc.server_scan_results[1]!.scan_result!;
		// The real scan did not schedule http_headers; the 6.x result shape is filled in here.
		scan['http_headers'] = {
			status: 'COMPLETED',
			error_reason: null,
			error_trace: null,
			result: {
				http_request_sent: 'GET / HTTP/1.1',
				http_error_trace: null,
				http_path_redirected_to: null,
				strict_transport_security_header: {
					max_age: 15552000,
					preload: true,
					include_subdomains: true,
				},
			},
		};
		const withHsts = parseTlsText(JSON.stringify(doc), 's.json').observed[0]!;
		expect(withHsts.hsts?.maxAge).toBe(15552000);
		(scan['http_headers'] as { result: Record<string, unknown> }).result[
			'strict_transport_security_header'
		] = null;
		const none = parseTlsText(JSON.stringify(doc), 's.json').observed[0]!;
		expect(none.hsts).toEqual({
			maxAge: null,
			evidence: 'http_headers: no Strict-Transport-Security header',
		});
	});
});

describe('sslyze 5.0.6 (real output, anonymised by its publisher)', () => {
	it('reads sorted 5.x keys and treats a command that was not scheduled as not evaluated', () => {
		const o = parseTlsText(read('sslyze-5.0.6-excerpt.json'), 's.json').observed[0]!;
		expect(o.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(o.suites).toEqual([
			'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
			'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
		]);
		expect(o.curves.map((c) => c.name)).toEqual(['prime256v1', 'X25519']);
		expect(o.fallbackScsv).toBeNull();
	});
});

describe('testssl.sh 3.0.8 -s -h (real output): categories and HSTS without a suite list', () => {
	const connectors = stage('std.json', read('testssl-legacy-std-headers.json'));
	const c = connectors[0]!;

	it('keeps the categories: AVERAGE (3.0) is the CBC group OBSOLETED (3.2)', () => {
		expect(c.cipherSuites).toEqual([]);
		const offered = (c.scannerCategories ?? []).filter((s) => s.offered).map((s) => s.id);
		expect(offered).toEqual(['OBSOLETED']);
		const notOffered = (c.scannerCategories ?? []).filter((s) => !s.offered).map((s) => s.id);
		expect(notOffered.sort()).toEqual(['3DES_IDEA', 'EXPORT', 'LOW', 'NULL', 'aNULL']);
	});

	it('notes that the missing HSTS header rules out A+', () => {
		expect(c.hsts?.maxAge).toBeNull();
		expect(c.notes.join(' ')).toMatch(/No A\+: the scan found no Strict-Transport-Security header/);
	});
});

describe('HSTS note (CGS-1 3.6)', () => {
	const o = { inputName: 's.json', directive: 'HSTS', line: null, value: 'HSTS' };
	it.each([
		['no header', null, true],
		['90 days', 7776000, true],
		['one second short of 180 days', HSTS_MIN_AGE - 1, true],
		['180 days', HSTS_MIN_AGE, false],
		['two years', 63072000, false],
	])('%s', (_n, maxAge, flagged) => {
		expect(hstsNote({ maxAge, origin: o }) !== null).toBe(flagged);
	});
	it('says nothing without HTTP headers in the scan', () => expect(hstsNote(null)).toBeNull());
});

describe('testssl.sh HSTS findings', () => {
	const scan = (findings: { id: string; severity: string; finding: string }[]) =>
		parseTlsText(
			JSON.stringify(findings.map((f) => ({ ip: 'api.example.com/10.0.0.1', port: '443', ...f }))),
			'flat.json',
		).observed[0]!;
	it.each([
		[
			'HSTS_time in days and seconds',
			'HSTS_time',
			'182 days (=15724800 seconds) > 15552000 seconds',
			15724800,
		],
		['HSTS_time in days only', 'HSTS_time', '30 days', 2592000],
		['HSTS not offered', 'HSTS', 'not offered', null],
	])('%s', (_n, id, finding, maxAge) => {
		const o = scan([
			{ id: 'TLS1_2', severity: 'OK', finding: 'offered' },
			{ id, severity: 'OK', finding },
		]);
		expect(o.hsts?.maxAge ?? null).toBe(maxAge);
	});
	it('no HSTS id: headers were not read, nothing to say', () => {
		expect(scan([{ id: 'TLS1_2', severity: 'OK', finding: 'offered' }]).hsts).toBeUndefined();
	});
});
