// "Nothing leaves the browser", as a test: every request that is not to 127.0.0.1 is aborted and
// recorded during a full analysis (unlock, export, share, reopen), and none may be attempted.
import { expect, test } from '@playwright/test';
import { mixPasswords } from '../support/mix';
import {
	addFiles,
	blockNetwork,
	card,
	exportReport,
	makeShareLink,
	mixFile,
	waitIdle,
} from '../support/page';

test('a full analysis makes no request beyond the page itself', async ({ browser }) => {
	const context = await browser.newContext();
	const attempts = await blockNetwork(context);
	const local: string[] = [];
	context.on('request', (r) => local.push(r.url()));
	const page = await context.newPage();
	await page.goto('/');
	await addFiles(page, [
		mixFile('server-cert.pem'),
		mixFile('client.p12'),
		mixFile('partner.jks'),
		mixFile('orders.wsdl'),
		mixFile('envelope.xml'),
		mixFile('nginx.conf'),
		mixFile('random.bin'),
	]);
	await waitIdle(page);
	const p12 = card(page, 'client.p12');
	await expect(p12).toHaveAttribute('data-status', 'locked');
	await p12.locator('input[type=password]').fill(mixPasswords()['client.p12']!);
	await p12.locator('input[type=password]').press('Enter');
	await waitIdle(page);
	await expect(p12).toHaveAttribute('data-status', 'parsed');
	await exportReport(page);
	const url = await makeShareLink(page);
	await page.goto('about:blank');
	await page.goto(url);
	await waitIdle(page);
	await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
	expect(attempts).toEqual([]);
	// Only the page's own files were loaded: the HTML, one script, one style sheet, the engine
	// and the engine's area scripts (assets/engine-<name>.js, loaded as the inputs need them).
	const paths = [...new Set(local.map((u) => new URL(u).pathname))].sort();
	const areas = paths.filter((p) => /^\/assets\/engine-[\w-]+\.js$/.test(p));
	expect(paths.filter((p) => !areas.includes(p))).toEqual([
		'/',
		'/assets/app.js',
		'/assets/engine.js',
		'/assets/style.css',
	]);
	expect(areas).toContain('/assets/engine-xml-security.js');
	await context.close();
});

test('the Content-Security-Policy forbids connections and remote resources', async ({ page }) => {
	await page.goto('/');
	const csp = await page
		.locator('meta[http-equiv="Content-Security-Policy"]')
		.getAttribute('content');
	expect(csp).toContain("default-src 'none'");
	expect(csp).toContain("connect-src 'none'");
	expect(csp).toContain("font-src 'none'");
	expect(csp).not.toMatch(/https?:/);
	// A fetch from the page is refused by the policy, not merely unanswered.
	const refused = await page.evaluate(async () => {
		try {
			await fetch('https://example.com/');
			return false;
		} catch {
			return true;
		}
	});
	expect(refused).toBe(true);
});
