// Mutation check of the rule tests (not part of npm test): breaks every rule's output in turn
// (evidence replaced or edited, subject replaced or edited, severity changed; see MUTATIONS in
// src/rules/testing.ts) and runs each rule's own test file. A mutation is caught when that file
// fails under it; a rule whose test survives a mutation would pass with a broken rule.
//
//   node scripts/mutate-rules.mjs [folder ...]     e.g. node scripts/mutate-rules.mjs wsdl policy
//
// Prints one line per rule and a summary; exits 1 when any mutation survives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'src/rules');
// Mirrors MUTATIONS in src/rules/testing.ts (this script runs without a TypeScript loader).
const MUTATIONS = ['evidence-x', 'evidence-edit', 'subject-x', 'subject-edit', 'severity'];

const only = new Set(process.argv.slice(2));
const folders = readdirSync(RULES_DIR, { withFileTypes: true })
	.filter((d) => d.isDirectory() && (only.size === 0 || only.has(d.name)))
	.map((d) => d.name)
	.sort();

/** Rule test files with the rule id of the file they test (`x.test.ts` tests `x.ts`). */
const targets = [];
for (const folder of folders) {
	for (const file of readdirSync(join(RULES_DIR, folder)).sort()) {
		if (!file.endsWith('.test.ts')) continue;
		const source = join(RULES_DIR, folder, file.replace(/\.test\.ts$/, '.ts'));
		let text;
		try {
			text = readFileSync(source, 'utf8');
		} catch {
			continue; // a test of several rules (worked examples), not of one rule file
		}
		const id = /\bid: '([A-Z0-9]+(?:-[A-Z0-9]+)+)'/.exec(text)?.[1];
		// not a rule file (rule files are named after their id; helpers/ is not scanned)
		if (!id || `${id.toLowerCase()}.test.ts` !== file) continue;
		const test = join(RULES_DIR, folder, file);
		const tester = readFileSync(test, 'utf8').includes('RuleTester.run(');
		targets.push({ id, test: relative(ROOT, test), tester });
	}
}
if (targets.length === 0) {
	console.error('no rule tests found');
	process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'mutate-rules-'));

/** Runs every target test file once; returns the set of files with a failing test. */
function failingFiles(mutation) {
	const out = join(work, `${mutation || 'baseline'}.json`);
	const env = { ...process.env, WSSEC_RULE_MUTATION: mutation };
	const run = spawnSync(
		'npx',
		['vitest', 'run', '--reporter=json', `--outputFile=${out}`, ...targets.map((t) => t.test)],
		{ cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	let json;
	try {
		json = JSON.parse(readFileSync(out, 'utf8'));
	} catch {
		console.error(run.stdout, run.stderr);
		throw new Error(`vitest wrote no result for mutation "${mutation}"`);
	}
	return new Set(
		json.testResults.filter((r) => r.status !== 'passed').map((r) => relative(ROOT, r.name)),
	);
}

process.stdout.write(`baseline over ${targets.length} rule tests … `);
const broken = failingFiles('');
console.log(broken.size === 0 ? 'all pass' : `${broken.size} already failing`);
const caught = new Map(targets.map((t) => [t.id, []]));
for (const mutation of MUTATIONS) {
	process.stdout.write(`${mutation} … `);
	const failing = failingFiles(mutation);
	let n = 0;
	for (const t of targets) {
		if (!broken.has(t.test) && failing.has(t.test)) {
			caught.get(t.id).push(mutation);
			n++;
		}
	}
	console.log(`${n}/${targets.length} caught`);
}
rmSync(work, { recursive: true, force: true });

let total = 0;
let survived = 0;
const rows = [];
for (const t of targets) {
	const hit = caught.get(t.id);
	const missed = broken.has(t.test)
		? ['(test fails without mutation)']
		: MUTATIONS.filter((m) => !hit.includes(m));
	total += MUTATIONS.length;
	survived += broken.has(t.test) ? MUTATIONS.length : missed.length;
	rows.push(
		`${t.id.padEnd(40)} ${t.tester ? 'RuleTester' : 'old table '} ${hit.length}/${MUTATIONS.length}${missed.length ? `  survived: ${missed.join(', ')}` : ''}`,
	);
}
console.log(`\n${rows.join('\n')}`);
const converted = targets.filter((t) => t.tester).length;
console.log(
	`\n${total - survived}/${total} mutations caught over ${targets.length} rules (${converted} on RuleTester); ${survived} survived`,
);
process.exit(survived > 0 ? 1 : 0);
