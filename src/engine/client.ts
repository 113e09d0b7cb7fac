// The page's side of the engine: starts the analysis worker (ahead of the first file as the page
// starts, see prewarmEngine and main.ts, else on the first file) and sends it the page's state as
// snapshots; starts the derivation worker when the analysis worker delegates an input to it and
// relays inputs and results between the two (protocol.ts). Cancel terminates the worker that runs
// (a key derivation in progress cannot be interrupted from inside); a fresh one takes over.
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';
import type { AnalysisResult, DelegatedInput, ParsedEntry } from '../analyze';
import type { AreaName } from '../areas';
import { pageChannel, type EngineEvent, type EngineSnapshot } from './protocol';

declare global {
	interface Window {
		/** Set by the lazily loaded assets/engine.js (see vite.config.ts). */
		__wssecEngineSource?: string;
		/** Set by assets/yaml.js, loaded only when the engine reads a YAML file. */
		__wssecYamlSource?: string;
		/** Sources of the engine's area scripts (assets/engine-*.js), each set by its own script. */
		__wssecEngineChunks?: Record<string, string>;
	}
}

const ENGINE_SCRIPT = 'assets/engine.js';
const YAML_SCRIPT = 'assets/yaml.js';
/** The names the engine asks for: its own scripts are assets/engine-<name>.js. */
const ENGINE_CHUNK = /^engine-[\w-]+$/;
/**
 * What the idle prewarm compiles besides the base: the common first drop is a captured SOAP
 * request, which needs the XML-security code and the WSDL stage's (it matches every envelope
 * against the policies); certificates, keystores and TLS files load their area on demand.
 */
export const PREWARM_AREAS: AreaName[] = ['xml-security', 'wsdl'];
/** Every area (src/areas/index.ts, AREA_NAMES; the page's script imports that file's types only). */
export const ALL_AREAS: AreaName[] = ['pki', 'xml-security', 'wsdl', 'tls'];

/**
 * Loads a classic script that stores a worker script's text in a global (a classic script
 * loads from file:// and from any sub-path, where fetch and module scripts do not).
 */
function loadSource(src: string, read: () => string | undefined, what: string): Promise<string> {
	const ready = read();
	if (ready) return Promise.resolve(ready);
	let loading = sourcesLoading.get(src);
	if (!loading) {
		loading = new Promise<string>((resolve, reject) => {
			const script = document.createElement('script');
			script.src = src;
			script.onload = () => {
				const source = read();
				if (source) resolve(source);
				else reject(new Error(`${what} did not load`));
			};
			script.onerror = () => reject(new Error(`Could not load ${src}`));
			document.head.append(script);
		}).finally(() => sourcesLoading.delete(src));
		sourcesLoading.set(src, loading);
	}
	return loading;
}

/** Scripts being loaded, by src: a script asked for twice meanwhile is loaded once. */
const sourcesLoading = new Map<string, Promise<string>>();

const loadEngineSource = () =>
	loadSource(ENGINE_SCRIPT, () => window.__wssecEngineSource, 'The analysis engine');
const loadYamlSource = () =>
	loadSource(YAML_SCRIPT, () => window.__wssecYamlSource, 'The YAML reader');

/** The source of a script the engine asks for (`need-module`): one of its areas, or YAML. */
function loadModuleSource(name: string): Promise<string> {
	if (name === 'yaml') return loadYamlSource();
	if (!ENGINE_CHUNK.test(name)) return Promise.reject(new Error(`No engine script ${name}`));
	return loadSource(
		`assets/${name}.js`,
		() => window.__wssecEngineChunks?.[name],
		`The analysis engine's ${name.slice('engine-'.length)} code`,
	);
}

/**
 * The engine's manifest (which scripts the base holds, which each area needs), written into this
 * script by the build once the engine is built (vite.config.ts, ENGINE_MANIFEST_PLACEHOLDER; the
 * build fails if it cannot), so a cold drop loads the base and its areas' scripts side by side.
 * The development server's module worker imports its areas itself and never reads it.
 */
const BUILT_MANIFEST: string = '__WSSEC_ENGINE_MANIFEST__';

/** The scripts of these areas that the base does not hold, in the order they run. */
function areaScripts(areas: readonly AreaName[]): string[] {
	if (!BUILT_MANIFEST.startsWith('{')) return [];
	const { loaded, needs } = JSON.parse(BUILT_MANIFEST) as {
		loaded: string[];
		needs: Record<string, string[]>;
	};
	// each list has a script's dependencies first: so has their union in this order
	const names = areas.flatMap((a) => needs[`engine-${a}`] ?? []);
	return [...new Set(names)].filter((n) => !loaded.includes(n));
}

/**
 * The areas files look like they need, from their first bytes: XML (`<`) the XML-security and
 * WSDL areas, PEM (`-----BEGIN`) or DER (a SEQUENCE) the certificate and keystore area. A hint
 * only, for loading scripts early: detection in the engine decides what each file is.
 */
function hintedAreas(files: readonly InputFile[]): AreaName[] {
	const areas = new Set<AreaName>();
	for (const f of files) {
		let i = 0;
		while (i < Math.min(f.bytes.length, 512) && BLANK.has(f.bytes[i] ?? 0)) i++;
		const first = f.bytes[i];
		if (first === 0x3c) for (const a of PREWARM_AREAS) areas.add(a);
		else if (first === 0x30 || (first === 0x2d && f.bytes[i + 5] === 0x42)) areas.add('pki');
	}
	return [...areas];
}

/** Bytes before a file's first significant one: blanks and a UTF-8 byte order mark. */
const BLANK = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * Starts loading, on the page, the scripts of the areas files handed to the engine look like they
 * need: a worker that has not run them finds their sources ready when it asks.
 */
function preloadAreas(areas: readonly AreaName[]): void {
	if (import.meta.env.DEV || areas.length === 0) return;
	// a failure here is the worker's to report when it asks for the script itself
	for (const name of areaScripts(areas)) loadModuleSource(name).catch(() => undefined);
}

/** Each script's source as a Blob, made once: every worker that asks is sent the same one. */
const moduleBlobs = new Map<string, Blob>();

/** The Blob of a script's source (moduleBlobs). */
async function moduleBlob(name: string): Promise<Blob> {
	const made = moduleBlobs.get(name);
	if (made) return made;
	const blob = new Blob([await loadModuleSource(name)], { type: 'text/javascript' });
	moduleBlobs.set(name, blob);
	return blob;
}

/**
 * Answers the worker's requests for scripts from the start (the prewarm's worker asks before a
 * client takes it).
 */
function serveModules(worker: Worker): Worker {
	const channel = pageChannel(worker);
	channel.listen((event) => {
		if (event.type !== 'need-module') return;
		const { name } = event;
		moduleBlob(name).then(
			(source) => channel.send({ type: 'module', name, source }),
			(error: unknown) =>
				channel.send({
					type: 'module',
					name,
					source: null,
					error: error instanceof Error ? error.message : String(error),
				}),
		);
	});
	return worker;
}

/** The scripts of these areas the base does not hold, by name and source, in the order they run. */
async function areaSources(
	areas: readonly AreaName[],
): Promise<{ names: string[]; sources: string[] }> {
	const names = areaScripts(areas);
	return { names, sources: await Promise.all(names.map((n) => loadModuleSource(n))) };
}

/**
 * Starts an engine worker. `areas`: those the files that start it look like they need
 * (hintedAreas); the worker's script is then the base followed by their scripts, run at once
 * like the single engine script was, instead of the worker asking the page for them one round
 * trip later (a cold page's first drop); `__wssecPreloaded` tells engine/chunks.ts they ran.
 */
async function startWorker(areas: readonly AreaName[] = []): Promise<Worker> {
	if (import.meta.env.DEV) {
		// A plain string keeps Vite from emitting a second copy of the worker into the build.
		const devUrl = '/src/engine/worker.ts';
		return serveModules(new Worker(devUrl, { type: 'module', name: 'wssec-engine' }));
	}
	// the base and the areas' scripts load side by side; on a failure of the latter the base
	// alone: the worker asks for these scripts itself and reports it then
	const withScripts = areas.length > 0 ? areaSources(areas).catch(() => null) : null;
	const base = await loadEngineSource();
	const scripts = await withScripts;
	const source = scripts
		? [`self.__wssecPreloaded=${JSON.stringify(scripts.names)};`, base, ...scripts.sources].join(
				'\n',
			)
		: base;
	// A Blob worker works from file:// as well as from any static host.
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	try {
		return serveModules(new Worker(url, { name: 'wssec-engine' }));
	} finally {
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
}

/**
 * A worker started ahead of the first drop, with `ready` settled once it has evaluated its script
 * and answered one message (its code is compiled and its modules initialised). The next client
 * that needs a worker takes it.
 */
let spare: {
	worker: Promise<Worker>;
	ready: Promise<void>;
	/** Settles the wait for its large-document rounds (prewarmEngineFully). */
	over: () => void;
} | null = null;
/** Workers clients have started or taken: once one has, an idle prewarm would only add an unused one. */
let taken = 0;

/** Request id of the prewarm's round trip; clients number their own requests from 1. */
const PREWARM_REQUEST = 0;

/**
 * Has the worker load (and compile) these areas; resolves once it says they are, with its
 * rehearsal's result when the answer carries one (the prewarm's, once per worker).
 */
function warm(
	worker: Worker,
	areas: AreaName[],
	requestId = PREWARM_REQUEST,
): Promise<AnalysisResult | null> {
	return new Promise((resolve) => {
		const onMessage = (e: MessageEvent<EngineEvent>) => {
			if (e.data.type !== 'warmed' || e.data.requestId !== requestId) return;
			worker.removeEventListener('message', onMessage);
			resolve(e.data.rehearsal ?? null);
		};
		worker.addEventListener('message', onMessage);
		pageChannel(worker).send({ type: 'warm', requestId, areas });
	});
}

/**
 * Starts the engine worker now (its script is loaded, compiled and run) so the first drop finds it
 * warm. Resolves when the worker has answered; never rejects (a failed prewarm leaves the drop to
 * start its own worker and report the failure on its cards). `force` starts a spare even when a
 * client already had one (after a cancel, for the retry).
 */
export function prewarmEngine(force = false): Promise<void> {
	if (spare) return spare.ready;
	if (taken > 0 && !force) return Promise.resolve();
	// the base with the common areas' scripts appended: one script compiled and run at once, as a
	// cold envelope drop starts it, rather than the base and then one round trip per script
	const worker = startWorker(PREWARM_AREAS);
	let bulkOver = () => {};
	largeRehearsal = new Promise<void>((resolve) => (bulkOver = resolve));
	const entry = {
		worker,
		over: () => bulkOver(),
		// the areas are loaded already: the answer comes once the worker has rehearsed (worker.ts)
		ready: worker
			.then(async (w) => {
				const onMessage = (e: MessageEvent<EngineEvent>) => {
					if (e.data.type !== 'rehearsed' || e.data.requestId !== PREWARM_REQUEST) return;
					w.removeEventListener('message', onMessage);
					bulkOver();
				};
				w.addEventListener('message', onMessage);
				w.addEventListener('error', bulkOver);
				const result = await warm(w, PREWARM_AREAS);
				rehearsed ??= result;
			})
			.catch(() => {
				bulkOver();
				if (spare === entry) spare = null;
			}),
	};
	spare = entry;
	return entry.ready;
}

/** Settles when the last prewarm's worker has ended its large-document rounds (rehearsal.ts). */
let largeRehearsal: Promise<void> = Promise.resolve();

/**
 * The whole of the engine's prewarm: it is warm (prewarmEngine) and its rehearsal's later,
 * large-document rounds are over (done, or given way to a drop). For the bench's warm page.
 */
export async function prewarmEngineFully(): Promise<void> {
	await prewarmEngine();
	await largeRehearsal;
}

/** The first prewarm's rehearsal result, kept until the page takes it (takeRehearsal). */
let rehearsed: AnalysisResult | null = null;

/**
 * The result of the prewarmed worker's rehearsal, once (null if none was done or it was taken):
 * the page renders it off screen to compile its report views (ui/report/rehearsal.ts).
 */
export function takeRehearsal(): AnalysisResult | null {
	const result = rehearsed;
	rehearsed = null;
	return result;
}

/**
 * Prewarms the engine once the page has loaded and the main thread is idle, unless a client has
 * taken a worker in the meantime (a drop before idle starts its own; a second would go unused).
 * A Cancel schedules this for the retry; the page's first prewarm starts at once (main.ts).
 */
export function prewarmEngineWhenIdle(force = false): void {
	const takenAt = taken;
	const start = () => {
		const go = () => {
			if (taken === takenAt) void prewarmEngine(force);
		};
		if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 2000 });
		else setTimeout(go, 200);
	};
	if (document.readyState === 'complete') start();
	else window.addEventListener('load', start, { once: true });
}

/** The spare worker if one was started (even if still loading), else a new one. */
function takeWorker(areas: readonly AreaName[] = []): Promise<Worker> {
	taken++;
	const ahead = spare;
	spare = null;
	// the prewarm is over for whoever waits for it (prewarmEngineFully): the client's first
	// snapshot aborts the rounds, and a client that ends the worker at once would leave no answer
	ahead?.over();
	return ahead ? ahead.worker.catch(() => startWorker(areas)) : startWorker(areas);
}

/** What Cancel stopped. */
export interface Stopped {
	/** Inputs whose work was stopped (the derivation worker's, the analysis worker's). */
	inputs: string[];
	/** The analysis worker was stopped between inputs (no input named): the page decides which. */
	between: boolean;
	/** Inputs waiting for the derivation worker, not stopped (they start in a fresh one). */
	delegated: string[];
}

interface Job {
	id: number;
	input: DelegatedInput;
}

export class EngineClient {
	private worker: Promise<Worker> | null = null;
	/** Input ids whose bytes the current worker holds (a replaced worker is given them again). */
	private given = new Set<string>();
	private seq = 0;
	private describeCount = 0;
	private warmCount = 0;
	/** Certificate descriptions asked for and not yet answered, by request id. */
	private readonly pending = new Map<number, (d: CertificateDescription | null) => void>();
	/** The analysis worker has not answered the last snapshot yet. */
	private analysing = false;
	/** The input the analysis worker last said it works on (null between inputs). */
	private analysingInput: string | null = null;
	/** The derivation worker, started when the first input is delegated. */
	private deriver: Promise<Worker> | null = null;
	/** The job the derivation worker runs, and those waiting for it (one at a time). */
	private running: Job | null = null;
	private queue: Job[] = [];
	private jobCount = 0;
	/** Input ids of the last snapshot (a job whose input is gone is dropped). */
	private inputIds = new Set<string>();
	/**
	 * Inputs Cancel stopped or the page lists as cancelled: never read again until a snapshot
	 * no longer lists them (Retry), whatever an older analysis run still delegates.
	 */
	private stopped = new Set<string>();
	/** Sequence number of the last snapshot sent; events with this `seq` are current. */
	get lastSeq(): number {
		return this.seq;
	}

	constructor(private readonly onEvent: (event: EngineEvent) => void) {}

	/** Connects a worker's events: module requests, certificate descriptions, errors, the rest. */
	private connect(
		worker: Worker,
		onEvent: (event: EngineEvent) => void,
		onError: (message: string) => void = (message) =>
			this.onEvent({ type: 'crash', runId: -1, seq: this.seq, message }),
	): Worker {
		const channel = pageChannel(worker);
		channel.listen((event) => {
			if (event.type === 'certificate-description') {
				this.pending.get(event.requestId)?.(event.description);
				this.pending.delete(event.requestId);
			} else if (
				event.type !== 'need-module' &&
				event.type !== 'warmed' &&
				event.type !== 'rehearsed'
			)
				onEvent(event);
		});
		worker.addEventListener('error', (e) => onError(e.message || 'The analysis engine stopped'));
		return worker;
	}

	/** `areas`: those the files that start a worker look like they need (see startWorker). */
	private ensure(areas: readonly AreaName[] = []): Promise<Worker> {
		this.worker ??= takeWorker(areas).then((worker) =>
			this.connect(worker, (event) => this.fromAnalysis(event)),
		);
		return this.worker;
	}

	private fromAnalysis(event: EngineEvent): void {
		if (event.type === 'delegate') {
			this.enqueue(event.input);
			return;
		}
		if (event.type === 'progress' && event.seq === this.seq) this.analysingInput = event.inputId;
		if ((event.type === 'result' || event.type === 'crash') && event.seq === this.seq) {
			this.analysing = false;
			this.analysingInput = null;
		}
		this.onEvent(event);
	}

	/** Queues an input for the derivation worker unless it is queued or read already. */
	private enqueue(input: DelegatedInput): void {
		if (this.stopped.has(input.file.id) || !this.inputIds.has(input.file.id)) return;
		const same = (j: Job | null) => j?.input.file.id === input.file.id && j.input.key === input.key;
		if (same(this.running) || this.queue.some(same)) return;
		// a newer request for the same input (other passwords) replaces the queued one
		this.queue = this.queue.filter((j) => j.input.file.id !== input.file.id);
		this.queue.push({ id: ++this.jobCount, input });
		this.pump();
	}

	private pump(): void {
		if (this.running) return;
		const job = this.queue.shift();
		if (!job) return;
		this.running = job;
		// it reads keystores and encrypted keys only: the certificate area's scripts come with it
		this.deriver ??= takeWorker(['pki']).then((worker) =>
			this.connect(
				worker,
				(event) => this.fromDeriver(event),
				(message) => this.deriverFailed(message),
			),
		);
		void this.deriver.then((w) => {
			if (this.running === job)
				pageChannel(w).send({ type: 'read', jobId: job.id, input: job.input });
		});
	}

	/**
	 * The derivation worker stopped on an error of its own (a bug): the input it was reading gets
	 * the message on its card instead of waiting for ever, and the next job gets a fresh worker.
	 */
	private deriverFailed(message: string): void {
		const job = this.running;
		this.stopDeriver();
		if (job)
			this.finished(job.input.file.id, {
				key: job.input.key,
				detection: { kind: 'unknown', reason: 'not analyzed' },
				sha256: '',
				outcome: null,
				error: {
					message: `Internal error while reading the input (please report it): ${message}`,
				},
			});
		else this.pump();
	}

	private fromDeriver(event: EngineEvent): void {
		if (event.type === 'progress') {
			// shown like the analysis worker's progress, as part of the current snapshot
			this.onEvent({ ...event, seq: this.seq });
			return;
		}
		if (event.type !== 'read-done' || this.running?.id !== event.jobId) return;
		this.running = null;
		this.finished(event.inputId, event.entry);
	}

	/** Hands what the derivation worker read to the analysis worker, and starts the next job. */
	private finished(inputId: string, entry: ParsedEntry): void {
		if (this.inputIds.has(inputId)) {
			void this.ensure().then((w) => pageChannel(w).send({ type: 'adopt', inputId, entry }));
			this.analysing = true;
		}
		this.pump();
	}

	/**
	 * Sends the page's state; the worker re-runs the analysis. Only the bytes of files the current
	 * worker does not hold yet travel. Returns the snapshot's sequence number.
	 */
	analyze(snapshot: EngineSnapshot, files: readonly InputFile[]): number {
		const seq = ++this.seq;
		const fresh = files.filter((f) => !this.given.has(f.id));
		for (const f of fresh) this.given.add(f.id);
		const keep = new Set(snapshot.inputIds);
		for (const id of this.given) if (!keep.has(id)) this.given.delete(id);
		this.inputIds = keep;
		this.stopped = new Set(snapshot.cancelled);
		const wanted = (j: Job) => keep.has(j.input.file.id) && !this.stopped.has(j.input.file.id);
		this.queue = this.queue.filter(wanted);
		// the input being derived was removed: nothing will read the result
		if (this.running && !wanted(this.running)) {
			this.stopDeriver();
			this.pump();
		}
		this.analysing = true;
		this.analysingInput = null;
		const hinted = hintedAreas(fresh);
		preloadAreas(hinted);
		const worker = this.ensure(hinted);
		void worker.then((w) =>
			pageChannel(w).send({
				type: 'analyze',
				seq,
				snapshot: structuredClone(snapshot),
				files: fresh,
			}),
		);
		return seq;
	}

	/**
	 * Decodes one certificate's extensions and ASN.1 tree in the engine (the decoder stays out of
	 * the page's script). Not a change of state: it carries no sequence number.
	 */
	async describeCertificate(der: Uint8Array): Promise<CertificateDescription | null> {
		const requestId = ++this.describeCount;
		const answer = new Promise<CertificateDescription | null>((resolve) =>
			this.pending.set(requestId, resolve),
		);
		const worker = await this.ensure();
		pageChannel(worker).send({ type: 'describe-certificate', requestId, der });
		return answer;
	}

	/** Loads these areas' code in the analysis worker now (the bench's fully loaded engine). */
	async warm(areas: AreaName[]): Promise<void> {
		// numbered below zero: the prewarm's request is 0
		await warm(await this.ensure(), areas, -++this.warmCount);
	}

	/** Questions a stopped worker will never answer. */
	private dropPending(): void {
		for (const resolve of this.pending.values()) resolve(null);
		this.pending.clear();
	}

	/** Terminates the derivation worker (its job is dropped); the next job starts a fresh one. */
	private stopDeriver(): string | null {
		const old = this.deriver;
		const job = this.running;
		this.deriver = null;
		this.running = null;
		if (old) void old.then((w) => w.terminate());
		return job?.input.file.id ?? null;
	}

	/**
	 * Stops the work that runs now, and only that: the derivation worker's input (the worker is
	 * terminated: a key derivation in progress cannot be interrupted from inside, and a terminated
	 * worker leaves no job running) and, when it has not answered the last snapshot, the analysis
	 * worker (terminated too; the next `analyze` starts a fresh one, given every file again).
	 * Inputs queued for the derivation worker stay queued and start in a fresh one.
	 */
	async cancel(): Promise<Stopped> {
		const inputs: string[] = [];
		const derived = this.stopDeriver();
		if (derived) inputs.push(derived);
		for (const id of inputs) this.stopped.add(id);
		let between = false;
		if (this.analysing) {
			if (this.analysingInput) {
				inputs.push(this.analysingInput);
				this.stopped.add(this.analysingInput);
			} else between = true;
			await this.stop();
		}
		const delegated = this.queue.map((j) => j.input.file.id);
		// the queued inputs were not running: they start in a fresh derivation worker
		this.pump();
		// the retry that usually follows a cancel finds a warm worker too
		prewarmEngineWhenIdle(true);
		return { inputs, between, delegated };
	}

	private async stop(): Promise<void> {
		const old = this.worker;
		this.worker = null;
		this.given = new Set();
		this.analysing = false;
		this.analysingInput = null;
		this.dropPending();
		if (old) (await old).terminate();
	}

	/** Stops both workers for good (the page is going away or a bench run is over). */
	async dispose(): Promise<void> {
		this.queue = [];
		this.stopDeriver();
		await this.stop();
	}
}
