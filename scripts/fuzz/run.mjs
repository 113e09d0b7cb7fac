// `npm run fuzz`: mutates the fixtures of every kind (tests/fixtures/**) and runs the real
// analysis on each mutant (half of them beside an intact fixture) in a Node worker thread with a
// time limit, reporting exceptions that
// escape the analysis, timeouts and "Internal error" messages. Not part of `npm test`.
//
//   npm run fuzz -- --count 500 --seed 7 --timeout 10000 --out fuzz-findings [--messages]
//
// The analysis (src/analyze.ts and everything it imports) is bundled once with Vite's SSR build
// into node_modules/.cache/wssec-fuzz; each mutant gets a fresh Analyzer. A mutant that runs past
// the time limit has its worker terminated (that is the finding) and a new worker is started.
// Findings are written to --out (default node_modules/.cache/wssec-fuzz/findings) with their
// bytes, ready to become fixtures of tests/fixtures/hostile (see its README).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { campaign, fixtures } from './mutate.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/wssec-fuzz');

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}
const COUNT = Number(option('count', 300));
const SEED = Number(option('seed', Date.now() % 1_000_000));
const TIMEOUT = Number(option('timeout', 10_000));
const OUT = resolve(option('out', join(CACHE, 'findings')));
const ONLY = option('only', null);

const { pick, mutate, random } = campaign(SEED);

async function bundle() {
	mkdirSync(CACHE, { recursive: true });
	await build({
		root: ROOT,
		configFile: false,
		logLevel: 'warn',
		build: {
			ssr: join(ROOT, 'src/analyze.ts'),
			outDir: join(CACHE, 'bundle'),
			emptyOutDir: true,
			minify: false,
			rollupOptions: { output: { format: 'es', entryFileNames: 'analyze.mjs' } },
		},
	});
	return join(CACHE, 'bundle/analyze.mjs');
}

const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { Analyzer } = await import(workerData.bundle);
const settings = { trustAnchors: [], truststoreInputs: [], rawKeys: [], captureTime: null, connector: null };
parentPort.on('message', async ({ name, bytes, companion }) => {
	try {
		const files = [{ id: 'f', name, bytes: new Uint8Array(bytes) }];
		if (companion) files.push({ id: 'c', name: companion.name, bytes: new Uint8Array(companion.bytes) });
		const r = await new Analyzer().run(
			{ files, passwords: {}, entryPasswords: {}, settings },
			() => {},
			new AbortController().signal,
		);
		const input = r.facts.inputs[0];
		parentPort.postMessage({ ok: true, kind: input.kind, status: input.status, error: input.error ?? null,
			summaries: JSON.stringify(r.facts).match(/internal error[^"]{0,200}/gi) ?? [] });
	} catch (e) {
		parentPort.postMessage({ ok: false, error: String(e && e.stack || e) });
	}
});
parentPort.postMessage({ ready: true });
`;

function startWorker(bundlePath) {
	const worker = new Worker(WORKER, { eval: true, workerData: { bundle: bundlePath } });
	const ready = new Promise((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
	});
	return { worker, ready };
}

async function main() {
	const bundlePath = await bundle();
	const corpus = fixtures(ONLY);
	// companions are intact files of real producers, not the hostile ones (a slow keystore there
	// is slow by design and would time the mutant out)
	const companions = corpus.filter((f) => !f.path.includes('fixtures/hostile'));
	console.log(
		`fuzz: seed ${SEED}, ${COUNT} mutants of ${corpus.length} fixtures, ${TIMEOUT} ms each`,
	);
	let current = startWorker(bundlePath);
	await current.ready;
	const findings = [];
	const tally = { parsed: 0, locked: 0, error: 0, exception: 0, timeout: 0, internal: 0 };
	/** Error messages with numbers blanked, counted: shows raw library wording to map. */
	const messages = new Map();
	mkdirSync(OUT, { recursive: true });
	for (let n = 0; n < COUNT; n++) {
		const { base, mutator, bytes } = mutate(corpus);
		const name = base.name;
		// half the mutants run beside an intact fixture, so the cross-file stages (decryption
		// with the companion's keys, signatures, WSDL policy) see them too
		const other = pick(companions);
		const companion =
			random() < 0.5 && other.name !== name ? { name: other.name, bytes: other.bytes } : null;
		const started = Date.now();
		const answer = await new Promise((resolve) => {
			const timer = setTimeout(() => resolve({ timeout: true }), TIMEOUT);
			current.worker.once('message', (m) => {
				clearTimeout(timer);
				resolve(m);
			});
			current.worker.postMessage({ name, bytes, companion });
		});
		const ms = Date.now() - started;
		let problem = null;
		if (answer.timeout) {
			tally.timeout++;
			problem = `timeout after ${TIMEOUT} ms`;
			await current.worker.terminate();
			current = startWorker(bundlePath);
			await current.ready;
		} else if (!answer.ok) {
			tally.exception++;
			problem = `exception: ${answer.error.split('\n').slice(0, 3).join(' | ')}`;
		} else {
			tally[answer.status] = (tally[answer.status] ?? 0) + 1;
			if (answer.error) {
				const key = answer.error.replace(/\d[\d,]*/g, 'N').slice(0, 110);
				messages.set(key, (messages.get(key) ?? 0) + 1);
			}
			const internal = /internal error/i.test(answer.error ?? '') || answer.summaries.length > 0;
			if (internal) {
				tally.internal++;
				problem = `internal error: ${(answer.error ?? answer.summaries[0]).slice(0, 300)}`;
			}
		}
		if (problem) {
			const file = `${String(findings.length).padStart(3, '0')}-${mutator}-${basename(name)}`;
			writeFileSync(join(OUT, file), bytes);
			findings.push({
				file,
				from: base.path,
				companion: companion && other.path,
				mutator,
				ms,
				problem,
			});
			console.log(`  ${file} (${bytes.length} bytes, ${ms} ms): ${problem}`);
		}
		if ((n + 1) % 50 === 0) console.log(`  ${n + 1}/${COUNT} ${JSON.stringify(tally)}`);
	}
	await current.worker.terminate();
	if (process.argv.includes('--messages')) {
		console.log('error messages (numbers as N), most frequent first:');
		for (const [m, n] of [...messages].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${m}`);
	}
	writeFileSync(
		join(OUT, 'findings.json'),
		JSON.stringify({ seed: SEED, tally, findings }, null, 2),
	);
	console.log(
		`fuzz: ${JSON.stringify(tally)}; ${findings.length} findings in ${relative(ROOT, OUT) || OUT}`,
	);
	process.exitCode = findings.length ? 1 : 0;
}

await main();
