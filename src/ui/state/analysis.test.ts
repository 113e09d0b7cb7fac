// AnalysisState against a scripted engine: pending/parsed status per input, busy until the result
// that answers the last request, stale results after "clear all", settings and secret redaction.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analyze';
import { emptyFacts, type InputFacts } from '../../core/facts';
import type { InputFile } from '../../core/pipeline';
import { buildReport } from '../../core/report/build-report';
import type { EngineClient } from '../../engine/client';
import type { EngineEvent, EngineSnapshot } from '../../engine/protocol';
import { AnalysisState, SMALL_INPUT_BYTES } from './analysis.svelte';

/** Records snapshots like EngineClient (with sequence numbers) and lets the test answer them. */
class FakeEngine {
	seq = 0;
	files: InputFile[] = [];
	snapshot: EngineSnapshot | null = null;
	cancels = 0;
	/** The input the last progress event named, as EngineClient tracks it for Cancel. */
	working: string | null = null;
	readonly emit: (event: EngineEvent) => void;
	constructor(toPage: (event: EngineEvent) => void) {
		this.emit = (event) => {
			if (event.type === 'progress') this.working = event.inputId;
			toPage(event);
		};
	}
	get lastSeq() {
		return this.seq;
	}
	get passwords() {
		return this.snapshot?.passwords ?? {};
	}
	get settings() {
		return this.snapshot?.settings ?? null;
	}
	analyze(snapshot: EngineSnapshot, files: readonly InputFile[]) {
		this.snapshot = structuredClone(snapshot);
		this.files = files.filter((f) => snapshot.inputIds.includes(f.id));
		return ++this.seq;
	}
	cancel() {
		this.cancels++;
		const inputs = this.working ? [this.working] : [];
		return Promise.resolve({ inputs, between: inputs.length === 0, delegated: [] });
	}
	dispose() {
		return Promise.resolve();
	}
	/** One input's own result, as the worker posts it when that input is done. */
	input(name: string, status: InputFacts['status'] = 'parsed', seq = this.seq) {
		const f = this.files.find((x) => x.name === name)!;
		this.emit({
			type: 'input',
			runId: 1,
			seq,
			input: {
				id: f.id,
				name: f.name,
				size: f.bytes.length,
				sha256: 'ab',
				kind: 'pkcs12',
				kindReason: 'test',
				status,
			},
		});
	}
	/** Answers with a result in which each file has the given status (default parsed). */
	answer(status: Record<string, InputFacts['status']> = {}, seq = this.seq, evidence = '') {
		const facts = emptyFacts('2026-01-01T00:00:00Z');
		for (const f of this.files) {
			if (this.snapshot?.cancelled.includes(f.id)) continue;
			const s = status[f.name] ?? 'parsed';
			facts.inputs.push({
				id: f.id,
				name: f.name,
				size: f.bytes.length,
				sha256: 'ab',
				kind: 'pkcs12',
				kindReason: 'test',
				status: s,
				...(s === 'locked' ? { lock: { message: 'locked', wrongPassword: false } } : {}),
			});
		}
		const findings = evidence
			? [
					{
						ruleId: 'KEYSTORE-DEFAULT-PASSWORD',
						severity: 'high' as const,
						title: 't',
						inputName: null,
						subject: 's',
						evidence,
						remediation: 'r',
						references: [],
						area: 'keystore' as const,
						effect: 'cap B' as const,
					},
				]
			: [];
		const result: AnalysisResult = { facts, report: buildReport(facts, findings, facts.now) };
		this.emit({ type: 'result', runId: 1, result, seq });
	}
}

function setup() {
	const holder: { engine?: FakeEngine } = {};
	const state = new AnalysisState((emit) => {
		holder.engine = new FakeEngine(emit);
		return holder.engine as unknown as EngineClient;
	});
	return { state, engine: holder.engine! };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('AnalysisState', () => {
	it('inputs are pending and the page busy until the result answering the last request', () => {
		const { state, engine } = setup();
		expect(state.busy).toBe(false);
		state.addBytes([{ name: 'a.p12', bytes: bytes('a') }]);
		state.addBytes([{ name: 'b.p12', bytes: bytes('b') }]);
		expect(state.busy).toBe(true);
		expect(state.inputs.map((i) => state.statusOf(i))).toEqual(['pending', 'pending']);
		engine.answer({}, engine.seq - 1); // an older run: still busy
		expect(state.busy).toBe(true);
		engine.answer({ 'b.p12': 'locked' });
		expect(state.busy).toBe(false);
		expect(state.inputs.map((i) => state.statusOf(i))).toEqual(['parsed', 'locked']);
	});

	it('a typed password makes the input pending again until its result arrives', () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'a.p12', bytes: bytes('a') }]);
		engine.answer({ 'a.p12': 'locked' });
		const input = state.inputs[0]!;
		state.unlock(input.id, 'Secret-Pass-1');
		expect(engine.passwords[input.id]).toBe('Secret-Pass-1');
		expect(state.statusOf(state.inputs[0]!)).toBe('pending');
		expect(state.busy).toBe(true);
		engine.answer();
		expect(state.statusOf(state.inputs[0]!)).toBe('parsed');
	});

	it('results of requests sent before "clear all" are ignored', () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'a.p12', bytes: bytes('a') }]);
		const before = engine.seq;
		const files = [...engine.files];
		state.clear();
		engine.files = files;
		engine.answer({}, before);
		expect(state.result).toBeNull();
		expect(state.inputs).toEqual([]);
		engine.files = [];
		engine.answer();
		expect(state.busy).toBe(false);
	});

	it('settings go to the engine as plain data', () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'store.jks', bytes: bytes('x') }]);
		const id = state.inputs[0]!.id;
		state.actions.setTruststore(id, true);
		state.actions.toggleTrustAnchor('aa');
		state.actions.setCaptureTime('2026-01-31T12:00:00.000Z');
		state.actions.addRawKey('k', 'AES', new Uint8Array(16));
		expect(state.actions.isTruststore(id)).toBe(true);
		expect(state.actions.isTrustAnchor('aa')).toBe(true);
		expect(engine.settings).toMatchObject({
			truststoreInputs: [id],
			trustAnchors: ['aa'],
			captureTime: '2026-01-31T12:00:00.000Z',
		});
		expect(structuredClone(engine.settings)).toEqual(engine.settings);
		expect(state.rawKeys).toEqual([{ id: 'key1', name: 'k', algorithm: 'AES', length: 16 }]);
		state.remove(id);
		expect(engine.settings?.truststoreInputs).toEqual([]);
	});

	it('small files keep their bytes for the raw-key offer, larger ones do not', () => {
		const { state } = setup();
		state.addBytes([
			{ name: 'key.bin', bytes: new Uint8Array(32) },
			{ name: 'key.hex', bytes: new Uint8Array(SMALL_INPUT_BYTES) },
			{ name: 'big.bin', bytes: new Uint8Array(SMALL_INPUT_BYTES + 1) },
		]);
		expect(state.inputs.map((i) => i.small?.length ?? null)).toEqual([32, SMALL_INPUT_BYTES, null]);
	});

	it('pasted text is numbered', () => {
		const { state } = setup();
		state.addText('-----BEGIN CERTIFICATE-----');
		state.addText('   ');
		state.addText('ssl_protocols TLSv1.2;');
		expect(state.inputs.map((i) => i.name)).toEqual(['Pasted text 1', 'Pasted text 2']);
	});

	it('the exportable report has typed passwords scrubbed', () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'a.p12', bytes: bytes('a') }]);
		state.unlock(state.inputs[0]!.id, 'Typed-Secret-99');
		engine.answer({}, engine.seq, 'opened with Typed-Secret-99');
		expect(JSON.stringify(state.report)).toContain('Typed-Secret-99');
		expect(JSON.stringify(state.exportableReport())).not.toContain('Typed-Secret-99');
	});

	it('each input shows its own result as soon as the engine posts it', () => {
		const { state, engine } = setup();
		state.addBytes([
			{ name: 'slow.p12', bytes: bytes('a') },
			{ name: 'cert.pem', bytes: bytes('b') },
		]);
		engine.input('cert.pem', 'parsed');
		state.flushInputs(); // what the batch timer does
		expect(state.inputs.map((i) => state.statusOf(i))).toEqual(['pending', 'parsed']);
		expect(state.busy).toBe(true);
		engine.answer({ 'slow.p12': 'locked' });
		expect(state.inputs.map((i) => state.statusOf(i))).toEqual(['locked', 'parsed']);
		expect(state.busy).toBe(false);
	});

	it('Cancel stops only the input the engine works on; the others keep their results', async () => {
		const { state, engine } = setup();
		state.addBytes([
			{ name: 'cert.pem', bytes: bytes('a') },
			{ name: 'slow.p12', bytes: bytes('b') },
			{ name: 'next.pem', bytes: bytes('c') },
		]);
		engine.input('cert.pem');
		state.flushInputs();
		const slow = state.inputs[1]!;
		engine.emit({ type: 'progress', runId: 1, seq: engine.seq, inputId: slow.id, label: 'x' });
		await state.cancel();
		expect(engine.cancels).toBe(1);
		expect(engine.snapshot?.cancelled).toEqual([slow.id]);
		// every file goes to the fresh worker again; the cancelled one is recorded, not parsed
		expect(engine.files.map((f) => f.name)).toEqual(['cert.pem', 'slow.p12', 'next.pem']);
		expect(state.inputs.map((i) => state.statusOf(i))).toEqual(['parsed', 'error', 'pending']);
		expect(state.factsOf(slow.id)?.error).toContain('cancelled');
		expect(state.isCancelled(slow.id)).toBe(true);
	});

	it('Retry analyzes a cancelled input again', async () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'slow.p12', bytes: bytes('b') }]);
		const slow = state.inputs[0]!;
		engine.emit({ type: 'progress', runId: 1, seq: engine.seq, inputId: slow.id, label: 'x' });
		await state.cancel();
		engine.answer();
		expect(state.statusOf(slow)).toBe('error');
		state.retry(slow.id);
		expect(engine.snapshot?.cancelled).toEqual([]);
		expect(state.statusOf(state.inputs[0]!)).toBe('pending');
		engine.answer();
		expect(state.statusOf(state.inputs[0]!)).toBe('parsed');
	});
});

describe('reading large files', () => {
	it('reports progress while reading and hands the engine every byte', async () => {
		const { state, engine } = setup();
		const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
		expect(state.progress).toBeNull();
		await state.addFiles([
			new File([big.subarray(0, 1024 * 1024)], 'a.bin'),
			new File([big], 'big.bin'),
		]);
		// The last chunk read leaves the bar full, labelled with the file, until the engine reports.
		expect(state.progress?.fraction).toBe(1);
		expect(state.progress?.label).toMatch(/^Reading big\.bin \(4 of 4 MB\)/);
		const sent = engine.files[1]?.bytes ?? new Uint8Array();
		expect(sent.length).toBe(big.length);
		expect(Buffer.compare(Buffer.from(sent), Buffer.from(big))).toBe(0);
	});

	it('Cancel while a file is read: it arrives cancelled, with Retry, and is not analyzed', async () => {
		const { state, engine } = setup();
		engine.answer();
		// a file whose second chunk comes when the test says: Cancel is pressed in between
		let release = () => {};
		const gate = new Promise<void>((done) => (release = done));
		const chunk = new Uint8Array(2 * 1024 * 1024).fill(0x41);
		const file = new File([chunk, chunk], 'slow.xml');
		const stream = () =>
			new ReadableStream<Uint8Array>({
				async start(controller) {
					controller.enqueue(chunk);
					await gate;
					controller.enqueue(chunk);
					controller.close();
				},
			});
		Object.defineProperty(file, 'stream', { value: stream });
		const adding = state.addFiles([file]);
		await new Promise((r) => setTimeout(r, 0));
		expect(state.progress?.label).toMatch(/^Reading slow\.xml \(2 of 4 MB\)/);
		expect(state.busy).toBe(true);
		await state.cancel();
		release();
		await adding;
		const input = state.inputs[0]!;
		// all of it was read (Retry needs it), quietly: the bar did not come back
		expect(input.size).toBe(4 * 1024 * 1024);
		expect(state.progress).toBeNull();
		expect(engine.snapshot?.cancelled).toEqual([input.id]);
		expect(state.statusOf(input)).toBe('error');
		expect(state.factsOf(input.id)?.error).toContain('cancelled');
		engine.answer();
		expect(state.busy).toBe(false);
		state.retry(input.id);
		expect(engine.snapshot?.cancelled).toEqual([]);
		expect(state.statusOf(state.inputs[0]!)).toBe('pending');
		engine.answer();
		expect(state.statusOf(state.inputs[0]!)).toBe('parsed');
	});

	it('a read that began after a Cancel is analyzed as usual', async () => {
		const { state, engine } = setup();
		state.addBytes([{ name: 'first.pem', bytes: bytes('a') }]);
		await state.cancel();
		await state.addFiles([new File([new Uint8Array(3 * 1024 * 1024)], 'later.bin')]);
		const later = state.inputs[1]!;
		expect(engine.snapshot?.cancelled).not.toContain(later.id);
		expect(state.statusOf(later)).toBe('pending');
	});
});
