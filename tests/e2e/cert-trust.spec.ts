// Certificates in the built page (issue #3): public vs private issuer on each certificate card,
// CRL signature verdicts and revocation, PBMAC1 (RFC 9579) and EnvelopedData PKCS#12 files, and
// the extensions and raw ASN.1 tree decoded when opened.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/keystores');
const file = (path: string) => mixFile(path, path.replace(/^.*\//, ''), DIR);

test('public root named on the card; private chain says so; extensions and ASN.1 open', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [
		file('public/DigiCert_Global_Root_G2.crt'),
		file('public/claims-isrg-397d.pem'),
		file('leaf.pem'),
	]);
	await waitIdle(page);
	await expect(
		card(page, 'DigiCert_Global_Root_G2.crt').locator('[data-testid="public-root"]'),
	).toContainText('publicly trusted root: DigiCert Global Root G2');
	await expect(
		card(page, 'claims-isrg-397d.pem').locator('[data-testid="public-root"]'),
	).toContainText('publicly trusted root: ISRG Root X1');
	const leaf = card(page, 'leaf.pem');
	await expect(leaf.locator('[data-testid="public-root"]')).toContainText('private issuer');
	await leaf.getByText('Extensions (6)').click();
	await expect(leaf.locator('dl.ext')).toContainText('api.example.com');
	await leaf.getByText('Raw ASN.1').click();
	await expect(leaf.getByText('BIT STRING').last()).toBeVisible(); // the signature, depth 1
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="CERT-VALIDITY-TOO-LONG"]').first(),
	).toBeVisible();
});

test('CRLs: valid, stale and altered signatures; the listed certificate is revoked', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [
		file('crl/rsa-ca.pem'),
		file('crl/rsa-revoked.pem'),
		file('crl/rsa-stale.crl'),
		file('crl/rsa-tampered.crl'),
	]);
	await waitIdle(page);
	const stale = card(page, 'rsa-stale.crl');
	await expect(stale.locator('[data-testid="crl-verdict"]')).toContainText('signature valid');
	await expect(stale.locator('[data-testid="crl-stale"]')).toBeVisible();
	await expect(card(page, 'rsa-tampered.crl').locator('[data-testid="crl-verdict"]')).toContainText(
		'signature INVALID',
	);
	await expect(card(page, 'rsa-revoked.pem').locator('[data-testid="revoked"]')).toContainText(
		'REVOKED by the CRL in rsa-stale.crl',
	);
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="CERT-REVOKED"]').first(),
	).toBeVisible();
});

test('PBMAC1 file opens with its password; EnvelopedData bag named as not supported', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [file('rfc9579/rfc9579-a1.p12'), file('enveloped/enveloped-key.p12')]);
	await waitIdle(page);
	const a1 = card(page, 'rfc9579-a1.p12');
	await expect(a1).toHaveAttribute('data-status', 'locked');
	const field = a1.locator('input[type=password]').first();
	await field.fill('1234');
	await field.press('Enter');
	await waitIdle(page);
	await expect(a1).toHaveAttribute('data-status', 'parsed');
	await expect(a1.locator('[data-testid="keystore-detail"]')).toContainText('PBMAC1');
	const env = card(page, 'enveloped-key.p12');
	await expect(env.locator('[data-testid="unsupported-bag"]')).toHaveText(
		'not supported: EnvelopedData (public-key encrypted) bag',
	);
	await expect(env.locator('[data-testid="certificate"]')).toHaveCount(2);
});

test('path validation in the page: an intermediate that is not a CA is named and the chain is untrusted', async ({
	page,
}) => {
	const PKI = resolve(import.meta.dirname, '../fixtures/pki/chains');
	const pki = (dir: string, name: string) => mixFile(`${dir}/${name}`, `${dir}-${name}`, PKI);
	await page.goto('/');
	await addFiles(page, [
		pki('inter-ca-false', 'root.pem'),
		pki('inter-ca-false', 'untrusted.pem'),
		pki('inter-ca-false', 'leaf.pem'),
	]);
	await waitIdle(page);
	await card(page, 'inter-ca-false-root.pem').locator('[data-testid="use-as-truststore"]').check();
	await waitIdle(page);
	await expect(
		card(page, 'inter-ca-false-leaf.pem').locator('[data-testid="chain-verdict"]'),
	).toContainText('is not a CA');
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="CERT-UNTRUSTED-CHAIN"]').first(),
	).toBeVisible();
});

test('without an anchor the card says the chain cannot be verified and what would change it', async ({
	page,
}) => {
	const PKI = resolve(import.meta.dirname, '../fixtures/pki/chains');
	const pki = (dir: string, name: string) => mixFile(`${dir}/${name}`, `${dir}-${name}`, PKI);
	await page.goto('/');
	await addFiles(page, [
		pki('valid', 'root.pem'),
		pki('valid', 'untrusted.pem'),
		pki('valid', 'leaf.pem'),
		pki('leaf-signature-wrong-key', 'untrusted.pem'),
		pki('leaf-signature-wrong-key', 'leaf.pem'),
	]);
	await waitIdle(page);
	await expect(card(page, 'valid-leaf.pem').locator('[data-testid="chain-verdict"]')).toContainText(
		'cannot verify: no trust anchor supplied',
	);
	// a forged signature fails whatever anchor is added: no need to mark one to be told
	await expect(
		card(page, 'leaf-signature-wrong-key-leaf.pem').locator('[data-testid="chain-verdict"]'),
	).toContainText('whatever trust anchor is added');
	await card(page, 'valid-root.pem').locator('[data-testid="use-as-truststore"]').check();
	await waitIdle(page);
	await expect(card(page, 'valid-leaf.pem').locator('[data-testid="chain-verdict"]')).toContainText(
		'chain validates to a trust anchor',
	);
});
