// WS-Security signatures in the built page: a WSS4J envelope dropped with the signer's keystore
// verifies and shows what is signed; a tampered copy is invalid; a wrapped copy (signed Body moved
// into a header) verifies but is flagged as not signing the Body the service processes.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/wss');
const file = (name: string) => mixFile(name, name, DIR);

interface ReportShape {
	signatures: {
		inputName: string;
		valid: boolean | null;
		keySource: string;
		references: { target: string | null }[];
	}[];
	findings: { ruleId: string }[];
}

const finding = (page: import('@playwright/test').Page, id: string) =>
	page.locator(`[data-testid="finding"][data-rule-id="${id}"]`);

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('envelope + keystore: valid signature, signed Body and Timestamp in the tree', async ({
	page,
}) => {
	const envelope = 'wss4j-soap11-rsa-issuerserial.xml';
	await addFiles(page, [file(envelope), file('signers.p12')]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	const tree = c.locator('[data-testid="signed-tree"]');
	await expect(tree.locator('[data-path="/soapenv:Envelope/soapenv:Body"]')).toHaveAttribute(
		'data-signed',
		'yes',
	);
	await expect(tree.locator('[data-path$="/wsu:Timestamp"]')).toHaveAttribute('data-signed', 'yes');
	await expect(
		tree.locator('[data-path="/soapenv:Envelope/soapenv:Header/wsa:To"]'),
	).toHaveAttribute('data-signed', 'no');
	await expect(c.locator('[data-testid="reference-row"]')).toHaveCount(2);
	await expect(finding(page, 'WSS-SIGNATURE-INVALID')).toHaveCount(0);
	await expect(finding(page, 'WSS-BODY-NOT-SIGNED')).toHaveCount(0);
	const { json, text } = await exportReport(page);
	const sig = (json as ReportShape).signatures.find((s) => s.inputName === envelope);
	expect(sig?.valid).toBe(true);
	expect(sig?.keySource).toBe('X509IssuerSerial');
	expect(sig?.references.map((r) => r.target).sort()).toEqual(['soapenv:Body', 'wsu:Timestamp']);
	// canonical bytes stay on the page, never in the report
	expect(text).not.toContain('Widget number');
});

test('without the certificate the signature is "cannot verify", not invalid', async ({ page }) => {
	const envelope = 'wss4j-soap11-rsa-ski.xml';
	await addFiles(page, [file(envelope)]);
	await waitIdle(page);
	await expect(card(page, envelope).locator('[data-testid="signature-verdict"]')).toHaveText(
		'cannot verify',
	);
	await expect(finding(page, 'WSS-SIGNER-UNKNOWN').first()).toBeVisible();
	await expect(finding(page, 'WSS-SIGNATURE-INVALID')).toHaveCount(0);
});

test('a tampered Body is invalid with a digest mismatch', async ({ page }) => {
	const envelope = 'tampered-body.xml';
	await addFiles(page, [file(envelope)]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('invalid');
	await expect(c.locator('[data-testid="signature-error"]')).toContainText('digest');
	await expect(finding(page, 'WSS-SIGNATURE-INVALID').first()).toBeVisible();
});

test('a wrapped Body: the signature verifies but the processed Body is unsigned', async ({
	page,
}) => {
	const envelope = 'xsw-relocated-body.xml';
	await addFiles(page, [file(envelope)]);
	await waitIdle(page);
	const c = card(page, envelope);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	await expect(c.locator('[data-testid="body-unsigned"]')).toBeVisible();
	await expect(c.locator('[data-path="/soapenv:Envelope/soapenv:Body"]')).toHaveAttribute(
		'data-signed',
		'no',
	);
	await expect(finding(page, 'XSW-SIGNED-ELEMENT-RELOCATED').first()).toBeVisible();
	await expect(finding(page, 'WSS-BODY-NOT-SIGNED').first()).toBeVisible();
});

test('sign-then-encrypt and encrypt-then-sign both show signature results', async ({ page }) => {
	const xmlenc = resolve(import.meta.dirname, '../fixtures/xmlenc');
	const enc = (name: string) => mixFile(name, name, xmlenc);
	await addFiles(page, [
		enc('wss4j-sign-then-encrypt.xml'),
		enc('wss4j-encrypt-then-sign.xml'),
		enc('recipient.p12'),
	]);
	await waitIdle(page);
	const inner = card(page, 'wss4j-sign-then-encrypt.xml').locator('[data-testid="signature-card"]');
	await expect(inner.first()).toBeVisible();
	await expect(inner.first()).toContainText('Found inside decrypted content');
	const outer = card(page, 'wss4j-encrypt-then-sign.xml').locator('[data-testid="signature-card"]');
	await expect(outer.first()).toBeVisible();
	const { json } = await exportReport(page);
	const sigs = (json as ReportShape).signatures;
	for (const name of ['wss4j-sign-then-encrypt.xml', 'wss4j-encrypt-then-sign.xml']) {
		const s = sigs.filter((x) => x.inputName === name);
		expect(s.length, name).toBeGreaterThan(0);
		expect(
			s.every((x) => x.valid === true),
			name,
		).toBe(true);
	}
});

test('sign-then-encrypt without the recipient key: "cannot verify", the content is still encrypted', async ({
	page,
}) => {
	const name = 'wss4j-sign-then-encrypt.xml';
	await addFiles(page, [mixFile(name, name, resolve(import.meta.dirname, '../fixtures/xmlenc'))]);
	await waitIdle(page);
	const c = card(page, name);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('cannot verify');
	await expect(c.locator('[data-testid="signature-error"]')).toContainText('still encrypted');
	await expect(finding(page, 'WSS-SIGNATURE-INVALID')).toHaveCount(0);
	const { json } = await exportReport(page);
	const sig = (json as { signatures: { valid: unknown; verdict: unknown }[] }).signatures[0];
	expect(sig).toMatchObject({ valid: null, verdict: 'cannot-verify' });
});

test('a KeyName nobody dropped: found by trying the dropped certificate', async ({ page }) => {
	const name = 'xmlsec1-enveloped-rsa-keyname.xml';
	await addFiles(page, [file(name), mixFile('rsa.cer', 'signer-certificate.cer', DIR)]);
	await waitIdle(page);
	const c = card(page, name);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	await expect(c.locator('[data-testid="signature-key-search"]')).toContainText(
		'found by trying the dropped keys; the KeyName "rsa" did not match',
	);
});

test('SAML: a doubled assertion (xmlsec1-signed, attacker copy added) is flagged as wrapping', async ({
	page,
}) => {
	const saml = resolve(import.meta.dirname, '../fixtures/saml');
	const name = 'saml2-xsw-assertion-doubled.xml';
	await addFiles(page, [mixFile(name, name, saml), file('ca.cer')]);
	await waitIdle(page);
	const c = card(page, name);
	await expect(c.locator('[data-testid="signature-verdict"]')).toHaveText('valid');
	const rows = c.locator('[data-testid="saml-assertion"]');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toHaveAttribute('data-signed', 'no');
	await expect(rows.first()).toHaveAttribute('data-effective', 'yes');
	await expect(rows.first()).toContainText('admin@evil.example');
	await expect(c.locator('[data-testid="reference-wrapping"]')).toContainText(
		'wrapping (duplicated): 2 assertions where the consumer reads',
	);
	await expect(finding(page, 'XSW-SIGNED-ELEMENT-RELOCATED').first()).toBeVisible();
});
