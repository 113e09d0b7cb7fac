// The page's side of the engine: starts the worker (lazily, on the first file), sends it the
// page's state as snapshots, and implements cancel by terminating the worker (key derivation in
// progress cannot be interrupted from inside); the next snapshot goes to a fresh one.
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';
import { pageChannel, type EngineEvent, type EngineSnapshot } from './protocol';

declare global {
	interface Window {
		/** Set by the lazily loaded assets/engine.js (see vite.config.ts). */
		__wssecEngineSource?: string;
		/** Set by assets/yaml.js, loaded only when the engine reads a YAML file. */
		__wssecYamlSource?: string;
	}
}

const ENGINE_SCRIPT = 'assets/engine.js';
const YAML_SCRIPT = 'assets/yaml.js';

/**
 * Loads a classic script that stores a worker script's text in a global (a classic script
 * loads from file:// and from any sub-path, where fetch and module scripts do not).
 */
function loadSource(src: string, read: () => string | undefined, what: string): Promise<string> {
	const ready = read();
	if (ready) return Promise.resolve(ready);
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = src;
		script.onload = () => {
			const source = read();
			if (source) resolve(source);
			else reject(new Error(`${what} did not load`));
		};
		script.onerror = () => reject(new Error(`Could not load ${src}`));
		document.head.append(script);
	});
}

const loadEngineSource = () =>
	loadSource(ENGINE_SCRIPT, () => window.__wssecEngineSource, 'The analysis engine');
const loadYamlSource = () =>
	loadSource(YAML_SCRIPT, () => window.__wssecYamlSource, 'The YAML reader');

async function startWorker(): Promise<Worker> {
	if (import.meta.env.DEV) {
		// A plain string keeps Vite from emitting a second copy of the worker into the build.
		const devUrl = '/src/engine/worker.ts';
		return new Worker(devUrl, { type: 'module', name: 'wssec-engine' });
	}
	const source = await loadEngineSource();
	// A Blob worker works from file:// as well as from any static host.
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	try {
		return new Worker(url, { name: 'wssec-engine' });
	} finally {
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
}

export class EngineClient {
	private worker: Promise<Worker> | null = null;
	/** Input ids whose bytes the current worker holds (a replaced worker is given them again). */
	private given = new Set<string>();
	private seq = 0;
	private describeCount = 0;
	/** Certificate descriptions asked for and not yet answered, by request id. */
	private readonly pending = new Map<number, (d: CertificateDescription | null) => void>();
	/** Sequence number of the last snapshot sent; events with this `seq` are current. */
	get lastSeq(): number {
		return this.seq;
	}

	constructor(private readonly onEvent: (event: EngineEvent) => void) {}

	private ensure(): Promise<Worker> {
		this.worker ??= startWorker().then((worker) => {
			const channel = pageChannel(worker);
			channel.listen((event) => {
				if (event.type === 'certificate-description') {
					this.pending.get(event.requestId)?.(event.description);
					this.pending.delete(event.requestId);
				} else if (event.type === 'need-module') {
					loadYamlSource().then(
						(source) => channel.send({ type: 'module', name: 'yaml', source }),
						(error: unknown) =>
							channel.send({
								type: 'module',
								name: 'yaml',
								source: null,
								error: error instanceof Error ? error.message : String(error),
							}),
					);
				} else this.onEvent(event);
			});
			worker.addEventListener('error', (e) => {
				this.onEvent({
					type: 'crash',
					runId: -1,
					seq: this.seq,
					message: e.message || 'The analysis engine stopped',
				});
			});
			return worker;
		});
		return this.worker;
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
		const worker = this.ensure();
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

	/** Questions a stopped worker will never answer. */
	private dropPending(): void {
		for (const resolve of this.pending.values()) resolve(null);
		this.pending.clear();
	}

	/**
	 * Stops the running work now: the worker is terminated (a key derivation in progress cannot
	 * be interrupted from inside, and a terminated worker leaves no job running) and the next
	 * `analyze` starts a fresh one, given every file again.
	 */
	async cancel(): Promise<void> {
		const old = this.worker;
		this.worker = null;
		this.given = new Set();
		this.dropPending();
		if (old) (await old).terminate();
	}

	/** Stops the worker for good (the page is going away or a bench run is over). */
	async dispose(): Promise<void> {
		await this.cancel();
	}
}
