// The engine's rehearsal. V8 compiles a function when it first runs, so a worker that has only
// loaded its scripts still compiles the XML parser, the canonicalizer, the digest and signature
// code and the rules during the first drop, and runs them in the interpreter: measured, a third
// of a warm page's time for a 100 KB envelope and most of the spread of a 1 MB one. The idle
// prewarm (client.ts) therefore has the worker analyze two small signed documents made by real
// producers, once, on an Analyzer of its own whose result is dropped. A snapshot that arrives
// meanwhile aborts it (worker.ts): the user's drop never waits for more than its unwinding.
import { Analyzer, type AnalysisResult } from '../analyze';
import { emptySettings } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import { WSS4J_BST_ENVELOPE, XMLSEC1_ENVELOPED_KEYVALUE } from './rehearsal-samples';

/**
 * A WS-Security envelope (BinarySecurityToken, Timestamp, exc-c14n, RSA-SHA256) and an enveloped
 * XML-DSig document with a KeyValue: between them the path of the common first drop, a captured
 * SOAP request, and of a plain signed document.
 */
const SAMPLES: readonly (readonly [string, string])[] = [
	['rehearsal-wss4j-bst.xml', WSS4J_BST_ENVELOPE],
	['rehearsal-xmlsec1-keyvalue.xml', XMLSEC1_ENVELOPED_KEYVALUE],
];

/**
 * Analyzes the samples once, as a drop of them would be; resolves with the result (null when
 * aborted). Nothing is kept: the Analyzer is this call's own and the result goes to the caller.
 */
export async function rehearse(signal: AbortSignal): Promise<AnalysisResult | null> {
	const encoder = new TextEncoder();
	const files: InputFile[] = SAMPLES.map(([name, text], i) => ({
		id: `rehearsal-${i}`,
		name,
		bytes: encoder.encode(text),
	}));
	try {
		return await new Analyzer().run(
			{
				files,
				passwords: {},
				entryPasswords: {},
				settings: emptySettings(),
			},
			() => {},
			signal,
		);
	} catch (error) {
		if (signal.aborted) return null;
		throw error;
	}
}

/** What became of a worker's rehearsal: RehearsalGate.start's answer (its tests read it). */
export type RehearsalOutcome = 'done' | 'skipped' | 'aborted' | 'failed';

/**
 * One worker's rehearsal: run at most once, never beside an analysis. `start` runs it unless the
 * worker is busy with a drop (`busy`); `yieldTo` aborts a running one and resolves once it has
 * unwound, before the drop's analysis starts.
 */
export class RehearsalGate {
	private running: { controller: AbortController; done: Promise<RehearsalOutcome> } | null = null;
	private outcome: Promise<RehearsalOutcome> | null = null;
	/** The result of a rehearsal that was done, until taken (takeResult). */
	private result: AnalysisResult | null = null;

	constructor(
		private readonly run: (
			signal: AbortSignal,
		) => Promise<AnalysisResult | null | undefined | void> = (signal) => rehearse(signal),
	) {}

	start(busy: () => boolean): Promise<RehearsalOutcome> {
		if (this.outcome) return this.outcome;
		// a drop's analysis running or about to: it compiles the code itself
		if (busy()) return (this.outcome = Promise.resolve('skipped'));
		const controller = new AbortController();
		const done = this.run(controller.signal).then(
			(result): RehearsalOutcome => {
				if (controller.signal.aborted) return 'aborted';
				this.result = result ?? null;
				return 'done';
			},
			(error: unknown): RehearsalOutcome => {
				// the rehearsal only compiles code ahead of time: a failure leaves that to the first
				// drop, whose own analysis of its input reports whatever went wrong there
				void error;
				return controller.signal.aborted ? 'aborted' : 'failed';
			},
		);
		this.running = { controller, done };
		void done.then(() => {
			if (this.running?.done === done) this.running = null;
		});
		return (this.outcome = done);
	}

	/**
	 * The rehearsal's result once it is done, to the first asker (null before, after, and when it
	 * was skipped, aborted or failed): the page renders it once, off screen, to compile its report
	 * views (ui/report/rehearsal.ts); the worker then holds none of it.
	 */
	takeResult(): AnalysisResult | null {
		const result = this.result;
		this.result = null;
		return result;
	}

	/** Aborts a running rehearsal; resolves once it has unwound (at once when none runs). */
	async yieldTo(): Promise<void> {
		const running = this.running;
		if (!running) return;
		running.controller.abort();
		await running.done;
	}
}
