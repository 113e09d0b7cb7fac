// Regenerates docs/screenshot.png: a real analysis of the acceptance mix in the built page
// (run `npm run build` first). Usage: node scripts/bench/lib/screenshot.mjs [--dark]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const repo = resolve(import.meta.dirname, '../../..');
const mix = resolve(repo, 'tests/fixtures/mix');
const dark = process.argv.includes('--dark');
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({
	viewport: { width: 1360, height: 1000 },
	deviceScaleFactor: 1,
	colorScheme: dark ? 'dark' : 'light',
});
await page.goto(pathToFileURL(resolve(repo, 'dist/index.html')).href);
const names = ['client.p12', 'server-cert.pem', 'orders.wsdl', 'envelope.xml', 'nginx.conf'];
await page.locator('[data-testid="file-input"]').setInputFiles(
	await Promise.all(
		names.map(async (name) => ({
			name,
			mimeType: 'application/octet-stream',
			buffer: await readFile(resolve(mix, name)),
		})),
	),
);
const idle = () => page.waitForSelector('html[data-state="idle"]');
await idle();
const p12 = page.locator('[data-testid="input-card"][data-input-name="client.p12"]');
if ((await p12.getAttribute('data-status')) === 'locked') {
	const password = (await readFile(resolve(mix, 'client.p12.password'), 'utf8')).trim();
	await p12.locator('input[type=password]').fill(password);
	await p12.locator('input[type=password]').press('Enter');
	await idle();
}
await page.waitForTimeout(3500); // let the "inputs added" notice fade
// Unlocking moves focus (and the view) to the unlocked card; the picture shows the page's top.
await page.evaluate(() => {
	if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
	window.scrollTo(0, 0);
});
const out = resolve(repo, dark ? 'docs/screenshot-dark.png' : 'docs/screenshot.png');
await page.screenshot({ path: out });
await browser.close();
console.log(`written ${out}`);
