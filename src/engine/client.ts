// The page's side of the engine: starts the worker (lazily, on the first file), forwards
// requests, and implements cancel by terminating the worker and replaying the state into a new
// one, because key derivation in progress cannot be interrupted from inside.
import type { AnalysisSettings } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';
import type { EngineEvent, EngineRequest } from './protocol';

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
	private files: InputFile[] = [];
	private passwords = new Map<string, string>();
	private entryPasswords = new Map<string, Map<string, string>>();
	private settings: AnalysisSettings | null = null;
	private cancelled = new Set<string>();
	private seq = 0;
	private describeCount = 0;
	/** Certificate descriptions asked for and not yet answered, by request id. */
	private readonly pending = new Map<number, (d: CertificateDescription | null) => void>();
	/** Sequence number of the last request sent; a result with this `seq` is current. */
	get lastSeq(): number {
		return this.seq;
	}

	constructor(private readonly onEvent: (event: EngineEvent) => void) {}

	private ensure(): Promise<Worker> {
		this.worker ??= startWorker().then((worker) => {
			worker.addEventListener('message', (e: MessageEvent<EngineEvent>) => {
				const event = e.data;
				if (event.type === 'certificate-description') {
					this.pending.get(event.requestId)?.(event.description);
					this.pending.delete(event.requestId);
				} else if (event.type === 'need-module') {
					loadYamlSource().then(
						(source) => worker.postMessage({ type: 'module', name: 'yaml', source }),
						(error: unknown) =>
							worker.postMessage({
								type: 'module',
								name: 'yaml',
								source: null,
								error: error instanceof Error ? error.message : String(error),
							} satisfies EngineRequest),
					);
				} else this.onEvent(event);
			});
			worker.addEventListener('error', (e) => {
				this.onEvent({
					type: 'crash',
					runId: -1,
					message: e.message || 'The analysis engine stopped',
				});
			});
			return worker;
		});
		return this.worker;
	}

	private async post(request: EngineRequest): Promise<void> {
		const stamped = { ...request, seq: ++this.seq };
		const worker = await this.ensure();
		worker.postMessage(stamped);
	}

	add(files: InputFile[]): Promise<void> {
		this.files.push(...files);
		return this.post({ type: 'add', files });
	}

	remove(ids: string[]): Promise<void> {
		const gone = new Set(ids);
		this.files = this.files.filter((f) => !gone.has(f.id));
		for (const id of ids) {
			this.passwords.delete(id);
			this.entryPasswords.delete(id);
			this.cancelled.delete(id);
		}
		return this.post({ type: 'remove', ids });
	}

	clear(): Promise<void> {
		this.files = [];
		this.passwords.clear();
		this.entryPasswords.clear();
		this.cancelled.clear();
		return this.post({ type: 'clear' });
	}

	password(id: string, password: string): Promise<void> {
		this.passwords.set(id, password);
		return this.post({ type: 'password', id, password });
	}

	entryPassword(id: string, alias: string, password: string): Promise<void> {
		const map = this.entryPasswords.get(id) ?? new Map<string, string>();
		map.set(alias, password);
		this.entryPasswords.set(id, map);
		return this.post({ type: 'entry-password', id, alias, password });
	}

	updateSettings(settings: AnalysisSettings): Promise<void> {
		this.settings = settings;
		return this.post({ type: 'settings', settings });
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
		worker.postMessage({ type: 'describe-certificate', requestId, der } satisfies EngineRequest);
		return answer;
	}

	/** Questions a stopped worker will never answer. */
	private dropPending(): void {
		for (const resolve of this.pending.values()) resolve(null);
		this.pending.clear();
	}

	/** Stops the running work now; `inputIds` (the files being worked on) are marked cancelled. */
	async cancel(inputIds: string[]): Promise<void> {
		for (const id of inputIds) this.cancelled.add(id);
		const old = this.worker;
		this.worker = null;
		if (old) (await old).terminate();
		this.dropPending();
		const worker = await this.ensure();
		const send = (request: EngineRequest) => worker.postMessage({ ...request, seq: ++this.seq });
		if (this.settings) send({ type: 'settings', settings: this.settings });
		for (const [id, password] of this.passwords) send({ type: 'password', id, password });
		for (const [id, map] of this.entryPasswords) {
			for (const [alias, password] of map) send({ type: 'entry-password', id, alias, password });
		}
		send({ type: 'cancelled', ids: [...this.cancelled] });
		send({ type: 'add', files: this.files });
	}

	/** Stops the worker for good (the page is going away or a bench run is over). */
	async dispose(): Promise<void> {
		const old = this.worker;
		this.worker = null;
		if (old) (await old).terminate();
		this.dropPending();
	}
}
