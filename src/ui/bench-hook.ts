// `window.__wssecBench`, installed only when the page URL has `?bench`: scripts/bench/run.mjs
// feeds files to the real engine through it and reads the timing, the longest main-thread task
// and the peak main-thread JS heap. Never present in normal use.
import type { Report } from '../core/report/report';
import { fromBase64 } from '../core/bytes/encoding';
import { emptySettings } from '../core/facts';
import { ALL_AREAS, EngineClient, prewarmEngine, prewarmEngineFully } from '../engine/client';
import type { EngineEvent } from '../engine/protocol';
import { reportRehearsal } from './report/rehearsal';

export interface BenchFile {
	name: string;
	/** File content as base64 (page.evaluate cannot pass Uint8Array). */
	base64: string;
}

export interface BenchResult {
	ms: number;
	longestTaskMs: number;
	/** Peak main-thread JS heap (performance.memory, Chromium only); null where unavailable. */
	peakHeapMb: number | null;
	report: Report;
}

/**
 * How warm the engine is when the clock starts: `loaded` (default) ran one empty analysis first
 * and has the code of every area loaded;
 * `prewarmed` waits for the page's own prewarm, started as the page's script starts (what a user
 * who drops a file a moment after opening the page gets); `as-is` waits for nothing: the drop
 * finds the page as it is, its prewarm under way or done (a file dropped right after the page
 * opened); `cold` starts nothing before the drop (open the page with ?bench&cold so the prewarm
 * stays off): the time includes loading and starting the engine.
 */
export type BenchWarmth = 'loaded' | 'prewarmed' | 'as-is' | 'cold';

export interface BenchHook {
	analyze(
		files: BenchFile[],
		passwords?: Record<string, string>,
		warmth?: BenchWarmth,
	): Promise<BenchResult>;
	/**
	 * Resolves once the page's own prewarm is done (its worker is warm and not yet taken, the
	 * report views rehearsed): a drop through the page's file input after this finds a warm
	 * engine and page (ctx.dropInPage).
	 */
	prewarmed(): Promise<void>;
}

declare global {
	interface Window {
		__wssecBench?: BenchHook;
	}
}

interface MemoryInfo {
	usedJSHeapSize: number;
}

function heapBytes(): number | null {
	const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
	return memory ? memory.usedJSHeapSize : null;
}

/**
 * The page's whole prewarm: the worker's, then the report views' rehearsal at idle (a drop during
 * the latter would wait for that main-thread work), and the worker's large-document rounds.
 */
async function pagePrewarmed(): Promise<void> {
	await prewarmEngine();
	await reportRehearsal();
	await prewarmEngineFully();
}

/** Runs one analysis on a fresh engine client; resolves with the result that answers the last request. */
async function runOnce(
	files: BenchFile[],
	passwords: Record<string, string>,
	warmth: BenchWarmth,
): Promise<BenchResult> {
	if (warmth === 'prewarmed') await pagePrewarmed();
	let waiting: ((event: EngineEvent) => void) | null = null;
	const client = new EngineClient((event) => waiting?.(event));
	const settle = () =>
		new Promise<EngineEvent>((resolve) => {
			waiting = (event) => {
				// a result that leaves inputs to the derivation worker (a key file) is not the report
				// yet: the one after they are adopted is
				if (event.type === 'crash' && event.seq === client.lastSeq) resolve(event);
				if (event.type === 'result' && event.seq === client.lastSeq && !event.waiting?.length)
					resolve(event);
			};
		});
	try {
		// `loaded`: the worker is started and has run one (empty) analysis before the clock starts.
		const settings = emptySettings();
		const empty = { inputIds: [], passwords: {}, entryPasswords: {}, settings, cancelled: [] };
		if (warmth === 'loaded') {
			const warm = settle();
			client.analyze(empty, []);
			await warm;
			// and the code of every area, as the single engine script had it compiled
			await client.warm(ALL_AREAS);
		}
		const decoded = files.map((f, i) => ({
			id: `b${i}`,
			name: f.name,
			bytes: fromBase64(f.base64),
		}));
		const byId: Record<string, string> = {};
		for (const f of decoded) {
			const password = passwords[f.name];
			if (password !== undefined) byId[f.id] = password;
		}
		// Decoding the files above is harness work, not the engine's: let that task end before the
		// long-task observer starts, or it would be counted as a main-thread block.
		await new Promise((resolve) => setTimeout(resolve, 0));
		let longest = 0;
		const observer =
			typeof PerformanceObserver !== 'undefined' &&
			PerformanceObserver.supportedEntryTypes.includes('longtask')
				? new PerformanceObserver((list) => {
						for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
					})
				: null;
		observer?.observe({ type: 'longtask' });
		let peak = heapBytes();
		const sampler = setInterval(() => {
			const now = heapBytes();
			if (now !== null && (peak === null || now > peak)) peak = now;
		}, 20);
		const done = settle();
		const start = performance.now();
		client.analyze({ ...empty, inputIds: decoded.map((f) => f.id), passwords: byId }, decoded);
		const event = await done;
		const ms = performance.now() - start;
		clearInterval(sampler);
		// Long tasks are reported after they end; give the observer one turn to deliver them.
		await new Promise((resolve) => setTimeout(resolve, 50));
		observer?.disconnect();
		if (event.type === 'crash') throw new Error(`engine crashed: ${event.message}`);
		if (event.type !== 'result') throw new Error('no result');
		return {
			ms,
			longestTaskMs: longest,
			peakHeapMb: peak === null ? null : peak / 1024 / 1024,
			report: event.result.report,
		};
	} finally {
		await client.dispose();
	}
}

/** Installs the hook when the page was opened with `?bench`. */
export function installBenchHook(): void {
	if (!new URLSearchParams(location.search).has('bench')) return;
	window.__wssecBench = {
		analyze: (files, passwords = {}, warmth = 'loaded') => runOnce(files, passwords, warmth),
		prewarmed: pagePrewarmed,
	};
}
