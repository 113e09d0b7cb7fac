// WS-Security symmetric binding in the built page (WSS4J messages, tests/fixtures/wss): an HMAC
// signature keyed by an EncryptedKey verifies once the recipient's keystore is dropped, is "not
// checked" without it; an EncryptedKey nothing uses is shown as unlinked on the card; a Body
// encrypted under a DerivedKeyToken decrypts; an STR-Transform through a KeyIdentifier verifies.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/wss');
const file = (name: string) => mixFile(name, name, DIR);
const finding = (page: import('@playwright/test').Page, id: string) =>
	page.locator(`[data-testid="finding"][data-rule-id="${id}"]`);

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('HMAC keyed by an EncryptedKey: valid with the recipient keystore', async ({ page }) => {
	const envelope = 'wss4j-hmac-encryptedkey-id.xml';
	await addFiles(page, [file(envelope), file('signers.p12')]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	await expect(c.locator('[data-testid="encrypted-key"]')).toHaveAttribute('data-use', 'signature');
	await expect(finding(page, 'WSS-SIGNATURE-INVALID')).toHaveCount(0);
	await expect(finding(page, 'WSS-SIGNER-UNKNOWN')).toHaveCount(0);
	const { json } = await exportReport(page);
	const sigs = (json as { signatures: { inputName: string; valid: boolean | null }[] }).signatures;
	expect(sigs.find((s) => s.inputName === envelope)?.valid).toBe(true);
});

test('HMAC keyed by a DerivedKeyToken without the keystore: cannot verify', async ({ page }) => {
	const envelope = 'wss4j-hmac-derivedkey.xml';
	await addFiles(page, [file(envelope)]);
	await waitIdle(page);
	await expect(card(page, envelope).locator('[data-testid="signature-verdict"]')).toHaveText(
		'cannot verify',
	);
	await expect(finding(page, 'WSS-SIGNER-UNKNOWN').first()).toBeVisible();
	await expect(finding(page, 'WSS-SIGNATURE-INVALID')).toHaveCount(0);
});

test('an EncryptedKey nothing uses is shown as unlinked', async ({ page }) => {
	const envelope = 'wss4j-encryptedkey-unlinked.xml';
	await addFiles(page, [file(envelope), file('signers.p12')]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="unlinked-keys"]')).toBeVisible();
	await expect(c.locator('[data-testid="encrypted-key"]')).toHaveAttribute('data-use', 'unlinked');
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
});

test('a Body encrypted under a DerivedKeyToken decrypts with the recipient keystore', async ({
	page,
}) => {
	const envelope = 'wss4j-dk-encrypted-body.xml';
	await addFiles(page, [file(envelope), file('signers.p12')]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="decryption"]')).toHaveAttribute('data-status', 'decrypted');
	await expect(c.locator('[data-testid="encrypted-key"]')).toHaveAttribute('data-use', 'data');
	const { text } = await exportReport(page);
	// the plaintext stays on the page
	expect(text).not.toContain('ex:customer');
});

test('STR-Transform through an SKI KeyIdentifier: valid, three references, not "enveloping"', async ({
	page,
}) => {
	const envelope = 'wss4j-strtransform-ski.xml';
	await addFiles(page, [file(envelope), file('signers.p12')]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	await expect(c.locator('[data-testid="reference-row"]')).toHaveCount(3);
	await expect(finding(page, 'XSW-NON-BSP-SIGNATURE-STRUCTURE')).toHaveCount(0);
});
