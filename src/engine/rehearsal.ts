// The engine's rehearsal. V8 compiles a function when it first runs, so a worker that has only
// loaded its scripts still compiles the XML parser, the canonicalizer, the digest and signature
// code and the rules during the first drop, and runs them in the interpreter: measured, a third
// of a warm page's time for a 100 KB envelope and most of the spread of a 1 MB one. The idle
// prewarm (client.ts) therefore has the worker analyze two small signed documents made by real
// producers, once, on an Analyzer of its own whose result is dropped, and then read and
// canonicalize a large envelope a number of times (BULK). A snapshot that arrives meanwhile aborts
// it (worker.ts): the user's drop waits for the step in progress (the rehearsal's analysis gives
// the event loop a turn between any two of its steps, Turn(0)) and its unwinding.
import { Analyzer, type AnalysisResult } from '../analyze';
import { emptySettings } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import { loadArea } from '../areas';
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
 * It gives the event loop a turn before each input and each stage, so that a drop's message is
 * seen there: traced on a page just opened, a drop that came as the rehearsal started had waited
 * for its first 50 ms (a real run's turns), and now waits 10 ms.
 */
export async function rehearse(signal: AbortSignal): Promise<AnalysisResult | null> {
	const encoder = new TextEncoder();
	const files: InputFile[] = SAMPLES.map(([name, text], i) => ({
		id: `rehearsal-${i}`,
		name,
		bytes: encoder.encode(text),
	}));
	try {
		return await new Analyzer({ turnMs: 0 }).run(
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

/**
 * The large-document rounds. From skeletonLimits.minChars on, a SOAP envelope takes another path:
 * the skeleton parser and the region canonicalizer (core/xml/stream, xmldsig/c14n.ts) read its
 * bulk in place, in loops only such a document makes hot, and V8 optimizes a function only once
 * it has run a while. Measured on a warm page, a 1 MB envelope's canonicalization took 55–70 ms
 * the first time, a fifth of that once optimized. So the worker reads and canonicalizes the WSS4J
 * envelope, with order items added to its Body until it is `chars` long, `rounds` times, with the
 * limits lowered for the round (xmldsig/skeleton-canonical.ts: within its synchronous task). The
 * items alternate between attributes in canonical order (copied as written) and attributes
 * canonicalization reorders (rewritten tag by tag).
 *
 * A/B over fresh pages, medians of 10: the warm page's 1 MB drop took 103–108 ms without the
 * rounds, 73 after 8 and 58–67 after 16. Rounds cost memory: what they leave alive in the young
 * generation makes V8 grow it, and a later 10 MB verification's engine peak (over 8 pages) rose
 * from 25.4–27.2 MB to 27.6–30.1 with 16 rounds; with the canonicalizer's pending text flushed
 * every 16 KB instead of 64 (c14n.ts, CHUNK), 26.4–28.1. Whole analyses as rounds left their
 * facts and reports to outlive minor collections too: 3–5 MB more; these rounds only read and
 * canonicalize.
 */
export const BULK = {
	rounds: 16,
	chars: 48 * 1024,
	/** After the samples' rehearsal, time left to the page's own start (it shares the cores). */
	delayMs: 300,
	/** Where the items go: the start of the WSS4J envelope's Body content. */
	marker: '<ex:PlaceOrder>',
	/** One item of each kind: canonical as written, and rewritten by canonicalization. */
	items: [
		'<ex:item qty="2" sku="SKU-7">Widget 7 &amp; co, second shelf</ex:item>',
		'\n  <ex:item sku="SKU-8" qty="3">Widget 8 &lt;boxed&gt;</ex:item>',
	],
};

/** `sample` with `item` repeated after `marker` until it is at least `chars` long. */
export function bulkSample(sample: string, marker: string, item: string, chars: number): string {
	const at = sample.indexOf(marker);
	if (at === -1) throw new TypeError('the rehearsal sample lacks the place for its items');
	const end = at + marker.length;
	const copies = Math.max(1, Math.ceil((chars - sample.length) / item.length));
	return sample.slice(0, end) + item.repeat(copies) + sample.slice(end);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, { once: true });
	});
}

/**
 * Runs the large-document rounds (BULK), one per task so that a drop's snapshot is seen between
 * them; stops when `signal` aborts.
 */
export async function rehearseLargeDocuments(
	signal: AbortSignal,
	bulk: { rounds: number; chars: number; delayMs: number } = BULK,
): Promise<void> {
	await pause(bulk.delayMs, signal);
	const { canonicalLengthAsSkeleton } = await loadArea('xml-security');
	const samples = BULK.items.map((item) =>
		bulkSample(WSS4J_BST_ENVELOPE, BULK.marker, item, bulk.chars),
	);
	const limits = { minChars: bulk.chars / 2, minRegion: bulk.chars / 4 };
	for (let round = 0; round < bulk.rounds; round++) {
		if (round > 0) await new Promise((resolve) => setTimeout(resolve, 0));
		if (signal.aborted) return;
		canonicalLengthAsSkeleton(samples[round % samples.length] as string, limits);
	}
}

/** What became of a worker's rehearsal: RehearsalGate.start's answer (its tests read it). */
export type RehearsalOutcome = 'done' | 'skipped' | 'aborted' | 'failed';

/**
 * One worker's rehearsal: run at most once, never beside an analysis. `start` runs the samples'
 * rehearsal unless the worker is busy with a drop (`busy`), and `startBulk` then the large-document
 * rounds; `yieldTo` aborts whichever runs and resolves once it has unwound, before the drop's
 * analysis starts.
 */
export class RehearsalGate {
	private running: { controller: AbortController; done: Promise<RehearsalOutcome> } | null = null;
	private outcome: Promise<RehearsalOutcome> | null = null;
	private bulkOutcome: Promise<RehearsalOutcome> | null = null;
	/** The result of a rehearsal that was done, until taken (takeResult). */
	private result: AnalysisResult | null = null;

	constructor(
		private readonly run: (
			signal: AbortSignal,
		) => Promise<AnalysisResult | null | undefined | void> = (signal) => rehearse(signal),
		private readonly bulk: (signal: AbortSignal) => Promise<unknown> = (signal) =>
			rehearseLargeDocuments(signal),
	) {}

	start(busy: () => boolean): Promise<RehearsalOutcome> {
		this.outcome ??= this.launch(busy, async (signal) => {
			const result = await this.run(signal);
			if (!signal.aborted) this.result = result ?? null;
		});
		return this.outcome;
	}

	/**
	 * The large-document rounds, once, after a samples' rehearsal that was done ('skipped'
	 * otherwise: a drop has compiled or is compiling the code itself).
	 */
	async startBulk(busy: () => boolean): Promise<RehearsalOutcome> {
		if (!this.bulkOutcome) {
			const first = this.outcome ? await this.outcome : 'skipped';
			this.bulkOutcome ??=
				first === 'done'
					? this.launch(busy, (signal) => this.bulk(signal))
					: Promise.resolve('skipped');
		}
		return this.bulkOutcome;
	}

	private launch(
		busy: () => boolean,
		work: (signal: AbortSignal) => Promise<unknown>,
	): Promise<RehearsalOutcome> {
		// a drop's analysis running or about to: it compiles the code itself
		if (busy() || this.running) return Promise.resolve('skipped');
		const controller = new AbortController();
		const done = work(controller.signal).then(
			(): RehearsalOutcome => (controller.signal.aborted ? 'aborted' : 'done'),
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
		return done;
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
