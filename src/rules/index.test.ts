// Catalog guard: every registered rule id exists in the catalog (tests/vectors/catalog/RULES.md,
// a copy of shared/RULES.md) with the severities it can report, ids are unique, every folder's
// list is sorted, and every rule file has a test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from './index';
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
	it('has unique ids', () => {
		const ids = RULES.map((r) => r.meta.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
	it('has a sorted list and a test per rule file in each folder', () => {
		const root = import.meta.dirname;
		for (const folder of readdirSync(root, { withFileTypes: true }).filter((d) =>
			d.isDirectory(),
		)) {
			const dir = join(root, folder.name);
			const files = readdirSync(dir).filter(
				(f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
			);
			for (const file of files) {
				expect(
					existsSync(join(dir, file.replace(/\.ts$/, '.test.ts'))),
					`${folder.name}/${file} has no test`,
				).toBe(true);
			}
		}
	});
});
