// The YAML nesting bound: ordinary Spring files pass; deep block, sequence and flow nesting is
// refused with the limit and the line, before the YAML library (which recurses) sees it.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetError } from '../../errors';
import { assertYamlDepth, MAX_YAML_DEPTH } from './yaml-depth';

const TLS_FIXTURES = resolve(import.meta.dirname, '../../../../tests/fixtures/tls');

function yamlFixtures(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = resolve(dir, e.name);
		if (e.isDirectory()) return yamlFixtures(path);
		return /\.ya?ml$/.test(e.name) ? [path] : [];
	});
}

function budgetError(text: string): BudgetError {
	try {
		assertYamlDepth(text);
	} catch (error) {
		if (error instanceof BudgetError) return error;
		throw error;
	}
	throw new Error('expected a BudgetError');
}

describe('YAML nesting bound', () => {
	it('accepts every YAML fixture of the repository', () => {
		const files = yamlFixtures(TLS_FIXTURES);
		expect(files.length).toBeGreaterThan(0);
		for (const f of files) expect(() => assertYamlDepth(readFileSync(f, 'utf8'))).not.toThrow();
	});

	it('accepts nesting up to the limit, and brackets inside quotes and comments', () => {
		const lines = Array.from({ length: MAX_YAML_DEPTH }, (_, i) => `${' '.repeat(i)}k${i}:`);
		expect(() => assertYamlDepth(lines.join('\n'))).not.toThrow();
		expect(() =>
			assertYamlDepth(`a: "${'['.repeat(500)}"\nb: 1 # ${'{'.repeat(500)}`),
		).not.toThrow();
	});

	it.each([
		['flow brackets', `a: ${'['.repeat(5000)}`, 1],
		[
			'block indentation',
			Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
			65,
		],
		['sequence entries on one line', `${'- '.repeat(200)}x`, 1],
	])('refuses %s with the limit and the line', (_name, text, line) => {
		const e = budgetError(text);
		expect(e.code).toBe('tls/yaml-depth');
		expect(e.limit).toBe(MAX_YAML_DEPTH);
		expect(e.where.line).toBe(line);
		expect(e.message).toMatch(/more than 64 levels deep \(line \d+\); refused before parsing/);
	});
});
