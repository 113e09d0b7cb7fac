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
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';

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

/** Small deterministic PRNG (mulberry32): a seed reproduces a campaign. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = rng(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

function fixtures() {
	const out = [];
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (!/\.(md|txt|ts|mjs|sh)$/i.test(name) || name === 'notes.txt')
				out.push({ path: relative(ROOT, path), name, bytes: readFileSync(path) });
		}
	};
	walk(join(ROOT, 'tests/fixtures'));
	return out.filter((f) => f.bytes.length <= 512 * 1024 && (!ONLY || f.path.includes(ONLY)));
}

const enc = new TextEncoder();
/** Mutations: byte-level damage, structure-level repetition and nesting, numeric fields. */
const MUTATORS = {
	flip(b) {
		const c = Uint8Array.from(b);
		for (let n = 1 + int(8); n > 0 && c.length; n--) c[int(c.length)] ^= 1 << int(8);
		return c;
	},
	truncate(b) {
		return b.subarray(0, int(b.length));
	},
	erase(b) {
		const at = int(b.length);
		return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(64))]);
	},
	insert(b) {
		const at = int(b.length);
		const junk = Uint8Array.from({ length: 1 + int(32) }, () => int(256));
		return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
	},
	repeat(b) {
		// a slice repeated many times: quadratic scanners and unbounded loops show here
		const at = int(b.length);
		const slice = b.subarray(at, at + 1 + int(16));
		const times = 1000 + int(20_000);
		return Buffer.concat([b.subarray(0, at), ...Array(times).fill(slice), b.subarray(at)]);
	},
	bigNumber(b) {
		const text = Buffer.from(b).toString('latin1');
		const digits = [...text.matchAll(/\d+/g)];
		if (!digits.length) return MUTATORS.flip(b);
		const m = pick(digits);
		const big = pick(['2147483647', '4294967296', '99999999999999999999', '0', '-1']);
		return Buffer.from(text.slice(0, m.index) + big + text.slice(m.index + m[0].length), 'latin1');
	},
	derLength(b) {
		// an ASN.1 length octet made long or indefinite
		const c = Uint8Array.from(b);
		for (let n = 1 + int(3); n > 0 && c.length > 2; n--) {
			const at = 1 + int(c.length - 1);
			c[at] = pick([0x80, 0x84, 0x8f, 0xff, 0x7f]);
		}
		return c;
	},
	nest(b) {
		// deep nesting in the syntax of the file: XML elements, braces, brackets or DER SEQUENCEs
		const text = Buffer.from(b).toString('utf8');
		const depth = 500 + int(5000);
		const at = text.indexOf('>') + 1 || int(text.length);
		const [open, close] = pick([
			['<ä>', '</ä>'],
			['<a>', '</a>'],
			['{', '}'],
			['[', ']'],
			['a {', '}'],
		]);
		return enc.encode(
			text.slice(0, at) + open.repeat(depth) + close.repeat(depth) + text.slice(at),
		);
	},
	splice(b, other) {
		return Buffer.concat([b.subarray(0, int(b.length)), other.subarray(int(other.length))]);
	},
	unterminated(b) {
		const text = Buffer.from(b).toString('utf8');
		const at = int(text.length);
		const token = pick(['<!--', '<?', '<![CDATA[', '<!DOCTYPE a [', '"', '{', '<a ']);
		return enc.encode(text.slice(0, at) + token.repeat(1 + int(20_000)) + text.slice(at));
	},
};

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
	const corpus = fixtures();
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
		const base = pick(corpus);
		const mutator = pick(Object.keys(MUTATORS));
		const bytes = Buffer.from(MUTATORS[mutator](base.bytes, pick(corpus).bytes));
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
