// 2,000 files at once: the page's main thread stays responsive while they are added, analyzed
// and shown. Long tasks are recorded with a PerformanceObserver from the drop until every card
// has its result. Before the fix (closed cards built their detail views, every card and index
// row laid out in a grid, all 2,000 cards built and filled in one task) the longest task was 2.2
// to 2.7 s and 5 s were spent in long tasks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, waitIdle, type PageFile } from '../support/page';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
/** A mix of quick kinds: certificates, a key, configs, an envelope, a WSDL, junk. */
const KINDS = [
	'detect/cert.pem',
	'detect/cert.der',
	'detect/nginx.conf',
	'detect/envelope11.xml',
	'detect/application.properties',
	'detect/crl.pem',
	'detect/four-bytes.bin',
	'detect/broken.json',
].map((p) => ({ ext: p.slice(p.lastIndexOf('.')), buffer: readFileSync(resolve(FIXTURES, p)) }));

const COUNT = 2000;
/**
 * Generous: before the fix the longest task was 2.2 to 2.7 s; after it 0.26 to 0.92 s with the
 * machine's load average near 10, and up to 1.9 s only with another heavy spec running beside it
 * at a load average of 13 (the longest is then applying the final result to 2,000 cards).
 */
const LONGEST_TASK_MS = 1500;

// A wall-clock bound on a shared 2-core machine: one retry absorbs a neighbour's burst (the other
// Playwright worker), while a regression to the old 2.2-2.7 s tasks fails both tries.
test.describe.configure({ retries: 1 });

test(`${COUNT} files at once: no main-thread task above ${LONGEST_TASK_MS} ms`, async ({
	page,
}) => {
	test.setTimeout(360_000);
	await page.addInitScript(() => {
		const durations: number[] = [];
		Object.assign(window, { __longTasks: durations });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) durations.push(entry.duration);
		}).observe({ type: 'longtask', buffered: true });
	});
	await page.goto('/');
	await waitIdle(page);
	const files: PageFile[] = Array.from({ length: COUNT }, (_, i) => {
		const kind = KINDS[i % KINDS.length]!;
		return { name: `file-${String(i).padStart(4, '0')}${kind.ext}`, buffer: kind.buffer };
	});
	const started = Date.now();
	await addFiles(page, files);
	// Playwright builds the 2,000 File objects in the page in one task of its own (about 0.6 s,
	// not the page's work: a real drop hands them over ready): counted from here.
	await page.evaluate(() => {
		(window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
	});
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(COUNT, { timeout: 120_000 });
	// the analysis itself (in the worker) takes tens of seconds on the 2-core machine
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout: 240_000 });
	await expect(page.locator('[data-testid="input-card"][data-status="pending"]')).toHaveCount(0);
	const total = Date.now() - started;
	const tasks = await page.evaluate(
		() => (window as unknown as { __longTasks: number[] }).__longTasks,
	);
	const longest = Math.max(0, ...tasks);
	const blocked = tasks.reduce((n, d) => n + d, 0);
	console.log(
		`${COUNT} files: all cards done in ${total} ms; ${tasks.length} long tasks, longest ${Math.round(longest)} ms, ${Math.round(blocked)} ms in long tasks`,
	);
	expect(longest).toBeLessThan(LONGEST_TASK_MS);
});
