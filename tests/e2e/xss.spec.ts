// File names and contents with markup render as text: no element is injected, no script runs.
import { expect, test } from '@playwright/test';
import { MARKUP_NAME } from '../support/mix';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

test('markup in file names and contents is shown as text', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto('/');
	await page.evaluate(() => {
		(window as unknown as { __injected: number }).__injected = 0;
	});
	const xmlName = '"><svg onload=alert(2)>.xml';
	const textName = '<script>window.__injected=1</script>.conf';
	await addFiles(page, [
		mixFile('server-cert.pem', MARKUP_NAME),
		{
			name: xmlName,
			buffer: Buffer.from(
				'<?xml version="1.0"?><root><img src="x" onerror="alert(3)"/><script>alert(4)</script></root>',
			),
		},
		{
			name: textName,
			buffer: Buffer.from('<img src=x onerror=alert(5)>\nssl_protocols TLSv1.2;\n'),
		},
		{ name: 'evil.pem', buffer: Buffer.from('-----BEGIN <b>CERT</b>-----\n<i>x</i>\n') },
	]);
	await waitIdle(page);
	for (const name of [MARKUP_NAME, xmlName, textName, 'evil.pem']) {
		const c = card(page, name);
		await expect(c).toHaveCount(1);
		await expect(c.locator('[data-testid="input-name"]')).toHaveText(name);
	}
	// No element from the names or contents: nothing with their event handlers or markup.
	await expect(page.locator('[onerror], [onload], img[src="x"]')).toHaveCount(0);
	await expect(page.locator('b, i').filter({ hasText: /^(CERT|x)$/ })).toHaveCount(0);
	// Only the page's own scripts: the bundle, the lazily loaded engine and its area scripts.
	const scripts = await page
		.locator('script')
		.evaluateAll((els) => els.map((e) => e.getAttribute('src') ?? 'inline'));
	const areas = scripts.filter((s) => /^assets\/engine-[\w-]+\.js$/.test(s));
	expect(scripts.filter((s) => !areas.includes(s)).sort()).toEqual([
		'./assets/app.js',
		'assets/engine.js',
	]);
	expect(await page.evaluate(() => (window as unknown as { __injected: number }).__injected)).toBe(
		0,
	);
	const { json } = await exportReport(page);
	expect((json as { inputs: { name: string }[] }).inputs.map((i) => i.name)).toContain(MARKUP_NAME);
	expect(dialogs).toEqual([]);
});
