// The prewarm's rehearsal: its samples are the producers' files byte for byte, and analyzing
// them runs the verification path a signed drop takes (both signatures verify, nothing fails),
// not an error path that would leave that code cold. Its large-document rounds take the skeleton
// path a large envelope takes, both ways of canonicalizing a region, and leave the limits as
// they were.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elidedRegions, parseSkeletonXml, skeletonLimits } from '../core/xml/stream/skeleton';
import { BULK, RehearsalGate, bulkSample, rehearse, rehearseLargeDocuments } from './rehearsal';
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

describe('the large-document rounds', () => {
	const samples = BULK.items.map((item) =>
		bulkSample(WSS4J_BST_ENVELOPE, BULK.marker, item, BULK.chars),
	);

	it('read an envelope as large as asked, as a skeleton, copied in one round and rewritten in the other', () => {
		const saved = { ...skeletonLimits };
		try {
			skeletonLimits.minChars = BULK.chars / 2;
			skeletonLimits.minRegion = BULK.chars / 4;
			const regions = samples.map((text) => {
				expect(text.length).toBeGreaterThanOrEqual(BULK.chars);
				expect(text.length).toBeLessThan(BULK.chars + 200);
				const doc = parseSkeletonXml(text, 100);
				expect(doc).not.toBeNull();
				return elidedRegions(doc!);
			});
			// the Body's content, written as canonical XML writes it in one and not in the other
			expect(regions.map((r) => r.map((x) => x.asWritten))).toEqual([[true], [false]]);
			for (const r of regions) expect(r[0]!.end - r[0]!.start).toBeGreaterThan(BULK.chars * 0.9);
		} finally {
			Object.assign(skeletonLimits, saved);
		}
	});

	it('run their rounds, and none once aborted', async () => {
		const saved = { ...skeletonLimits };
		await rehearseLargeDocuments(new AbortController().signal, {
			rounds: 2,
			chars: BULK.chars,
			delayMs: 0,
		});
		expect(skeletonLimits).toEqual(saved);
		// an abort during the pause before the rounds ends it at once, not after the pause
		const controller = new AbortController();
		const started = Date.now();
		const rounds = rehearseLargeDocuments(controller.signal, {
			rounds: 1000,
			chars: BULK.chars,
			delayMs: 60_000,
		});
		controller.abort();
		await rounds;
		expect(Date.now() - started).toBeLessThan(1000);
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

	it('runs the large-document rounds once, after a rehearsal that was done, and a drop aborts them', async () => {
		const samples = controllable();
		const bulk = controllable();
		const gate = new RehearsalGate(samples.run, bulk.run);
		// not before the samples' rehearsal is done
		const early = gate.startBulk(() => false);
		await expect(early).resolves.toBe('skipped');
		const fresh = new RehearsalGate(samples.run, bulk.run);
		const first = fresh.start(() => false);
		samples.release();
		await expect(first).resolves.toBe('done');
		const rounds = fresh.startBulk(() => false);
		await settle();
		expect(bulk.calls).toHaveLength(1);
		await fresh.yieldTo();
		expect(bulk.calls[0]?.aborted).toBe(true);
		expect(bulk.isUnwound()).toBe(true);
		await expect(rounds).resolves.toBe('aborted');
		// once: a later start gets the same outcome and runs nothing
		await expect(fresh.startBulk(() => false)).resolves.toBe('aborted');
		expect(bulk.calls).toHaveLength(1);
	});

	it('skips the large-document rounds when a drop is analyzed or the rehearsal was not done', async () => {
		const bulk = controllable();
		const busy = new RehearsalGate(() => Promise.resolve(null), bulk.run);
		await expect(busy.start(() => false)).resolves.toBe('done');
		await expect(busy.startBulk(() => true)).resolves.toBe('skipped');
		const failed = new RehearsalGate(() => Promise.reject(new Error('boom')), bulk.run);
		await expect(failed.start(() => false)).resolves.toBe('failed');
		await expect(failed.startBulk(() => false)).resolves.toBe('skipped');
		expect(bulk.calls).toHaveLength(0);
	});
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
