// Runs the real engine in Debian's Chromium through the page's ?bench hook (src/ui/bench-hook.ts),
// with the built page opened from file:// — the same path a user who opens dist/index.html takes.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { quietDisabledFeatures } from '../../lib/quiet-chromium.mjs';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-precise-memory-info',
	'--js-flags=--expose-gc',
];

/**
 * Starts one browser for the whole bench run; pages are opened per measurement. `windowUi`:
 * keep Chromium's address-bar popup (scripts/lib/quiet-chromium.mjs) loading with every page.
 */
export async function launchBrowser({ windowUi = false } = {}) {
	const launch = (args = CHROMIUM_ARGS) => chromium.launch({ executablePath: EXECUTABLE, args });
	if (windowUi) return launch();
	// traced: a cold 100 KB drop 195.5 ms with the popup, 125.5 ms without (10 pages each)
	return launch([...CHROMIUM_ARGS, `--disable-features=${await quietDisabledFeatures(launch)}`]);
}

export function pageUrl(repoDir, query = '') {
	return pathToFileURL(resolve(repoDir, 'dist/index.html')).href + query;
}

async function toBenchFile(file) {
	if ('path' in file) {
		const bytes = await readFile(file.path);
		return { name: file.name ?? basename(file.path), base64: bytes.toString('base64') };
	}
	return { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
}

/**
 * Samples the JS heap of the page's workers (the engine) through the DevTools protocol while
 * `work` runs: the page cannot see a worker's heap (performance.memory is window-only).
 * Returns the work's result, the peak used heap in MB (null when no worker was seen) and the
 * peak of heap plus what lives outside it (workerPeakTotalMb: ArrayBuffer backing stores and
 * external strings, such as the text TextDecoder makes of a dropped file, are not in usedSize
 * but in backingStorageSize, and Blink's own objects in embedderHeapUsedSize).
 * `intervalMs`: the pause between samples. At 100 ms a peak that lasts a few milliseconds is
 * caught now and then: a 10 MB decryption's peak, while the decrypted document's octets become
 * its text, measured 2.4–2.6× the file at 100 ms and 3.0–3.3× at 2 ms. A fast sampler also
 * interrupts the worker more often, so timed rows keep the default and memory rows sample fast.
 */
async function withWorkerHeap(page, work, intervalMs = 100) {
	const cdp = await page.context().newCDPSession(page);
	const sessions = new Set();
	const waiting = new Map();
	let nextId = 1;
	let peak = null;
	let peakTotal = null;
	cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
		if (targetInfo.type === 'worker') sessions.add(sessionId);
	});
	cdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.delete(sessionId));
	cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
		const reply = JSON.parse(message);
		const done = waiting.get(reply.id);
		if (!done) return;
		waiting.delete(reply.id);
		done(reply.result ?? null);
	});
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: false,
		flatten: false,
	});
	const heapOf = (sessionId) =>
		new Promise((resolveUsed) => {
			const id = nextId++;
			waiting.set(id, resolveUsed);
			cdp
				.send('Target.sendMessageToTarget', {
					sessionId,
					message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
				})
				.catch(() => resolveUsed(null));
			setTimeout(() => waiting.has(id) && (waiting.delete(id), resolveUsed(null)), 1000);
		});
	let running = true;
	const sampler = (async () => {
		while (running) {
			for (const s of [...sessions]) {
				const usage = await heapOf(s);
				if (usage?.usedSize != null) {
					peak = Math.max(peak ?? 0, usage.usedSize);
					const total =
						usage.usedSize + (usage.backingStorageSize ?? 0) + (usage.embedderHeapUsedSize ?? 0);
					peakTotal = Math.max(peakTotal ?? 0, total);
				}
			}
			await new Promise((r) => setTimeout(r, intervalMs));
		}
	})();
	try {
		const result = await work();
		return {
			result,
			workerPeakMb: peak === null ? null : peak / 1024 / 1024,
			workerPeakTotalMb: peakTotal === null ? null : peakTotal / 1024 / 1024,
		};
	} finally {
		running = false;
		await sampler;
		await cdp.detach().catch(() => {});
	}
}

/**
 * Opens a fresh page of the built app with its ?bench hook (?bench&cold for a cold page), runs
 * `work(page, errors)` on it (errors: the page's uncaught errors so far) and closes it.
 */
async function onFreshPage(getBrowser, repoDir, warmth, work) {
	const browser = await getBrowser();
	const context = await browser.newContext();
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	try {
		await page.goto(pageUrl(repoDir, warmth === 'cold' ? '?bench&cold' : '?bench'));
		await page.waitForFunction(() => window.__wssecBench !== undefined);
		return await work(page, errors);
	} finally {
		await context.close();
	}
}

/**
 * ctx.analyzeInPage: opens a fresh page (file://…/dist/index.html?bench), hands the files to the
 * engine (as warm as opts.warmth says) and returns { ms, longestTaskMs, peakHeapMb, workerPeakMb, report }: timings and the
 * page's heap as measured inside the page, the engine worker's heap sampled from outside.
 */
export function makeAnalyzeInPage(getBrowser, repoDir) {
	return async function analyzeInPage(files, opts = {}) {
		// opts.warmth: 'loaded' (default), 'prewarmed', 'as-is' or 'cold' (src/ui/bench-hook.ts).
		const warmth = opts.warmth ?? 'loaded';
		return onFreshPage(getBrowser, repoDir, warmth, async (page, errors) => {
			// opts.afterLoadMs: how long after the page's load event the files are dropped
			if (opts.afterLoadMs) await page.waitForTimeout(opts.afterLoadMs);
			const payload = await Promise.all(files.map(toBenchFile));
			// opts.heapSampleMs: the heap sampler's pause (withWorkerHeap); memory rows ask for 2 ms
			const { result, workerPeakMb, workerPeakTotalMb } = await withWorkerHeap(
				page,
				() =>
					page.evaluate(
						([f, passwords, w]) => window.__wssecBench.analyze(f, passwords, w),
						[payload, opts.passwords ?? {}, warmth],
					),
				opts.heapSampleMs,
			);
			result.workerPeakMb = workerPeakMb;
			result.workerPeakTotalMb = workerPeakTotalMb;
			if (errors.length > 0) result.pageErrors = errors;
			return result;
		});
	};
}

/**
 * ctx.dropInPage: what a user waits for. Opens a fresh page, drops the files on its file input
 * (the CONTRACT.md hook) and times inside the page, from the input's change event, until the page
 * is idle with every card settled and the overall grade shown (`ms`: the report on screen as
 * DOM) and until the frame after that has been laid out and painted (`paintedMs`). Unlike
 * analyzeInPage, this includes reading the files, the page's own engine client and rendering the
 * report. opts.warmth: 'cold' (?bench&cold: nothing started before the drop), 'as-is' (dropped
 * as soon as the page has loaded) or 'prewarmed' (after the page's prewarm is done).
 */
export function makeDropInPage(getBrowser, repoDir) {
	return async function dropInPage(paths, opts = {}) {
		const warmth = opts.warmth ?? 'prewarmed';
		return onFreshPage(getBrowser, repoDir, warmth, async (page, errors) => {
			if (warmth === 'prewarmed') await page.evaluate(() => window.__wssecBench.prewarmed());
			await page.evaluate((count) => {
				const marks = {};
				window.__wssecDrop = { marks };
				document.addEventListener('change', () => (marks.change ??= performance.now()), {
					capture: true,
				});
				window.__wssecDrop.done = new Promise((resolve) => {
					const settled = () => {
						const cards = [...document.querySelectorAll('[data-testid="input-card"]')];
						const grade = document.querySelector('[data-testid="grade-overall"]');
						return (
							marks.change !== undefined &&
							document.documentElement.dataset.state === 'idle' &&
							cards.length === count &&
							cards.every((c) => c.getAttribute('data-status') !== 'pending') &&
							!!grade?.textContent?.trim()
						);
					};
					const observer = new MutationObserver(() => {
						if (!settled()) return;
						marks.report = performance.now();
						observer.disconnect();
						requestAnimationFrame(() =>
							setTimeout(() => resolve((marks.painted = performance.now())), 0),
						);
					});
					observer.observe(document.documentElement, {
						subtree: true,
						attributes: true,
						childList: true,
						characterData: true,
					});
				});
			}, paths.length);
			await page.locator('input[type=file][data-testid="file-input"]').setInputFiles(paths);
			const marks = await page.evaluate(async () => {
				await window.__wssecDrop.done;
				return window.__wssecDrop.marks;
			});
			return {
				ms: marks.report - marks.change,
				paintedMs: marks.painted - marks.change,
				pageErrors: errors,
			};
		});
	};
}
