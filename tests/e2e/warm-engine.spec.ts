// The engine is started as the page's script starts, before any drop, and the first drop uses
// that worker, also a drop while it is still starting: one worker only.
// From file:// and from a server, with the page's CSP, and without a request off the page's origin.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { addFiles, card, mixFile, waitIdle } from '../support/page';

const INDEX = pathToFileURL(resolve(import.meta.dirname, '../../dist/index.html')).href;

/** Every request and every console error (a CSP violation is reported as one) of the page. */
function record(page: Page): { requests: string[]; problems: string[] } {
	const requests: string[] = [];
	const problems: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('pageerror', (e) => problems.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	return { requests, problems };
}

test('from file://, the engine worker starts before any drop and the first drop uses it', async ({
	page,
}) => {
	const seen = record(page);
	const workerStarted = page.waitForEvent('worker', { timeout: 30_000 });
	// the engine's script is asked for as the page's script starts, before the page's load event
	const order: string[] = [];
	page.on('request', (r) => r.url().endsWith('/assets/engine.js') && order.push('engine.js'));
	page.on('load', () => order.push('load'));
	await page.goto(INDEX);
	await workerStarted;
	expect(order).toEqual(['engine.js', 'load']);
	// Nothing was dropped: the page is idle and shows no card.
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(0);
	expect(page.workers()).toHaveLength(1);
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
	// The drop went to the prewarmed worker, not to a second one.
	expect(page.workers()).toHaveLength(1);
	expect(seen.requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
	expect(seen.problems).toEqual([]);
});

test('from file://, a drop as the page opens goes to the prewarm worker: no second worker', async ({
	page,
}) => {
	const seen = record(page);
	// the prewarm starts with the page's script: a drop at once finds its worker still starting
	await page.goto(INDEX, { waitUntil: 'domcontentloaded' });
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
	// a second worker started for the drop would show here, unused once the drop is done
	await page.waitForTimeout(1000);
	expect(page.workers()).toHaveLength(1);
	expect(seen.requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
	expect(seen.problems).toEqual([]);
});

test("from file://, the page renders the rehearsal's report views off the document, once, and keeps none", async ({
	page,
}) => {
	const seen = record(page);
	await page.goto(INDEX);
	const marks = () =>
		page.evaluate(() =>
			performance
				.getEntriesByName('wssec:report-rehearsal')
				.map((m) => (m as PerformanceMark).detail as { details: number }),
		);
	await expect.poll(marks, { timeout: 30_000 }).toHaveLength(1);
	// the two rehearsal samples are SOAP and XML-DSig documents: both have a detail view
	expect(await marks()).toEqual([{ details: 2 }]);
	// none of it is in the page: it still shows its empty state
	await expect(page.locator('[data-testid="report"]')).toHaveCount(0);
	await expect(page.locator('[data-testid="signed-tree"]')).toHaveCount(0);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(0);
	await expect(page.locator('section.empty')).toBeVisible();
	await page.waitForTimeout(500);
	expect(await marks()).toHaveLength(1);
	expect(seen.problems).toEqual([]);
});

test('from file://, the prewarm ends with its large-document rounds, and a drop after them verifies as before', async ({
	page,
}) => {
	const seen = record(page);
	await page.goto(`${INDEX}?bench`);
	// the bench hook (src/ui/bench-hook.ts): its prewarmed() resolves once the worker has said its
	// large-document rounds are over (protocol.ts, rehearsed)
	type Hooked = { __wssecBench?: { prewarmed(): Promise<void> } };
	await page.waitForFunction(() => (window as Hooked).__wssecBench !== undefined);
	await page.evaluate(() => (window as Hooked).__wssecBench?.prewarmed());
	const wss = resolve(import.meta.dirname, '../fixtures/wss');
	await addFiles(page, [
		mixFile('wss4j-soap11-rsa-bst.xml', 'signed.xml', wss),
		mixFile('tampered-body.xml', 'tampered.xml', wss),
	]);
	await waitIdle(page);
	await expect(card(page, 'signed.xml').locator('[data-testid="signature-verdict"]')).toHaveText(
		'valid',
	);
	await expect(card(page, 'tampered.xml').locator('[data-testid="signature-verdict"]')).toHaveText(
		'invalid',
	);
	expect(page.workers()).toHaveLength(1);
	expect(seen.requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
	expect(seen.problems).toEqual([]);
});

test('served over HTTP, the prewarm loads the engine from the page origin only', async ({
	page,
	baseURL,
}) => {
	const seen = record(page);
	const workerStarted = page.waitForEvent('worker', { timeout: 30_000 });
	await page.goto('/');
	await workerStarted;
	const origin = new URL(baseURL ?? '').origin;
	expect(seen.requests.some((u) => u.endsWith('/assets/engine.js'))).toBe(true);
	expect(seen.requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u))).toEqual(
		[],
	);
	await addFiles(page, [mixFile('orders.wsdl')]);
	await waitIdle(page);
	await expect(card(page, 'orders.wsdl')).toHaveAttribute('data-status', 'parsed');
	expect(page.workers()).toHaveLength(1);
	expect(seen.problems).toEqual([]);
});
