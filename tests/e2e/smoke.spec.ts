import { expect, test } from '@playwright/test';

test('the built page accepts a file and shows a card for it', async ({ page }) => {
	await page.goto('/');
	await page.locator('[data-testid="file-input"]').setInputFiles({
		name: 'hello.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('just some words'),
	});
	const card = page.locator('[data-testid="input-card"][data-input-name="hello.txt"]');
	await expect(card).toHaveAttribute('data-status', 'error');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle');
});
