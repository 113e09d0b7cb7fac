// The engine worker: holds only the analysis cache (file bytes by input id and the Analyzer's
// parse results) and re-runs the analysis for every snapshot the page sends (a newer snapshot
// aborts the running one). All parsing, cryptography and XML work happens here, never on the
// page's thread; each input's result is posted as soon as it is done. The same script is the
// derivation worker (protocol.ts): it answers `read` requests, one input at a time.
import { Analyzer, type AnalysisRequest, type DelegatedInput, type ParsedEntry } from '../analyze';
import { loadArea } from '../areas';
import { describeFailure } from '../core/errors';
import { isTextBacked, releaseBuffer } from '../core/bytes/text-backed';
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';
import { setYamlLoader, type YamlLib } from '../core/tls/formats/yaml';
import { installChunkLoader } from './chunks';
import { RehearsalGate } from './rehearsal';
import { workerChannel, type EngineSnapshot } from './protocol';

interface WorkerScope {
	importScripts(...urls: string[]): void;
	/** Set by assets/yaml.js's source once imported (see vite.config.ts). */
	__wssecYaml?: YamlLib;
}

const scope = self as unknown as WorkerScope;
const channel = workerChannel(self);

/** Sources asked of the page with `need-module` and not answered yet, by name. */
const asked = new Map<string, { promise: Promise<Blob>; answer: (m: ModuleAnswer) => void }>();
type ModuleAnswer = { source: Blob | null; error?: string };

/** The source of a script the page holds: an engine area's (chunks.ts) or the YAML library. */
function pageModule(name: string): Promise<Blob> {
	const pending = asked.get(name);
	if (pending) return pending.promise;
	let answer: (m: ModuleAnswer) => void = () => {};
	const promise = new Promise<Blob>((resolve, reject) => {
		answer = ({ source, error }) => {
			asked.delete(name);
			if (source === null) reject(new Error(error ?? 'the page did not send it'));
			else resolve(source);
		};
	});
	asked.set(name, { promise, answer });
	channel.send({ type: 'need-module', name });
	return promise;
}

/**
 * The built engine is a Blob worker: it cannot import a chunk (a file:// page's worker may not
 * load file:// scripts), so it asks the page for the sources of its area scripts (chunks.ts) and
 * of the YAML library, and runs them from Blob URLs of its own. In development the worker is a
 * module and imports them directly.
 */
if (!import.meta.env.DEV) {
	installChunkLoader(pageModule);
	setYamlLoader(async () => {
		const url = URL.createObjectURL(await pageModule('yaml'));
		try {
			scope.importScripts(url);
		} finally {
			URL.revokeObjectURL(url);
		}
		if (scope.__wssecYaml) return scope.__wssecYaml;
		throw new Error('assets/yaml.js did not define the YAML library');
	});
}
const analyzer = new Analyzer();
/** File bytes by input id: part of the cache, sent once per worker. */
const files = new Map<string, InputFile>();
/** The bytes as received, until the analysis keeps the input as text (see releaseReceived). */
const received = new Map<string, Uint8Array>();

/**
 * One copy per input: once the analysis keeps an input's text (an XML document) its bytes are
 * rebuilt from the text on use (bytes/text-backed.ts), so the copy that came with the message is
 * freed now rather than at the next full garbage collection. This worker is its only holder.
 */
function releaseReceived(inputId: string): void {
	const file = files.get(inputId);
	const bytes = received.get(inputId);
	if (!file || !bytes || !isTextBacked(file)) return;
	received.delete(inputId);
	for (const other of received.values()) if (other.buffer === bytes.buffer) return;
	releaseBuffer(bytes);
}
/**
 * The prewarm's rehearsal (rehearsal.ts), run once per worker: a snapshot aborts it, and the
 * analysis it asks for starts once the rehearsal has unwound, so the two never interleave.
 */
const rehearsal = new RehearsalGate();

let runId = 0;
let current: AbortController | null = null;
let latest: { seq: number; snapshot: EngineSnapshot } | null = null;
let scheduled = false;

function schedule(): void {
	current?.abort();
	if (scheduled) return;
	scheduled = true;
	queueMicrotask(() => {
		scheduled = false;
		if (latest) void run(latest.seq, latest.snapshot);
	});
}

async function run(seq: number, snapshot: EngineSnapshot): Promise<void> {
	const id = ++runId;
	const controller = new AbortController();
	current = controller;
	await rehearsal.yieldTo();
	if (controller.signal.aborted) return; // a newer snapshot came meanwhile
	channel.send({ type: 'busy', runId: id, seq });
	const request: AnalysisRequest = {
		files: snapshot.inputIds.flatMap((i) => {
			const f = files.get(i);
			return f ? [f] : [];
		}),
		cancelled: snapshot.cancelled,
		passwords: snapshot.passwords,
		entryPasswords: snapshot.entryPasswords,
		settings: snapshot.settings,
	};
	const waiting: string[] = [];
	try {
		const result = await analyzer.run(
			request,
			(label, fraction, inputId) => {
				channel.send({
					type: 'progress',
					runId: id,
					seq,
					inputId: inputId ?? null,
					label,
					...(fraction === undefined ? {} : { fraction }),
				});
			},
			controller.signal,
			(input) => {
				releaseReceived(input.id);
				if (!controller.signal.aborted) channel.send({ type: 'input', runId: id, seq, input });
			},
			(input) => {
				waiting.push(input.file.id);
				channel.send({ type: 'delegate', input });
			},
		);
		if (controller.signal.aborted) return;
		channel.send({ type: 'result', runId: id, result, seq, waiting });
	} catch (error) {
		if (controller.signal.aborted) return;
		channel.send({
			type: 'crash',
			runId: id,
			seq,
			message: error instanceof Error ? error.message : String(error),
		});
	} finally {
		if (current === controller) current = null;
	}
}

async function describe(requestId: number, der: Uint8Array): Promise<void> {
	let description: CertificateDescription | null;
	try {
		const { certificateExtensions } = await loadArea('pki');
		description = { extensions: certificateExtensions(der) };
	} catch (error) {
		// the certificate's extensions cannot be decoded: the card shows why (a bug included, since
		// this question concerns that card alone and must not end the engine)
		description = {
			extensions: [],
			error: describeFailure(error, 'certificate extensions').message,
		};
	}
	channel.send({ type: 'certificate-description', requestId, description });
}

/** The derivation worker's job: read one input; termination (Cancel) is what stops it. */
async function read(jobId: number, input: DelegatedInput): Promise<void> {
	const entry = await analyzer
		.readAlone(
			input,
			(label, fraction) =>
				channel.send({
					type: 'progress',
					runId: -1,
					seq: -1,
					inputId: input.file.id,
					label,
					...(fraction === undefined ? {} : { fraction }),
				}),
			new AbortController().signal,
		)
		.catch((error: unknown): ParsedEntry => ({
			key: input.key,
			detection: { kind: 'unknown', reason: 'not analyzed' },
			sha256: '',
			outcome: null,
			error: { message: describeFailure(error, 'reading the input').message },
		}));
	// the derivation worker keeps nothing: the analysis worker holds the cache
	analyzer.forget(new Set());
	try {
		channel.send({ type: 'read-done', jobId, inputId: input.file.id, entry });
	} catch (error) {
		// an outcome that cannot be cloned is a bug: the input's card says so instead of waiting
		const message = describeFailure(error, 'handing the input to the analysis').message;
		channel.send({
			type: 'read-done',
			jobId,
			inputId: input.file.id,
			entry: { ...entry, outcome: null, error: { message } },
		});
	}
}

channel.listen((msg) => {
	if (msg.type === 'read') {
		void read(msg.jobId, msg.input);
		return;
	}
	if (msg.type === 'adopt') {
		if (!files.has(msg.inputId)) return; // removed meanwhile
		analyzer.adopt(msg.inputId, msg.entry);
		schedule();
		return;
	}
	if (msg.type === 'describe-certificate') {
		void describe(msg.requestId, msg.der);
		return;
	}
	if (msg.type === 'module') {
		asked.get(msg.name)?.answer(msg);
		return;
	}
	if (msg.type === 'warm') {
		// a failed load is not the prewarm's to report: the input that needs the area says why
		// with the XML-security code loaded, the rehearsal compiles it (it is over, or aborted by a
		// drop, before the prewarm says the engine is warm)
		void Promise.allSettled(msg.areas.map((a) => loadArea(a)))
			// one task later: a drop's snapshot already posted behind this message (a client that
			// took the prewarm's worker while it was starting) is then seen, and no rehearsal starts
			.then(() => new Promise((resolve) => setTimeout(resolve, 0)))
			.then(() =>
				msg.areas.includes('xml-security')
					? rehearsal.start(() => !!current || scheduled)
					: undefined,
			)
			.then((outcome) => {
				// the result once, to the prewarm that started it: the page compiles its report
				// views with it (a client's later warm() is answered without it)
				const result = outcome === 'done' ? rehearsal.takeResult() : null;
				channel.send({
					type: 'warmed',
					requestId: msg.requestId,
					...(result ? { rehearsal: result } : {}),
				});
				// then the large-document rounds, which the page need not wait for
				return rehearsal.startBulk(() => !!current || scheduled);
			})
			.then(() => channel.send({ type: 'rehearsed', requestId: msg.requestId }));
		return;
	}
	for (const f of msg.files) {
		files.set(f.id, f);
		received.set(f.id, f.bytes);
	}
	const keep = new Set(msg.snapshot.inputIds);
	for (const id of files.keys()) if (!keep.has(id)) files.delete(id);
	for (const id of received.keys()) if (!keep.has(id)) received.delete(id);
	analyzer.forget(keep);
	if (!latest || msg.seq >= latest.seq) latest = { seq: msg.seq, snapshot: msg.snapshot };
	schedule();
});
