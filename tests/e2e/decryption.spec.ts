// XML Encryption in the built page: an encrypted envelope (WSS4J) dropped with the recipient's
// keystore shows the decrypted content, the key that opened it and the findings; with the wrong
// keystore it says which certificate the sender encrypted for. The report keeps only hashes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/xmlenc');
const file = (name: string) => mixFile(name, name, DIR);

interface ReportShape {
	decryptions: { inputName: string; status: string; plaintextSha256?: string; error?: string }[];
	findings: { ruleId: string }[];
}

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('envelope + recipient PKCS#12: decrypted in place, key named, findings, no plaintext in the report', async ({
	page,
}) => {
	const envelope = 'wss4j-rsa15-aes256cbc-bst.xml';
	await addFiles(page, [file(envelope), file('recipient.p12')]);
	await waitIdle(page);
	await expect(card(page, 'recipient.p12')).toHaveAttribute('data-status', 'parsed');
	const view = card(page, envelope).locator('[data-testid="decryption"]');
	await expect(view).toHaveCount(1);
	await expect(view).toHaveAttribute('data-status', 'decrypted');
	await expect(view.locator('[data-testid="decrypted-content"]')).toContainText(
		'4111 1111 1111 1111',
	);
	await expect(view.locator('[data-testid="decryption-key"]')).toContainText('recipient.p12');
	await expect(view.locator('[data-testid="decryption-key"]')).toContainText(
		'CN=Order Service Recipient',
	);
	for (const id of ['WSS-RSA15-KEY-TRANSPORT', 'WSS-CBC-ENCRYPTION']) {
		await expect(
			page.locator(`[data-testid="finding"][data-rule-id="${id}"]`).first(),
		).toBeVisible();
	}
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="WSS-DECRYPTION-FAILED"]'),
	).toHaveCount(0);

	const { json, text } = await exportReport(page);
	const report = json as ReportShape;
	const d = report.decryptions.find((x) => x.inputName === envelope);
	expect(d?.status).toBe('decrypted');
	expect(d?.plaintextSha256).toMatch(/^[0-9a-f]{64}$/);
	expect(text).not.toContain('4111 1111 1111 1111');
	expect(text).not.toContain('Widget');
});

test('recipient JKS opens the xmlenc11 rsa-oaep (SHA-256, MGF1-SHA1) message', async ({ page }) => {
	const envelope = 'santuario-oaep11-sha256-mgf1sha1-aes128gcm.xml';
	await addFiles(page, [file(envelope), file('recipient.jks')]);
	await waitIdle(page);
	const view = card(page, envelope).locator('[data-testid="decryption"]');
	await expect(view).toHaveAttribute('data-status', 'decrypted');
	await expect(view.locator('[data-testid="decrypted-content"]')).toContainText('<ex:placeOrder');
	// The raw view shows exactly the decrypted octets: their hash is the report's.
	await view.getByRole('button', { name: 'Raw' }).click();
	const raw = await view.locator('[data-testid="decrypted-content"]').textContent();
	const { json } = await exportReport(page);
	const d = (json as ReportShape).decryptions[0];
	expect(d?.plaintextSha256).toBe(
		createHash('sha256')
			.update(raw ?? '', 'utf8')
			.digest('hex'),
	);
});

for (const envelope of ['wss4j-sign-then-encrypt.xml', 'wss4j-encrypt-then-sign.xml']) {
	test(`${envelope}: the signature verifies over the decrypted or the original document`, async ({
		page,
	}) => {
		await addFiles(page, [file(envelope), file('recipient.p12')]);
		await waitIdle(page);
		await expect(card(page, envelope).locator('[data-testid="decryption"]')).toHaveAttribute(
			'data-status',
			'decrypted',
		);
		const { json } = await exportReport(page);
		const report = json as ReportShape & {
			signatures: { inputName: string; valid: boolean | null; error?: string }[];
		};
		const signatures = report.signatures.filter((s) => s.inputName === envelope);
		// Sign-then-encrypt verifies over the decrypted document (the original's Body digest no longer
		// matches, and is reported as such); encrypt-then-sign verifies over the original.
		expect(
			signatures.some((s) => s.valid === true),
			JSON.stringify(signatures),
		).toBe(true);
	});
}

test('CipherValues of 122 000 characters, decoded in pieces, decrypt to the Body xmlsec1 encrypted', async ({
	page,
}) => {
	// longer than one base64 slice, each ending in a partial group: Chromium's native decoder
	// fills several pieces (base64-chunks.ts); large-body.txt is the plaintext, as xmlsec1's own
	// decryption gives it back
	const messages = ['xmlsec1-large-aes256gcm.xml', 'xmlsec1-large-aes128cbc.xml'];
	await addFiles(page, [...messages.map(file), file('recipient-key.pem')]);
	await waitIdle(page);
	const body = readFileSync(resolve(DIR, 'large-body.txt'));
	const expected = createHash('sha256').update(body).digest('hex');
	for (const name of messages) {
		const view = card(page, name).locator('[data-testid="decryption"]');
		await expect(view).toHaveAttribute('data-status', 'decrypted');
	}
	const report = (await exportReport(page)).json as ReportShape;
	for (const name of messages) {
		const d = report.decryptions.find((x) => x.inputName === name);
		expect(d?.plaintextSha256, name).toBe(expected);
	}
});

test('wrong keystore: the message names the certificate the sender encrypted for', async ({
	page,
}) => {
	const envelope = 'wss4j-rsa15-aes256cbc-bst.xml';
	await addFiles(page, [file(envelope), file('other.p12')]);
	await waitIdle(page);
	const view = card(page, envelope).locator('[data-testid="decryption"]');
	await expect(view).toHaveAttribute('data-status', 'failed');
	await expect(view.locator('[data-testid="decryption-error"]')).toContainText(
		'it was encrypted for CN=Order Service Recipient',
	);
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="WSS-DECRYPTION-FAILED"]').first(),
	).toBeVisible();
});

test('a raw AES key typed in the key form opens a kw-aes256 message named by KeyName', async ({
	page,
}) => {
	const envelope = 'santuario-kw-aes256-aes256-cbc.xml';
	await addFiles(page, [file(envelope)]);
	await waitIdle(page);
	const view = card(page, envelope).locator('[data-testid="decryption"]');
	await expect(view).toHaveAttribute('data-status', 'no-key');
	await page.getByText(/^Keys \(/).click();
	const form = page.locator('[data-testid="raw-key-form"]');
	await form.locator('[data-testid="raw-key-name"]').fill('shared-aes256');
	await form.locator('[data-testid="raw-key-text"]').fill('00');
	await form.locator('[data-testid="raw-key-add"]').click();
	await expect(form.getByRole('alert')).toContainText('16, 24 or 32 bytes');
	const hex = file('shared-aes256.hex').buffer.toString('utf8').trim();
	await form.locator('[data-testid="raw-key-text"]').fill(hex);
	await form.locator('[data-testid="raw-key-add"]').click();
	await waitIdle(page);
	await expect(view).toHaveAttribute('data-status', 'decrypted');
	await expect(view.locator('[data-testid="decryption-key"]')).toContainText('shared-aes256');
	const { text } = await exportReport(page);
	expect(text).not.toContain(hex);
});
