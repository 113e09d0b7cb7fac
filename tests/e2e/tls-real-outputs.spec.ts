// Real producers' outputs in the built page: the Mozilla generator's own Apache output, sslyze
// 6.1.0 JSON from the sslyze repository, and a testssl.sh scan with categories and HTTP headers.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, mixFile, waitIdle } from '../support/page';

const TLS = resolve(import.meta.dirname, '../fixtures/tls');
const grade = (page: import('@playwright/test').Page) =>
	page.locator('[data-testid="grade-overall"]').first();

test('Mozilla generator output (Apache, guideline 6.0 intermediate) → A+', async ({ page }) => {
	await page.goto('/');
	const name = 'apache-6.0-intermediate.conf';
	await addFiles(page, [mixFile(name, name, resolve(TLS, 'mozilla'))]);
	await waitIdle(page);
	await expect(card(page, name)).toHaveAttribute('data-status', 'parsed');
	await expect(grade(page)).toHaveText('A+');
});

test('real sslyze 6.1.0 JSON: 3DES with TLS 1.1+ caps at C', async ({ page }) => {
	await page.goto('/');
	const name = 'sslyze-6.1.0-facebook-excerpt.json';
	await addFiles(page, [mixFile(name, name, resolve(TLS, 'scans'))]);
	await waitIdle(page);
	await expect(card(page, name)).toHaveAttribute('data-status', 'parsed');
	await expect(grade(page)).toHaveText('C');
	await expect(page.locator('[data-rule-id="TLS-3DES-CIPHER"]').first()).toBeVisible();
});

test('real testssl.sh -s -h scan: CBC from the categories, and no A+ without HSTS', async ({
	page,
}) => {
	await page.goto('/');
	const name = 'testssl-legacy-std-headers.json';
	await addFiles(page, [mixFile(name, name, resolve(TLS, 'scans'))]);
	await waitIdle(page);
	await expect(card(page, name)).toHaveAttribute('data-status', 'parsed');
	await expect(grade(page)).toHaveText('B');
	await expect(page.locator('[data-rule-id="TLS-CBC-CIPHERS"]').first()).toBeVisible();
	const detail = page.locator('[data-testid="tls-detail"]').first();
	if (!(await detail.isVisible())) await card(page, name).click();
	await expect(detail).toBeVisible();
	await expect(
		detail.getByText(/No A\+: the scan found no Strict-Transport-Security header/).first(),
	).toBeVisible();
	const evidence = detail.locator('[data-testid="tls-scanner-evidence"]').first();
	await expect(evidence).toContainText('CBC suites: offered');
	await expect(evidence).toContainText('HSTS: no Strict-Transport-Security header: no A+');
});
