// The prewarm's rehearsal: its samples are the producers' files byte for byte, and analyzing
// them runs the verification path a signed drop takes (both signatures verify, nothing fails),
// not an error path that would leave that code cold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RehearsalGate, rehearse } from './rehearsal';
import { WSS4J_BST_ENVELOPE, XMLSEC1_ENVELOPED_KEYVALUE } from './rehearsal-samples';

const WSS = resolve(import.meta.dirname, '../../tests/fixtures/wss');

describe('rehearse', () => {
	it('carries the WSS4J and xmlsec1 fixtures unchanged', () => {
		expect(WSS4J_BST_ENVELOPE).toBe(readFileSync(resolve(WSS, 'wss4j-soap11-rsa-bst.xml'), 'utf8'));
		expect(XMLSEC1_ENVELOPED_KEYVALUE).toBe(
			readFileSync(resolve(WSS, 'xmlsec1-enveloped-rsa-keyvalue.xml'), 'utf8'),
		);
	});

	it('verifies both samples, as a drop of them would', async () => {
		const result = await rehearse(new AbortController().signal);
		expect(result).not.toBeNull();
		const report = result!.report;
		expect(report.inputs.map((i) => [i.kind, i.status])).toEqual([
			['soap-envelope', 'parsed'],
			['xml-signature', 'parsed'],
		]);
		expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);
	});

	it('gives up when aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(rehearse(controller.signal)).resolves.toBeNull();
	});
});

describe('RehearsalGate', () => {
	/** A rehearsal that runs until aborted or released, recording its calls. */
	function controllable() {
		const calls: AbortSignal[] = [];
		let release: () => void = () => {};
		let unwound = false;
		const run = (signal: AbortSignal) =>
			new Promise<void>((resolve, reject) => {
				calls.push(signal);
				release = resolve;
				signal.addEventListener('abort', () =>
					setTimeout(() => {
						unwound = true;
						reject(new DOMException('aborted', 'AbortError'));
					}, 5),
				);
			});
		return { calls, run, release: () => release(), isUnwound: () => unwound };
	}

	it('runs once; later starts get the same outcome', async () => {
		const r = controllable();
		const gate = new RehearsalGate(r.run);
		const first = gate.start(() => false);
		const second = gate.start(() => false);
		r.release();
		await expect(first).resolves.toBe('done');
		await expect(second).resolves.toBe('done');
		expect(r.calls).toHaveLength(1);
	});

	it('is skipped when a drop is being analyzed', async () => {
		const r = controllable();
		const gate = new RehearsalGate(r.run);
		await expect(gate.start(() => true)).resolves.toBe('skipped');
		expect(r.calls).toHaveLength(0);
		await gate.yieldTo();
	});

	it('a drop aborts it and starts only once it has unwound', async () => {
		const r = controllable();
		const gate = new RehearsalGate(r.run);
		const outcome = gate.start(() => false);
		await gate.yieldTo();
		expect(r.calls[0]?.aborted).toBe(true);
		expect(r.isUnwound()).toBe(true);
		await expect(outcome).resolves.toBe('aborted');
		// nothing left to yield to: the next drop starts at once
		await gate.yieldTo();
	});

	it('a failing rehearsal is reported, never thrown', async () => {
		const gate = new RehearsalGate(() => Promise.reject(new Error('boom')));
		await expect(gate.start(() => false)).resolves.toBe('failed');
		expect(gate.takeResult()).toBeNull();
	});

	it('keeps the result of a rehearsal that was done, for the page, and none of an aborted one', async () => {
		const controller = new AbortController();
		const result = await rehearse(controller.signal);
		expect(result).not.toBeNull();
		const done = new RehearsalGate(() => Promise.resolve(result));
		expect(done.takeResult()).toBeNull();
		await expect(done.start(() => false)).resolves.toBe('done');
		// to the first asker only: the worker keeps none of it once the page has it
		expect(done.takeResult()).toBe(result);
		expect(done.takeResult()).toBeNull();

		const r = controllable();
		const aborted = new RehearsalGate(r.run);
		const outcome = aborted.start(() => false);
		await aborted.yieldTo();
		await expect(outcome).resolves.toBe('aborted');
		expect(aborted.takeResult()).toBeNull();
	});
});
