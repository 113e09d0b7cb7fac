// The JSON Schema of the report (report.schema.json, draft 2020-12) against reports produced by
// the real analyzer over the committed fixtures, plus checks that the schema rejects broken ones.
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';
import { DETECT_DIR, MIX_FILES, mixPasswords, readFixture } from '../../../tests/support/mix';
import { INPUT_KINDS, SEVERITIES, type Report } from './report';
import schema from './report.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

function errors(): string {
	return ajv.errorsText(validate.errors, { separator: '\n' });
}

async function analyze(
	files: InputFile[],
	passwords: Record<string, string> = {},
): Promise<Report> {
	const result = await new Analyzer().run(
		{
			files,
			passwords,
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	return result.report;
}

describe('report.schema.json', () => {
	it('validates the report of the mixed drop (keystores unlocked with their passwords)', async () => {
		const pw = mixPasswords();
		const files = [...MIX_FILES, 'client-key.pem'].map((name, i) => ({
			id: `m${i}`,
			...readFixture(name),
		}));
		const passwords = Object.fromEntries(
			files.filter((f) => pw[f.name]).map((f) => [f.id, pw[f.name]!]),
		);
		const report = await analyze(files, passwords);
		expect(report.inputs).toHaveLength(files.length);
		expect(validate(report), errors()).toBe(true);
	});

	it('validates the report over every detection fixture at once', async () => {
		const names = readdirSync(DETECT_DIR).filter((n) => n !== 'README.md');
		const files = names.map((name, i) => ({ id: `d${i}`, ...readFixture(name, DETECT_DIR) }));
		const report = await analyze(
			files,
			Object.fromEntries(files.map((f) => [f.id, 'fixture-pass'])),
		);
		expect(report.inputs.length).toBe(names.length);
		expect(validate(report), errors()).toBe(true);
	});

	// Every area's committed fixture folder, analyzed at once: the schema must hold for all of it.
	const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures');
	const areaDirs = readdirSync(fixtures).filter(
		(d) => statSync(resolve(fixtures, d)).isDirectory() && !['mix', 'detect'].includes(d),
	);
	it.each(areaDirs)('validates the report over tests/fixtures/%s', async (area) => {
		const dir = resolve(fixtures, area);
		const names = readdirSync(dir).filter(
			(n) =>
				!n.endsWith('.md') &&
				statSync(resolve(dir, n)).isFile() &&
				statSync(resolve(dir, n)).size <= 2 * 1024 * 1024,
		);
		const files = names.map((name, i) => ({ id: `a${i}`, ...readFixture(name, dir) }));
		const report = await analyze(files);
		expect(report.inputs.length).toBe(names.length);
		expect(validate(JSON.parse(JSON.stringify(report))), errors()).toBe(true);
	});

	it('validates an empty report', async () => {
		expect(validate(await analyze([])), errors()).toBe(true);
	});

	it('names the same input kinds and severities as report.ts', () => {
		const props = schema.properties;
		expect(props.inputs.items.properties.kind.enum).toEqual([...INPUT_KINDS]);
		expect(props.findings.items.properties.severity.enum).toEqual([...SEVERITIES]);
	});

	it.each([
		['a missing top-level section', (r: Record<string, unknown>) => delete r['findings']],
		['another format', (r: Record<string, unknown>) => (r['format'] = 'other')],
		['a later version', (r: Record<string, unknown>) => (r['version'] = 2)],
		[
			'an unknown grade letter',
			(r: Record<string, unknown>) => ((r['grade'] as Record<string, unknown>)['overall'] = 'Z'),
		],
		[
			'an input without a sha256 pattern',
			(r: Record<string, unknown>) =>
				(r['inputs'] = [{ name: 'a', size: 1, sha256: 'XYZ', kind: 'pem', status: 'parsed' }]),
		],
		[
			'an error input without its message',
			(r: Record<string, unknown>) =>
				(r['inputs'] = [{ name: 'a', size: 1, sha256: 'ab', kind: 'pem', status: 'error' }]),
		],
		[
			'a finding with an unknown severity',
			(r: Record<string, unknown>) =>
				(r['findings'] = [
					{
						ruleId: 'X',
						severity: 'urgent',
						title: 't',
						inputName: null,
						subject: 's',
						evidence: 'e',
						remediation: 'r',
						references: [],
					},
				]),
		],
	])('rejects %s', async (_label, breakIt) => {
		const report = JSON.parse(JSON.stringify(await analyze([]))) as Record<string, unknown>;
		breakIt(report);
		expect(validate(report)).toBe(false);
	});
});
