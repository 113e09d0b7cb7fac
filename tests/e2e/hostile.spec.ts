// Hostile input stays on its own card, in the page: a 2,000-deep <ä> envelope beside an innocent
// certificate, a slow keystore that does not hold back the certificate dropped with it, and
// Cancel during a key derivation, which terminates the engine's worker (no job left running)
// and keeps the other cards' results; the cancelled card offers Retry.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { addFiles, card, exportReport, waitIdle, type PageFile } from '../support/page';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');
const hostile = (name: string): PageFile => ({
	name,
	buffer: readFileSync(resolve(HOSTILE, name)),
});
const certificate: PageFile = {
	name: 'innocent.pem',
	buffer: readFileSync(resolve(import.meta.dirname, '../fixtures/detect/cert.pem')),
};

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('the 2,000-deep <ä> envelope gets its own error; the certificate beside it is analyzed', async ({
	page,
}) => {
	await addFiles(page, [hostile('deep-ae-envelope.xml'), certificate]);
	await waitIdle(page);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	const envelope = card(page, 'deep-ae-envelope.xml');
	await expect(envelope).toHaveAttribute('data-status', 'error');
	await expect(envelope.locator('[data-testid="input-error"]')).toContainText(
		'XML nesting deeper than 256 levels at line 1, column 844',
	);
	await expect(page.locator('[data-testid="input-card"][data-status="pending"]')).toHaveCount(0);
});

test('a slow keystore does not hold back the certificate dropped with it', async ({ page }) => {
	await addFiles(page, [hostile('bks-iterations-500000.bks'), certificate]);
	// the certificate's card has its result while the keystore is still being derived
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(card(page, 'bks-iterations-500000.bks')).toHaveAttribute('data-status', 'pending');
	await waitIdle(page);
	await expect(card(page, 'bks-iterations-500000.bks')).toHaveAttribute('data-status', 'locked');
});

test('Cancel during a key derivation terminates the worker, keeps the other results, and Retry works', async ({
	page,
}) => {
	// The engine's worker may already run (started when the page went idle).
	const workers: Worker[] = [...page.workers()];
	page.on('worker', (w) => workers.push(w));
	await addFiles(page, [certificate, hostile('bks-iterations-500000.bks')]);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	const slow = card(page, 'bks-iterations-500000.bks');
	await expect(slow).toHaveAttribute('data-status', 'pending');
	await expect(page.locator('[data-testid="progress"]')).toBeVisible();
	expect(workers).toHaveLength(1);
	const running = workers[0]!;
	const closed = new Promise<void>((done) => running.once('close', () => done()));
	await page.locator('[data-testid="cancel"]').click();
	// the worker deriving the key is terminated (nothing keeps computing) and a fresh one started
	await closed;
	await waitIdle(page);
	expect(workers.length).toBe(2);
	await expect(slow).toHaveAttribute('data-status', 'error');
	await expect(slow.locator('[data-testid="input-error"]')).toContainText('cancelled');
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	// the exported report lists the cancelled input
	const { json } = await exportReport(page);
	const inputs = (json as { inputs: { name: string; status: string; error?: string }[] }).inputs;
	expect(inputs.find((i) => i.name === 'bks-iterations-500000.bks')).toMatchObject({
		status: 'error',
		error: expect.stringContaining('cancelled') as unknown as string,
	});
	// Retry analyzes it again in the new worker
	await slow.locator('[data-testid="retry"]').click();
	await expect(slow).toHaveAttribute('data-status', 'pending');
	await waitIdle(page);
	await expect(slow).toHaveAttribute('data-status', 'locked');
});
