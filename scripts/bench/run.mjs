// `npm run bench`: builds the page (unless --no-build), runs every scripts/bench/cases/*.mjs with
// the ctx API below, prints one table and writes bench-results/latest.json. Never part of npm test.
//   ctx.analyzeInPage(files, { passwords, warmth, heapSampleMs }) → { ms, longestTaskMs, peakHeapMb, workerPeakMb, report }
//     heapSampleMs: the engine heap sampler's pause, 100 by default (2 for memory rows: a peak
//     that lasts a few milliseconds is caught)
//     warmth: 'loaded' (default) | 'prewarmed' (the page's own prewarm) | 'as-is' (no wait: a drop
//     right after the page opened, `afterLoadMs` later) | 'cold' (engine starts on the drop)
//   ctx.dropInPage(paths, { warmth }) → { ms, paintedMs }: through the page's file input until the
//     report is on screen (reading, the page's own client and rendering included)
//   ctx.timeNative(cmd, args, { runs, cwd }) → { ms }   (median wall time)
//   ctx.tmpDir, ctx.repoDir, ctx.browser() (the shared Chromium), ctx.pageUrl(query)
// Usage: node scripts/bench/run.mjs [--no-build] [--window-ui] [case-name-filter …]
//   --window-ui: Chromium's address-bar popup loads with every fresh page, as it did up to session
//   11 (scripts/lib/quiet-chromium.mjs)
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, makeAnalyzeInPage, makeDropInPage, pageUrl } from './lib/browser.mjs';
import { timeNative } from './lib/native.mjs';
import { formatTable } from './lib/table.mjs';

const repoDir = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));

if (!args.includes('--no-build')) {
	console.error('== building the page');
	const build = spawnSync('npm', ['run', 'build'], {
		cwd: repoDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

let browserPromise = null;
const getBrowser = () =>
	(browserPromise ??= launchBrowser({ windowUi: args.includes('--window-ui') }));
const tmpDir = await mkdtemp(join(tmpdir(), 'wssec-bench-'));
const ctx = {
	repoDir,
	tmpDir,
	analyzeInPage: makeAnalyzeInPage(getBrowser, repoDir),
	dropInPage: makeDropInPage(getBrowser, repoDir),
	timeNative,
	browser: getBrowser,
	pageUrl: (query = '') => pageUrl(repoDir, query),
};

const casesDir = resolve(import.meta.dirname, 'cases');
const files = (await readdir(casesDir))
	.filter((f) => f.endsWith('.mjs'))
	.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
	.sort();
const rows = [];
const failures = [];
for (const file of files) {
	console.error(`== ${file}`);
	try {
		const mod = await import(pathToFileURL(join(casesDir, file)).href);
		const out = await mod.default(ctx);
		for (const row of out ?? []) {
			if (row.ratio === undefined && row.ours_ms != null && row.native_ms) {
				row.ratio = row.ours_ms / row.native_ms;
			}
			rows.push({ source: file, ...row });
		}
	} catch (error) {
		failures.push({ source: file, error: String(error?.stack ?? error) });
		rows.push({
			source: file,
			case: `${file}: FAILED`,
			note: String(error?.message ?? error).slice(0, 120),
		});
	}
}

if (browserPromise) await (await browserPromise).close();
await rm(tmpDir, { recursive: true, force: true });

console.log(formatTable(rows));
await mkdir(resolve(repoDir, 'bench-results'), { recursive: true });
await writeFile(
	resolve(repoDir, 'bench-results/latest.json'),
	JSON.stringify(
		{
			date: new Date().toISOString(),
			node: process.version,
			// whether Chromium's address-bar popup loaded with every fresh page (lib/quiet-chromium.mjs)
			chromiumWindowUi: args.includes('--window-ui'),
			rows,
			failures,
		},
		null,
		2,
	),
);
console.error('written bench-results/latest.json');
if (failures.length > 0) {
	for (const f of failures) console.error(`${f.source}: ${f.error}`);
	process.exitCode = 1;
}
