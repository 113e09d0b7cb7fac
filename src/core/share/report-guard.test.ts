// The share-link type guard accepts every report the analyzer produces from real fixtures (so a
// link always reopens) and rejects values of the wrong shape.
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';
import type { Report } from '../report/report';
import { DETECT_DIR, MIX_DIR, mixPasswords, readFixture } from '../../../tests/support/mix';
import { isConnectorForm, isReport } from './report-guard';

/** Large inputs belong to the bench; keep this test fast whatever the areas commit. */
const MAX_FIXTURE_BYTES = 2 * 1024 * 1024;
const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures');

/** `passwords`: by file name, else the fixtures' common one; null tries no password at all. */
async function reportOf(
	dir: string,
	passwords: Record<string, string> | null = {},
): Promise<Report> {
	const names = readdirSync(dir).filter(
		(n) =>
			!n.endsWith('.md') &&
			!n.endsWith('.password') &&
			statSync(resolve(dir, n)).isFile() &&
			statSync(resolve(dir, n)).size <= MAX_FIXTURE_BYTES,
	);
	const files: InputFile[] = names.map((name, i) => ({ id: `i${i}`, ...readFixture(name, dir) }));
	const result = await new Analyzer().run(
		{
			files,
			passwords: passwords
				? Object.fromEntries(files.map((f) => [f.id, passwords[f.name] ?? 'fixture-pass']))
				: {},
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	return JSON.parse(JSON.stringify(result.report)) as Report;
}

describe('isReport', () => {
	it('accepts the report of the mixed drop', async () => {
		expect(isReport(await reportOf(MIX_DIR, mixPasswords()))).toBe(true);
	});

	it('accepts the report of every detection fixture', async () => {
		expect(isReport(await reportOf(DETECT_DIR))).toBe(true);
	});

	// Every area's committed fixture folder: whatever the parsers report must survive a link.
	const areaDirs = readdirSync(FIXTURES)
		.map((d) => resolve(FIXTURES, d))
		.filter((d) => statSync(d).isDirectory() && d !== MIX_DIR && d !== DETECT_DIR);
	it.each(areaDirs.map((d) => [d.slice(FIXTURES.length + 1), d] as const))(
		'accepts the report of tests/fixtures/%s',
		async (name, dir) => {
			// the hostile keystores claim up to 10 million iterations: trying the fixture password on
			// them spent 38-72 s only to fail; locked, their report has the same shapes to guard
			const passwords = name === 'hostile' ? null : {};
			expect(isReport(await reportOf(dir, passwords))).toBe(true);
		},
	);

	it.each([
		['null', null],
		['an array', []],
		['a number version', { format: 'wssec-analyzer-report', version: '1' }],
	])('rejects %s', (_label, value) => {
		expect(isReport(value)).toBe(false);
	});

	it('rejects a finding whose evidence is not a string', async () => {
		const report = (await reportOf(MIX_DIR, mixPasswords())) as unknown as {
			findings: Record<string, unknown>[];
		};
		expect(report.findings.length).toBeGreaterThan(0);
		report.findings[0]!['evidence'] = { html: '<b>x</b>' };
		expect(isReport(report)).toBe(false);
	});
});

describe('isConnectorForm', () => {
	const form = {
		name: 'Orders',
		type: 'SOAP',
		endpoint: 'https://orders.example.test/ws',
		role: 'client',
		lowestTlsVersion: 'TLSv1.2',
		runtime: 'java-17',
		cipherSuites: '',
		keystoreInput: '',
		truststoreInput: '',
		wsSecurity: { sign: true, encrypt: false, timestamp: true, usernameToken: false },
	};
	it('accepts a complete form and rejects a broken one', () => {
		expect(isConnectorForm(form)).toBe(true);
		expect(isConnectorForm({ ...form, role: 'admin' })).toBe(false);
		expect(isConnectorForm({ ...form, wsSecurity: null })).toBe(false);
	});
});
