// EngineClient's two workers against scripted ones: an input the analysis worker delegates is read
// once by the derivation worker and its result handed back; Cancel terminates only the worker
// that runs and says which inputs it stopped; an input Cancel stopped is not read again before
// the page lists it as retried.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DelegatedInput, ParsedEntry } from '../analyze';
import type { InputFile } from '../core/pipeline';
import { AREA_NAMES } from '../areas';
import { emptySettings } from '../core/facts';
import {
	ALL_AREAS,
	EngineClient,
	PREWARM_AREAS,
	prewarmEngine,
	prewarmEngineFully,
} from './client';
import type { EngineEvent, EngineRequest, EngineSnapshot } from './protocol';

/** A worker that records what it is sent and emits what the test says. */
class ScriptedWorker {
	static all: ScriptedWorker[] = [];
	sent: EngineRequest[] = [];
	terminated = false;
	private listeners: ((e: { data: EngineEvent }) => void)[] = [];
	private errorListeners: ((e: { message: string }) => void)[] = [];
	constructor() {
		ScriptedWorker.all.push(this);
	}
	postMessage(message: EngineRequest): void {
		this.sent.push(message);
		// the prewarm's round trips: answered like the engine does once its areas are loaded
		if (message.type === 'warm')
			queueMicrotask(() => this.emit({ type: 'warmed', requestId: message.requestId }));
	}
	addEventListener(type: 'message' | 'error', listener: (e: never) => void): void {
		if (type === 'message') this.listeners.push(listener as (e: { data: EngineEvent }) => void);
		else this.errorListeners.push(listener as (e: { message: string }) => void);
	}
	/** An uncaught error inside the worker (a bug). */
	fail(message: string): void {
		for (const l of [...this.errorListeners]) l({ message });
	}
	removeEventListener(_type: string, listener: (e: { data: EngineEvent }) => void): void {
		this.listeners = this.listeners.filter((l) => l !== listener);
	}
	terminate(): void {
		this.terminated = true;
	}
	emit(data: EngineEvent): void {
		for (const l of [...this.listeners]) l({ data });
	}
	got(type: EngineRequest['type']): EngineRequest[] {
		return this.sent.filter((m) => m.type === type);
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * A prewarm of the test's own (a spare an earlier Cancel prewarmed is taken first, so the one
 * started here is new); resolves with its worker once it has answered.
 */
async function ownPrewarm(): Promise<ScriptedWorker> {
	const taker = new EngineClient(() => {});
	taker.analyze(snapshot([]), []);
	await settle();
	await taker.dispose();
	const before = ScriptedWorker.all.length;
	await prewarmEngine(true);
	return ScriptedWorker.all[before]!;
}

/** The next client takes the spare worker; resolves once it has, with that client disposed. */
async function takeSpare(): Promise<void> {
	const client = new EngineClient(() => {});
	client.analyze(snapshot([]), []);
	await settle();
	await client.dispose();
}

beforeAll(() => {
	vi.stubGlobal('Worker', ScriptedWorker);
	vi.stubGlobal('window', { addEventListener: () => {} });
	vi.stubGlobal('document', { readyState: 'complete' });
	vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 0));
});
afterAll(async () => {
	// the prewarm a Cancel schedules runs before the globals go back
	await settle();
	vi.unstubAllGlobals();
});

const file = (id: string): InputFile => ({ id, name: `${id}.p12`, bytes: new Uint8Array([1]) });
const snapshot = (ids: string[], cancelled: string[] = []): EngineSnapshot => ({
	inputIds: ids,
	passwords: {},
	entryPasswords: {},
	settings: emptySettings(),
	cancelled,
});
const delegated = (id: string, key = 'k'): DelegatedInput => ({
	file: file(id),
	key,
	password: null,
	entryPasswords: {},
});
const entry: ParsedEntry = {
	key: 'k',
	detection: { kind: 'pkcs12', reason: 'test' },
	sha256: 'ab',
	outcome: null,
	error: { message: 'locked', locked: { wrongPassword: false } },
};

/** Forgets what earlier tests sent (a spare worker prewarmed by a Cancel may serve the next). */
function fresh(): void {
	for (const w of ScriptedWorker.all) w.sent = [];
}

/** The analysis worker is the one given `analyze`; the derivation worker the one given `read`. */
function roles() {
	const analysis = ScriptedWorker.all.filter((w) => w.got('analyze').length > 0);
	const derivation = ScriptedWorker.all.filter((w) => w.got('read').length > 0);
	return { analysis: analysis[analysis.length - 1]!, derivation };
}

describe('EngineClient', () => {
	it('relays a delegated input to the derivation worker once and its result back', async () => {
		fresh();
		const events: EngineEvent[] = [];
		const client = new EngineClient((e) => events.push(e));
		const seq = client.analyze(snapshot(['a', 'b']), [file('a'), file('b')]);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'delegate', input: delegated('a') });
		analysis.emit({ type: 'delegate', input: delegated('a') }); // a re-run asks again
		analysis.emit({ type: 'result', runId: 1, seq, result: null as never, waiting: ['a'] });
		await settle();
		const { derivation } = roles();
		expect(derivation).toHaveLength(1);
		expect(derivation[0]!.got('read')).toHaveLength(1);
		const read = derivation[0]!.got('read')[0] as Extract<EngineRequest, { type: 'read' }>;
		// progress of the derivation is shown as the current snapshot's
		derivation[0]!.emit({
			type: 'progress',
			runId: -1,
			seq: -1,
			inputId: 'a',
			label: 'deriving',
		});
		expect(events.find((e) => e.type === 'progress')).toMatchObject({ seq, inputId: 'a' });
		derivation[0]!.emit({ type: 'read-done', jobId: read.jobId, inputId: 'a', entry });
		await settle();
		expect(analysis.got('adopt')).toEqual([{ type: 'adopt', inputId: 'a', entry }]);
		await client.dispose();
	});

	it('Cancel during a derivation terminates the derivation worker only, and names its input', async () => {
		fresh();
		const client = new EngineClient(() => {});
		const seq = client.analyze(snapshot(['a', 'b']), [file('a'), file('b')]);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'delegate', input: delegated('a') });
		analysis.emit({ type: 'delegate', input: delegated('b') });
		analysis.emit({ type: 'result', runId: 1, seq, result: null as never, waiting: ['a', 'b'] });
		await settle();
		const [derivation] = roles().derivation;
		const stopped = await client.cancel();
		await settle();
		expect(stopped).toEqual({ inputs: ['a'], between: false, delegated: ['b'] });
		expect(derivation!.terminated).toBe(true);
		expect(analysis.terminated).toBe(false);
		// an older run of the analysis worker asks for the stopped input again: not read
		analysis.emit({ type: 'delegate', input: delegated('a') });
		await settle();
		const reads = () =>
			ScriptedWorker.all.flatMap((w) =>
				w.got('read').map((m) => (m as Extract<EngineRequest, { type: 'read' }>).input.file.id),
			);
		// the queued input was not stopped: it started in a fresh derivation worker
		expect(reads()).toEqual(['a', 'b']);
		client.analyze(snapshot(['a', 'b'], ['a']), [file('a'), file('b')]);
		analysis.emit({ type: 'delegate', input: delegated('b') });
		await settle();
		expect(reads()).toEqual(['a', 'b']);
		// Retry: the page no longer lists it as cancelled, and it is read again
		client.analyze(snapshot(['a', 'b']), [file('a'), file('b')]);
		analysis.emit({ type: 'delegate', input: delegated('a') });
		await settle();
		const live = roles().derivation.filter((w) => !w.terminated);
		expect(live).toHaveLength(1);
		const done = live[0]!
			.got('read')
			.find(
				(m) => (m as Extract<EngineRequest, { type: 'read' }>).input.file.id === 'b',
			) as Extract<EngineRequest, { type: 'read' }>;
		live[0]!.emit({ type: 'read-done', jobId: done.jobId, inputId: 'b', entry });
		await settle();
		expect(reads()).toEqual(['a', 'b', 'a']);
		await client.dispose();
	});

	it('Cancel while the analysis worker works on an input terminates it and names that input', async () => {
		fresh();
		const client = new EngineClient(() => {});
		const seq = client.analyze(snapshot(['x']), [file('x')]);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'progress', runId: 1, seq, inputId: 'x', label: 'reading' });
		expect(await client.cancel()).toEqual({ inputs: ['x'], between: false, delegated: [] });
		expect(analysis.terminated).toBe(true);
		// the next snapshot goes to a fresh analysis worker, given every file again
		client.analyze(snapshot(['x'], ['x']), [file('x')]);
		await settle();
		const next = roles().analysis;
		expect(next).not.toBe(analysis);
		const sent = next.got('analyze')[0] as Extract<EngineRequest, { type: 'analyze' }>;
		expect(sent.files.map((f) => f.id)).toEqual(['x']);
		await client.dispose();
	});

	it('a derivation worker that fails on a bug puts the message on the input, not a pending card', async () => {
		fresh();
		const events: EngineEvent[] = [];
		const client = new EngineClient((e) => events.push(e));
		client.analyze(snapshot(['a']), [file('a')]);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'delegate', input: delegated('a') });
		await settle();
		const [derivation] = roles().derivation;
		derivation!.fail('boom');
		await settle();
		expect(derivation!.terminated).toBe(true);
		const adopt = analysis.got('adopt')[0] as Extract<EngineRequest, { type: 'adopt' }>;
		expect(adopt.entry.error?.message).toMatch(/Internal error while reading the input .*boom/);
		expect(events.some((e) => e.type === 'crash')).toBe(false);
		await client.dispose();
	});

	it('the prewarm starts the worker with the XML-security and WSDL areas, then waits for it', async () => {
		const spare = await ownPrewarm();
		// one round trip: the areas' scripts ran with the base (startWorker), the worker answers
		// once they are loaded and it has rehearsed (worker.ts)
		expect(spare.got('warm').map((m) => (m as { areas: string[] }).areas)).toEqual([PREWARM_AREAS]);
		expect(PREWARM_AREAS).toEqual(['xml-security', 'wsdl']);
		expect(ALL_AREAS).toEqual(AREA_NAMES);
		// the next client takes it
		await takeSpare();
		expect(spare.got('analyze')).toHaveLength(1);
	});

	it('the whole prewarm is over when the worker says its large-document rounds are', async () => {
		const spare = await ownPrewarm();
		let over = false;
		const whole = prewarmEngineFully().then(() => (over = true));
		await settle();
		expect(over).toBe(false);
		// another request's answer is not it
		spare.emit({ type: 'rehearsed', requestId: 7 });
		await settle();
		expect(over).toBe(false);
		spare.emit({ type: 'rehearsed', requestId: 0 });
		await whole;
		expect(over).toBe(true);
		await takeSpare();
	});

	it('the whole prewarm is over once a client has taken its worker', async () => {
		await ownPrewarm();
		const whole = prewarmEngineFully();
		const client = new EngineClient(() => {});
		client.analyze(snapshot([]), []);
		// ended before the worker could say anything
		await client.dispose();
		await whole;
	});

	it('the whole prewarm is over too when its worker fails', async () => {
		const spare = await ownPrewarm();
		const whole = prewarmEngineFully();
		spare.fail('boom');
		await whole;
		await takeSpare();
	});

	it("answers the worker's request for an area script, and refuses a name that is not one", async () => {
		fresh();
		vi.stubGlobal('window', {
			addEventListener: () => {},
			__wssecEngineChunks: { 'engine-pki': 'self.__loaded = 1;' },
		});
		const client = new EngineClient(() => {});
		client.analyze(snapshot([]), []);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'need-module', name: 'engine-pki' });
		analysis.emit({ type: 'need-module', name: '../engine' });
		await settle();
		const [script, refused] = analysis.got('module');
		expect(refused).toEqual({
			type: 'module',
			name: '../engine',
			source: null,
			error: 'No engine script ../engine',
		});
		// the script's text comes as a Blob the worker runs from a URL of its own
		expect(script).toMatchObject({ type: 'module', name: 'engine-pki' });
		const source = script?.type === 'module' ? script.source : null;
		expect(source).toBeInstanceOf(Blob);
		expect(await source?.text()).toBe('self.__loaded = 1;');
		vi.stubGlobal('window', { addEventListener: () => {} });
		await client.dispose();
	});

	it('Cancel after the analysis answered and with nothing derived stops nothing', async () => {
		fresh();
		const client = new EngineClient(() => {});
		const seq = client.analyze(snapshot(['x']), [file('x')]);
		await settle();
		const { analysis } = roles();
		analysis.emit({ type: 'result', runId: 1, seq, result: null as never, waiting: [] });
		expect(await client.cancel()).toEqual({ inputs: [], between: false, delegated: [] });
		expect(analysis.terminated).toBe(false);
		await client.dispose();
	});
});
