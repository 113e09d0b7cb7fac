// Page helpers for the end-to-end tests: add files like a drop, wait for the engine, block and
// record the network, read the exported report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type BrowserContext, type Download, type Page } from '@playwright/test';
import { MIX_DIR } from './mix';

export interface PageFile {
	name: string;
	buffer: Buffer;
}

export function mixFile(name: string, as = name, dir = MIX_DIR): PageFile {
	return { name: as, buffer: readFileSync(resolve(dir, name)) };
}

/** Gives files to the page through the contract's file input (same path as a drop). */
export async function addFiles(page: Page, files: PageFile[]): Promise<void> {
	await page
		.locator('input[type=file][data-testid="file-input"]')
		.setInputFiles(
			files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })),
		);
}

/** Drops files on the page body with a real DataTransfer (drag and drop anywhere). */
export async function dropFiles(page: Page, files: PageFile[]): Promise<void> {
	const payload = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
	const transfer = await page.evaluateHandle((items) => {
		const dt = new DataTransfer();
		for (const item of items) {
			const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
			dt.items.add(new File([bytes], item.name));
		}
		return dt;
	}, payload);
	const target = page.locator('body');
	await target.dispatchEvent('dragenter', { dataTransfer: transfer });
	await target.dispatchEvent('dragover', { dataTransfer: transfer });
	await target.dispatchEvent('drop', { dataTransfer: transfer });
}

export async function waitIdle(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle');
}

export function card(page: Page, name: string) {
	return page.locator(`[data-testid="input-card"][data-input-name="${cssString(name)}"]`);
}

/** Escapes a value for use inside a double-quoted CSS attribute selector. */
export function cssString(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Aborts every request that is not to 127.0.0.1 (or file:, data:, blob:) and records it. */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
	const attempts: string[] = [];
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || ['file:', 'data:', 'blob:'].includes(url.protocol)) {
			await route.continue();
			return;
		}
		attempts.push(route.request().url());
		await route.abort('blockedbyclient');
	});
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (url.hostname !== '127.0.0.1' && !['file:', 'data:', 'blob:'].includes(url.protocol)) {
			if (!attempts.includes(request.url())) attempts.push(request.url());
		}
	});
	return attempts;
}

/** Clicks Export JSON and returns the downloaded report, parsed. */
export async function exportReport(page: Page): Promise<{ json: unknown; text: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-testid="export-json"]').first().click(),
	]);
	const text = await readDownload(download);
	return { json: JSON.parse(text) as unknown, text };
}

/** Clicks Export SARIF and returns the downloaded SARIF log, parsed, and its file name. */
export async function exportSarif(
	page: Page,
): Promise<{ json: unknown; text: string; fileName: string }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-testid="export-sarif"]').first().click(),
	]);
	const text = await readDownload(download);
	return { json: JSON.parse(text) as unknown, text, fileName: download.suggestedFilename() };
}

async function readDownload(download: Download): Promise<string> {
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Makes a share link (optionally with a passphrase) and returns its URL. Clicked again when no
 * link shows within 10 s: once, on a CI machine at load 8, the link never appeared after a click
 * that came right after a full drop was unlocked and exported (the page changing under the
 * click, or a late result replacing the report the link was made for); what the link holds is
 * checked by the callers.
 */
export async function makeShareLink(page: Page, passphrase = ''): Promise<string> {
	if (passphrase) await page.locator('[data-testid="share-passphrase"]').fill(passphrase);
	const url = page.locator('[data-testid="share-url"]');
	await expect(async () => {
		await page.locator('[data-testid="share-link"]').click();
		await expect(url).toHaveValue(/#wssec1\./, { timeout: 10_000 });
	}).toPass({ timeout: 60_000 });
	return url.inputValue();
}

/** The findings on the page as "RULE-ID|severity", sorted. */
export async function findingKeys(page: Page): Promise<string[]> {
	const keys = await page
		.locator('[data-testid="finding"]')
		.evaluateAll((els) =>
			els.map((e) => `${e.getAttribute('data-rule-id')}|${e.getAttribute('data-severity')}`),
		);
	return keys.sort();
}

/** Decodes a plain share link's fragment in Node (independently of the page's decoder). */
export async function decodeLinkInNode(url: string): Promise<unknown> {
	const { inflateRawSync } = await import('node:zlib');
	const fragment = new URL(url).hash.slice(1);
	const body = fragment.replace(/^wssec1\.z\./, '');
	return JSON.parse(inflateRawSync(Buffer.from(body, 'base64url')).toString('utf8')) as unknown;
}
