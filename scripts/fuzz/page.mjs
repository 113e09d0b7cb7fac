// `npm run fuzz:page`: the fuzz campaign in the built page. Mutants of the fixtures of every
// kind (scripts/fuzz/mutate.mjs, the mutations of `npm run fuzz`) are dropped in batches beside
// an innocent certificate into dist/ served on localhost, in Debian's Chromium; after each batch
// every card must have its result (none pending), no card may say "Internal error", the innocent
// certificate must be parsed, and the page must raise no uncaught exception, console error or
// engine failure. Not part of `npm test` (it runs for minutes); build first (`npm run build`).
//
//   npm run fuzz:page -- --count 400 --batch 25 --seed 7 --timeout 120000 --port 4199 --out DIR
//
// Prints the tally of card statuses and every problem; mutants of a batch with a problem are
// written to --out (default node_modules/.cache/wssec-fuzz/page-findings) with findings.json.
// Exit status 1 when a problem was found.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { campaign, fixtures } from './mutate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}
const COUNT = Number(option('count', 400));
const BATCH = Number(option('batch', 25));
const SEED = Number(option('seed', Date.now() % 1_000_000));
const TIMEOUT = Number(option('timeout', 120_000));
const PORT = Number(option('port', 4199));
const OUT = resolve(option('out', join(ROOT, 'node_modules/.cache/wssec-fuzz/page-findings')));
const INNOCENT = 'innocent-certificate.pem';

async function serve() {
	if (!existsSync(join(ROOT, 'dist/index.html'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const server = spawn(
		process.execPath,
		[join(ROOT, 'scripts/serve.mjs'), '--port', String(PORT)],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	await new Promise((done, fail) => {
		server.stdout.once('data', done);
		server.once('exit', (code) => fail(new Error(`the server exited (${code})`)));
	});
	return server;
}

/** What the page shows for every card, the crash panel, and whether the engine is idle. */
function readPage() {
	return {
		idle: document.documentElement.dataset.state === 'idle',
		crash: document.querySelector('[data-testid="crash"]')?.textContent ?? null,
		cards: [...document.querySelectorAll('[data-testid="input-card"]')].map((card) => ({
			name: card.getAttribute('data-input-name'),
			status: card.getAttribute('data-status'),
			error: card.querySelector('[data-testid="input-error"]')?.textContent?.trim() ?? null,
			internal: /internal error/i.test(card.textContent ?? ''),
		})),
	};
}

async function main() {
	const corpus = fixtures();
	const { mutate } = campaign(SEED);
	const innocent = readFileSync(join(ROOT, 'tests/fixtures/detect/cert.pem'));
	const server = await serve();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu'],
	});
	const tally = { parsed: 0, locked: 0, error: 0, pending: 0 };
	const problems = [];
	const findings = [];
	const started = Date.now();
	let slowestBatch = 0;
	console.log(
		`fuzz:page: seed ${SEED}, ${COUNT} mutants of ${corpus.length} fixtures in batches of ${BATCH}, each beside ${INNOCENT}`,
	);
	try {
		const page = await browser.newPage();
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
		page.on('console', (m) => {
			if (m.type() === 'error') pageErrors.push(`console error: ${m.text()}`);
		});
		await page.goto(`http://127.0.0.1:${PORT}/`);
		for (let first = 0; first < COUNT; first += BATCH) {
			const mutants = [];
			for (let n = first; n < Math.min(COUNT, first + BATCH); n++) {
				const { base, mutator, bytes } = mutate(corpus);
				mutants.push({ name: `m${n}-${mutator}-${base.name}`, from: base.path, mutator, bytes });
			}
			await page.waitForFunction(() => document.documentElement.dataset.state === 'idle');
			const errorsBefore = pageErrors.length;
			const batchStarted = Date.now();
			await page.locator('input[type=file][data-testid="file-input"]').setInputFiles([
				...mutants.map((m) => ({
					name: m.name,
					mimeType: 'application/octet-stream',
					buffer: m.bytes,
				})),
				{ name: INNOCENT, mimeType: 'application/x-pem-file', buffer: innocent },
			]);
			let seen;
			for (;;) {
				await page.waitForTimeout(250);
				seen = await page.evaluate(readPage);
				const done = seen.idle && seen.cards.length === mutants.length + 1;
				if (done || Date.now() - batchStarted > TIMEOUT) break;
			}
			const ms = Date.now() - batchStarted;
			slowestBatch = Math.max(slowestBatch, ms);
			const batchProblems = [];
			if (!seen.idle) batchProblems.push(`still busy after ${TIMEOUT} ms`);
			if (seen.crash) batchProblems.push(`engine failure: ${seen.crash}`);
			for (const e of pageErrors.slice(errorsBefore)) batchProblems.push(e);
			for (const card of seen.cards) {
				tally[card.status] = (tally[card.status] ?? 0) + (card.name === INNOCENT ? 0 : 1);
				if (card.status === 'pending') batchProblems.push(`${card.name}: pending`);
				if (card.internal) batchProblems.push(`${card.name}: internal error: ${card.error}`);
				if (card.name === INNOCENT && card.status !== 'parsed')
					batchProblems.push(`${INNOCENT}: ${card.status} ${card.error ?? ''}`);
			}
			const batch = `${first}-${first + mutants.length - 1}`;
			console.log(`  batch ${batch}: ${ms} ms, ${JSON.stringify(tally)}`);
			if (batchProblems.length) {
				const dir = join(OUT, `batch-${batch}`);
				mkdirSync(dir, { recursive: true });
				for (const m of mutants) writeFileSync(join(dir, m.name), m.bytes);
				for (const p of batchProblems) console.log(`    ${p}`);
				problems.push(...batchProblems);
				findings.push({
					batch,
					problems: batchProblems,
					mutants: mutants.map(({ name, from, mutator }) => ({ name, from, mutator })),
				});
			}
			await page.locator('[data-testid="clear-all"]').click();
			await page.waitForFunction(
				() => document.querySelectorAll('[data-testid="input-card"]').length === 0,
			);
		}
	} finally {
		await browser.close();
		server.kill();
	}
	mkdirSync(OUT, { recursive: true });
	writeFileSync(
		join(OUT, 'findings.json'),
		JSON.stringify({ seed: SEED, count: COUNT, batch: BATCH, tally, findings }, null, 2),
	);
	console.log(
		`fuzz:page: ${COUNT} mutants in ${Math.round((Date.now() - started) / 1000)} s (slowest batch ${slowestBatch} ms): ${JSON.stringify(tally)}; ${problems.length} problems${problems.length ? ` (mutants in ${relative(ROOT, OUT) || OUT})` : ''}`,
	);
	process.exitCode = problems.length ? 1 : 0;
}

await main();
