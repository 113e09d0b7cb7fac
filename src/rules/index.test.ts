// Catalog guard (like ESLint's checkRuleFiles): every registered rule id exists in the catalog
// (tests/vectors/catalog/RULES.md, a copy of shared/RULES.md) with the severities it can report;
// ids are unique; folders and each folder's list are sorted; each rule lives in
// <area>/<id in lower case>.ts with a sibling test, in the folder named after its area; an area
// folder holds nothing else but index.ts, tests and helpers/; every rule file is registered;
// references are https: URLs or citations (CONTRIBUTING.md, "Adding a rule").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FOLDERS, RULES } from './index';
import type { Rule } from './rule';

import { RULES_MD } from '../../tests/support/vectors';

/** Rule id → severities listed in the catalog tables. */
function catalog(): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	const text = readFileSync(RULES_MD, 'utf8');
	for (const line of text.split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		// Added rules: | ID | area | input | condition | severity | effect | remediation |
		// Catalog:     | # | ID | area | input | condition | severity | effect | remediation | sources |
		const numbered = /^\d+$/.test(cells[1] ?? '');
		const id = numbered ? cells[2] : cells[1];
		const severity = numbered ? cells[6] : cells[5];
		if (!id || !/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(id) || !severity) continue;
		out.set(id, new Set(severity.split('/').map((s) => s.trim())));
	}
	// "Amendments to rules of the catalog below": a bullet naming a rule adds the severities it
	// gives in parentheses, e.g. "(high, cap C)".
	for (const line of text.split('\n')) {
		const bullet = /^- ([A-Z0-9]+(?:-[A-Z0-9]+)+) /.exec(line);
		if (!bullet?.[1]) continue;
		const known = out.get(bullet[1]);
		for (const m of line.matchAll(/\((critical|high|medium|low|info),/g))
			if (m[1]) known?.add(m[1]);
	}
	return out;
}

/**
 * Files directly in an area folder are its rules, their tests and index.ts (the folder's list);
 * judgement helpers live in <area>/helpers/ and tests beyond one rule's table are *.test.ts.
 */
function isRuleFileName(file: string): boolean {
	return file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts';
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What is wrong with a registry: `folders` is each folder's list in registry order, `files` each
 * folder's file names. Pure, so a broken registry can be shown to fail (see the tests below).
 */
export function registryProblems(
	folders: Readonly<Record<string, readonly Rule[]>>,
	files: Readonly<Record<string, readonly string[]>>,
): string[] {
	const problems: string[] = [];
	const names = Object.keys(folders);
	if (names.join() !== [...names].sort(byCode).join()) {
		problems.push(`folders not sorted: ${names.join(', ')}`);
	}
	const seen = new Set<string>();
	for (const [folder, rules] of Object.entries(folders)) {
		const ids = rules.map((r) => r.meta.id);
		const sorted = [...ids].sort(byCode);
		const at = ids.findIndex((id, i) => id !== sorted[i]);
		if (at >= 0) problems.push(`${folder}: ${ids[at]} is out of order (expected ${sorted[at]})`);
		const inFolder = files[folder] ?? [];
		for (const rule of rules) {
			const { id, area } = rule.meta;
			if (seen.has(id)) problems.push(`${id} is registered twice`);
			seen.add(id);
			const file = `${id.toLowerCase()}.ts`;
			if (!inFolder.includes(file)) problems.push(`${id} is not in ${folder}/${file}`);
			if (!inFolder.includes(file.replace(/\.ts$/, '.test.ts'))) {
				problems.push(`${id} has no ${folder}/${id.toLowerCase()}.test.ts`);
			}
			if (folder !== area) problems.push(`${id} is in folder ${folder} but its area is ${area}`);
		}
		const ruleFiles = new Set(rules.map((r) => `${r.meta.id.toLowerCase()}.ts`));
		for (const file of inFolder.filter(isRuleFileName)) {
			if (!ruleFiles.has(file)) {
				problems.push(`${folder}/${file} is no registered rule (helpers go in ${folder}/helpers/)`);
			}
		}
	}
	return problems;
}

/** A reference is an https: URL or a citation ("RFC 8996 §3", "OWASP TLS Cheat Sheet"). */
export function referenceProblem(reference: string): string | null {
	if (reference.trim() !== reference || reference === '') return 'empty or padded';
	if (/^https:\/\/[^\s]+$/.test(reference)) return null;
	if (/https?:/i.test(reference)) return 'a URL must be the whole reference and use https:';
	if (!/[A-Za-z]{2,}/.test(reference)) return 'not a citation';
	return null;
}

const ROOT = import.meta.dirname;
const FILES: Record<string, string[]> = Object.fromEntries(
	readdirSync(ROOT, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => [d.name, readdirSync(join(ROOT, d.name))]),
);

describe('rule registry', () => {
	const known = catalog();
	it('reads the catalog', () => expect(known.size).toBeGreaterThan(70));
	it.each(RULES.map((r) => [r.meta.id, r] as const))(
		'%s exists in RULES.md with its severities',
		(_id, rule) => {
			const severities = known.get(rule.meta.id);
			expect(severities, `${rule.meta.id} is not in RULES.md`).toBeDefined();
			for (const s of rule.meta.severities) expect([...(severities ?? [])]).toContain(s);
		},
	);

	it('is sorted, one file per rule named after its id, in its area folder, with a test', () => {
		expect(registryProblems(RULE_FOLDERS, FILES)).toEqual([]);
	});

	it('registers every rule exported by a file of a rule folder, and nothing else', async () => {
		const registered = new Set(RULES);
		const exported = new Set<unknown>();
		const unregistered: string[] = [];
		for (const [folder, files] of Object.entries(FILES)) {
			for (const file of files.filter(isRuleFileName)) {
				const base = file.replace(/\.ts$/, '');
				const mod = (await import(`./${folder}/${base}.ts`)) as Record<string, unknown>;
				for (const [name, value] of Object.entries(mod)) {
					if (typeof value !== 'object' || value === null) continue;
					if (!('meta' in value) || !('check' in value)) continue;
					exported.add(value);
					if (!registered.has(value as Rule)) unregistered.push(`${folder}/${file} ${name}`);
				}
			}
		}
		expect(unregistered).toEqual([]);
		expect(exported.size).toBe(RULES.length);
	});

	it.each(RULES.map((r) => [r.meta.id, r] as const))(
		'%s has references, each an https: URL or a citation',
		(_id, rule) => {
			expect(rule.meta.references.length).toBeGreaterThan(0);
			const bad = rule.meta.references
				.map((r) => [r, referenceProblem(r)])
				.filter(([, problem]) => problem !== null);
			expect(bad).toEqual([]);
		},
	);
});

describe('registry checks fail on a broken registry', () => {
	const rule = (id: string, area: Rule['meta']['area'] = 'tls'): Rule => ({
		meta: { id, area, title: id, severities: ['high'], remediation: '', references: [] },
		check() {},
	});
	const files = { tls: ['tls-a.ts', 'tls-a.test.ts', 'tls-b.ts', 'tls-b.test.ts'] };

	it('passes a sound registry', () => {
		expect(registryProblems({ tls: [rule('TLS-A'), rule('TLS-B')] }, files)).toEqual([]);
	});
	it('fails on two swapped entries', () => {
		expect(registryProblems({ tls: [rule('TLS-B'), rule('TLS-A')] }, files)).toEqual([
			'tls: TLS-B is out of order (expected TLS-A)',
		]);
	});
	it('fails on swapped folders', () => {
		expect(registryProblems({ wsdl: [], tls: [rule('TLS-A'), rule('TLS-B')] }, files)).toEqual([
			'folders not sorted: wsdl, tls',
		]);
	});
	it('fails when the file name is not the id, the test is missing or the folder is not the area', () => {
		expect(
			registryProblems(
				{ tls: [rule('TLS-C'), rule('TLS-D', 'cert')] },
				{
					tls: ['tls-c.ts', 'tls-d.ts', 'tls-d.test.ts'],
				},
			),
		).toEqual(['TLS-C has no tls/tls-c.test.ts', 'TLS-D is in folder tls but its area is cert']);
		expect(registryProblems({ tls: [rule('TLS-A'), rule('TLS-A')] }, files)).toContain(
			'TLS-A is registered twice',
		);
		expect(registryProblems({ tls: [rule('TLS-X')] }, files)).toEqual([
			'TLS-X is not in tls/tls-x.ts',
			'TLS-X has no tls/tls-x.test.ts',
			'tls/tls-a.ts is no registered rule (helpers go in tls/helpers/)',
			'tls/tls-b.ts is no registered rule (helpers go in tls/helpers/)',
		]);
	});
	it('fails on a helper beside the rules instead of in helpers/', () => {
		expect(
			registryProblems({ tls: [rule('TLS-A')] }, { tls: ['tls-a.ts', 'tls-a.test.ts', 'walk.ts'] }),
		).toEqual(['tls/walk.ts is no registered rule (helpers go in tls/helpers/)']);
	});
	it.each([
		['RFC 8996', null],
		['https://www.rfc-editor.org/rfc/rfc8996', null],
		['http://example.com/x', 'a URL must be the whole reference and use https:'],
		['see https://example.com', 'a URL must be the whole reference and use https:'],
		[' RFC 8996', 'empty or padded'],
		['', 'empty or padded'],
		['§3', 'not a citation'],
	])('reference %j → %s', (reference, problem) => {
		expect(referenceProblem(reference)).toBe(problem);
	});
});
