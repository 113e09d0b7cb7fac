// House rules a new contributor can rely on (CONTRIBUTING.md): one area vocabulary covering every
// folder, files named after what they hold, every file opening with its purpose, no issue numbers
// in file headers, no plain `throw new Error` in core, one module of error classes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_NAMES, AREAS, SHARED_FOLDERS } from '../../src/core/area';
import { gradeAreaOf } from '../../src/core/report/grade';
import { RULES } from '../../src/rules';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function foldersOf(dir: string): string[] {
	return readdirSync(join(SRC, dir), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort();
}

function sourceFiles(dir = SRC): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const path = join(dir, d.name);
		if (d.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(d.name) ? [relative(ROOT, path)] : [];
	});
}

describe('one area vocabulary', () => {
	it.each(['core', 'ui'] as const)('every folder of src/%s is an area home or shared', (layer) => {
		const homes = new Set([
			...AREA_NAMES.flatMap((a) => AREAS[a][layer]),
			...SHARED_FOLDERS[layer],
		]);
		expect(foldersOf(layer).filter((f) => !homes.has(f))).toEqual([]);
		expect([...homes].filter((f) => !foldersOf(layer).includes(f))).toEqual([]);
	});

	it("ESLint's layer rule knows the same core area folders as area.ts", () => {
		const config = readFileSync(join(ROOT, 'eslint.config.js'), 'utf8');
		const list = /const AREA_FOLDERS = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
		const linted = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
		const mapped = [...new Set(AREA_NAMES.flatMap((a) => AREAS[a].core))].sort();
		expect(linted).toEqual(mapped);
	});

	it('every ui folder of an area is named after an area', () => {
		const named = new Set<string>(AREA_NAMES);
		expect(AREA_NAMES.flatMap((a) => AREAS[a].ui).filter((f) => !named.has(f))).toEqual([]);
	});

	it('the rule folders are exactly the areas (src/rules/<area>/)', () => {
		expect(foldersOf('rules')).toEqual([...AREA_NAMES].sort());
	});

	it('every rule area is a catalog area and counts in its area sub-grade', () => {
		for (const rule of RULES) {
			expect(AREA_NAMES).toContain(rule.meta.area);
			// Two WSDL rules are about transport and count under TLS (CGS-1 section 3.3).
			if (rule.meta.id === 'WSDL-HTTP-ENDPOINT' || rule.meta.id === 'WSDL-MIXED-SCHEME-ENDPOINTS')
				continue;
			expect(gradeAreaOf({ ruleId: rule.meta.id, area: rule.meta.area })).toBe(
				AREAS[rule.meta.area].grade,
			);
		}
	});
});

describe('files', () => {
	const files = sourceFiles();

	it('at most one is called model.ts (the TLS parse model); others say what they hold', () => {
		expect(files.filter((f) => f.endsWith('/model.ts'))).toEqual(['src/core/tls/model.ts']);
	});

	it('each non-test file opens with a comment saying its purpose', () => {
		const bare = files.filter((f) => {
			if (f.endsWith('.test.ts')) return false;
			const first = readFileSync(join(ROOT, f), 'utf8').split('\n', 1)[0] ?? '';
			return !(f.endsWith('.svelte') ? first.startsWith('<!--') : first.startsWith('//'));
		});
		expect(bare).toEqual([]);
	});

	it('no file header names an issue (git and the tracker record who did what)', () => {
		const named = files.filter((f) => {
			const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
			const end = lines.findIndex((l) => !/^(\/\/|<!--|\s|$)/.test(l) || l.startsWith('import'));
			const header = lines.slice(0, end === -1 ? lines.length : end).join('\n');
			return /Owned by|issue #\d+/i.test(header);
		});
		expect(named).toEqual([]);
	});
});

describe('errors', () => {
	it('core throws no plain Error: input failures use src/core/errors.ts, bugs a specific built-in', () => {
		const plain = sourceFiles(join(SRC, 'core'))
			.filter((f) => !f.endsWith('.test.ts'))
			.flatMap((f) =>
				readFileSync(join(ROOT, f), 'utf8')
					.split('\n')
					.flatMap((line, i) => (/\bthrow new Error\(/.test(line) ? [`${f}:${i + 1}`] : [])),
			);
		expect(plain).toEqual([]);
	});

	it('no catch in core drops the reason unseen: each binds the error (and lint requires using it)', () => {
		// `catch {` cannot tell a bug from a bad input; a bound catch rethrows bugs (isBug, a code,
		// or an error class) and records the reason or says in a comment why it is not needed.
		const bare = sourceFiles(join(SRC, 'core'))
			.filter((f) => !f.endsWith('.test.ts'))
			.flatMap((f) =>
				readFileSync(join(ROOT, f), 'utf8')
					.split('\n')
					.flatMap((line, i) => (/\bcatch\s*\{/.test(line) ? [`${f}:${i + 1}`] : [])),
			);
		expect(bare).toEqual([]);
	});

	it('every error class is declared in src/core/errors.ts (others are codes of its classes)', () => {
		const declared = sourceFiles()
			.filter((f) => !f.endsWith('.test.ts') && f !== 'src/core/errors.ts')
			.flatMap((f) =>
				readFileSync(join(ROOT, f), 'utf8')
					.split('\n')
					.flatMap((line, i) =>
						/\bclass\s+\w+\s+extends\s+\w*Error\b/.test(line) ? [`${f}:${i + 1}`] : [],
					),
			);
		expect(declared).toEqual([]);
	});
});

describe('dependencies', () => {
	it('every runtime dependency is imported by a non-test file of src (the rest are devDependencies)', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
			dependencies: Record<string, string>;
		};
		const text = sourceFiles()
			.filter((f) => !f.endsWith('.test.ts'))
			.map((f) => readFileSync(join(ROOT, f), 'utf8'))
			.join('\n');
		const unused = Object.keys(pkg.dependencies).filter(
			// a static import, or one loaded on first use: import('pkijs')
			(name) =>
				!new RegExp(`(from |import\\()'${name.replace(/[/.]/g, '\\$&')}(/[^']*)?'`).test(text),
		);
		expect(unused).toEqual([]);
	});
});
