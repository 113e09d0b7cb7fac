// "CPU back to idle within 2 s of Cancel", measured: the CPU time of Chromium's renderer
// processes (where the page's workers run), read through a browser-level DevTools session, is
// sampled while an expensive derivation runs and from 2 s after Cancel. A derivation left running
// by a worker that was not terminated keeps a core busy and fails the bound (checked by hand
// with the termination disabled: see the numbers in the commit message).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { addFiles, card, waitIdle, type PageFile } from '../support/page';
import { masterKey, SLOW_ENVELOPE, slowEnvelope } from '../support/slow';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const certificate: PageFile = {
	name: 'innocent.pem',
	buffer: readFileSync(resolve(FIXTURES, 'detect/cert.pem')),
};

/** Seconds of CPU the renderer processes have used so far. */
async function rendererCpu(cdp: CDPSession): Promise<number> {
	const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
	return processInfo.filter((p) => p.type === 'renderer').reduce((n, p) => n + p.cpuTime, 0);
}

/** Cores the renderer processes used, on average, over the next `ms` milliseconds. */
async function coresOver(page: Page, cdp: CDPSession, ms: number): Promise<number> {
	const before = await rendererCpu(cdp);
	const start = Date.now();
	await page.waitForTimeout(ms);
	const after = await rendererCpu(cdp);
	return (after - before) / ((Date.now() - start) / 1000);
}

async function browserSession(browser: Browser | null): Promise<CDPSession> {
	if (!browser) throw new Error('no browser');
	return browser.newBrowserCDPSession();
}

const slowP12: PageFile = {
	name: 'pkcs12-kdf-9999999.p12',
	buffer: readFileSync(resolve(FIXTURES, 'hostile/pkcs12-kdf-9999999.p12')),
};

// CPU samples on a shared 2-core machine: one retry absorbs a neighbour's burst, while an
// orphaned derivation (a core kept busy after Cancel) fails both tries.
test.describe.configure({ retries: 1 });

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

for (const scenario of [
	{
		what: 'a PBKDF2 derivation in the analysis worker (XML Encryption 1.1)',
		files: () => [masterKey, slowEnvelope(), certificate],
		slow: SLOW_ENVELOPE,
		// its own step is quick (parsed); the derivation runs in the decryption stage
		running: async (page: Page) => {
			await expect(card(page, SLOW_ENVELOPE)).toHaveAttribute('data-status', 'parsed');
			await expect(page.locator('html')).toHaveAttribute('data-state', 'busy');
		},
	},
	{
		what: 'a keystore derivation in the derivation worker (PKCS#12 opened with its password)',
		files: () => [slowP12, certificate],
		slow: 'pkcs12-kdf-9999999.p12',
		// too expensive for the default passwords: locked until its password is typed, then two
		// PBKDF2 derivations of 9,999,999 iterations (about 35 s of a core in Node)
		running: async (page: Page) => {
			const slow = card(page, 'pkcs12-kdf-9999999.p12');
			if ((await slow.getAttribute('data-status')) === 'locked') {
				const field = slow.locator('input[type=password]').first();
				await field.fill('slow-pass');
				await field.press('Enter');
			}
			await expect(slow).toHaveAttribute('data-status', 'pending');
		},
	},
]) {
	test(`CPU is back to idle within 2 s of Cancel: ${scenario.what}`, async ({ page, browser }) => {
		const cdp = await browserSession(browser);
		const started = Date.now();
		await addFiles(page, scenario.files());
		await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
		await expect(card(page, scenario.slow)).not.toHaveAttribute('data-status', 'pending');
		const slow = card(page, scenario.slow);
		await scenario.running(page);
		await expect(page.locator('[data-testid="progress"]')).toBeVisible();
		// the busiest of up to five 1 s windows: on a loaded machine the derivation may get little
		// of a core for a moment
		let busy = 0;
		for (let i = 0; i < 5 && busy < 0.3; i++)
			busy = Math.max(busy, await coresOver(page, cdp, 1000));
		await scenario.running(page);
		const cancelAt = Date.now();
		await page.locator('[data-testid="cancel"]').click();
		await expect(slow).toHaveAttribute('data-status', 'error');
		await expect(slow.locator('[data-testid="input-error"]')).toContainText('cancelled');
		await waitIdle(page);
		await page.waitForTimeout(Math.max(0, cancelAt + 2000 - Date.now()));
		const after = await coresOver(page, cdp, 3000);
		console.log(
			`${scenario.slow}: ${busy.toFixed(2)} cores while deriving, ${after.toFixed(2)} cores from 2 s to 5 s after Cancel (cancelled ${cancelAt - started} ms after the drop)`,
		);
		// The measurement sees the derivation: about one core on an idle machine, 0.2 to 0.4 when
		// the other end-to-end tests and the machine's other work share the two cores ...
		expect(busy).toBeGreaterThan(0.1);
		// ... and no job is left running after Cancel. Idle measured 0.00 to 0.03 cores; a worker
		// left deriving (termination disabled) measured 0.37 to 0.93, about what it had before
		// Cancel, so the bound follows the load the derivation had.
		expect(after).toBeLessThan(Math.max(0.08, 0.4 * busy));
		await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	});
}
