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
	}
}

const ENGINE_SCRIPT = 'assets/engine.js';

function loadEngineSource(): Promise<string> {
	if (window.__wssecEngineSource) return Promise.resolve(window.__wssecEngineSource);
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = ENGINE_SCRIPT;
		script.onload = () => {
			if (window.__wssecEngineSource) resolve(window.__wssecEngineSource);
			else reject(new Error('The analysis engine did not load'));
		};
		script.onerror = () => reject(new Error(`Could not load ${ENGINE_SCRIPT}`));
		document.head.append(script);
	});
}

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
			pageChannel(worker).listen((event) => {
				if (event.type === 'certificate-description') {
					this.pending.get(event.requestId)?.(event.description);
					this.pending.delete(event.requestId);
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
