// Keystores in the built page (issue #3): real keytool/OpenSSL files dropped, a locked PKCS#12 and
// JKS unlocked with their store password, a key with its own password unlocked through the
// entry-password hook, entries, certificates and findings shown; hostile files stay on their card.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, dropFiles, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/keystores');
const file = (name: string) => mixFile(name, name, DIR);

test('unlock a PKCS#12 and a JKS, see entries, certificates and findings', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [file('openssl-legacy.p12'), file('keytool.jks'), file('chain.p7b')]);
	await waitIdle(page);
	for (const name of ['openssl-legacy.p12', 'keytool.jks']) {
		const c = card(page, name);
		await expect(c).toHaveAttribute('data-status', 'locked');
		const field = c.locator('input[type=password]').first();
		await field.fill('wrong');
		await field.press('Enter');
		await waitIdle(page);
		await expect(c).toHaveAttribute('data-status', 'locked');
		await expect(c.locator('[data-testid="wrong-password"]')).toBeVisible();
		await field.fill('storepass');
		await field.press('Enter');
		await waitIdle(page);
		await expect(c).toHaveAttribute('data-status', 'parsed');
	}
	const jks = card(page, 'keytool.jks');
	await expect(jks.locator('[data-testid="keystore-entry"]')).toHaveCount(3);
	await expect(jks.locator('[data-testid="keystore-entry"][data-alias="rsa"]')).toContainText(
		'Key pair',
	);
	await expect(jks.locator('[data-testid="keystore-entry"][data-alias="root"]')).toContainText(
		'Trusted certificate',
	);
	const p12 = card(page, 'openssl-legacy.p12');
	await expect(p12.locator('[data-testid="keystore-detail"]')).toContainText(
		'pbeWithSHAAnd40BitRC2-CBC',
	);
	await expect(card(page, 'chain.p7b').locator('[data-testid="certificate"]')).toHaveCount(3);
	for (const id of ['KEYSTORE-JKS-LEGACY-FORMAT', 'KEYSTORE-PKCS12-WEAK-PBE', 'CERT-SELF-SIGNED']) {
		await expect(
			page.locator(`[data-testid="finding"][data-rule-id="${id}"]`).first(),
		).toBeVisible();
	}
});

test('a key with its own password opens through the entry-password hook', async ({ page }) => {
	await page.goto('/');
	await dropFiles(page, [file('keypass.jks')]);
	await waitIdle(page);
	const c = card(page, 'keypass.jks');
	await expect(c).toHaveAttribute('data-status', 'locked');
	await c.locator('input[type=password]').first().fill('storepass');
	await c.locator('input[type=password]').first().press('Enter');
	await waitIdle(page);
	await expect(c).toHaveAttribute('data-status', 'parsed');
	const entry = c.locator(
		'input[type=password][data-testid="entry-password"][data-alias="signer"]',
	);
	await expect(entry).toBeVisible();
	await entry.fill('otherpass');
	await entry.press('Enter');
	await waitIdle(page);
	await expect(c.locator('[data-testid="entry-password"]')).toHaveCount(0);
	await expect(c.locator('[data-testid="keystore-entry"][data-alias="signer"]')).not.toContainText(
		'key locked',
	);
});

test('default passwords open a store without asking; hostile files stay on their card', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [
		file('changeit.jks'),
		file('random.jks'),
		file('million-entries.jks'),
		file('truncated.p12'),
		file('uber.ubr'),
		file('leaf.pem'),
	]);
	await waitIdle(page);
	await expect(card(page, 'changeit.jks')).toHaveAttribute('data-status', 'parsed');
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="KEYSTORE-DEFAULT-PASSWORD"]').first(),
	).toBeVisible();
	await expect(card(page, 'million-entries.jks')).toHaveAttribute('data-status', 'error');
	await expect(card(page, 'million-entries.jks')).toContainText('claims 2,147,483,647 entries');
	await expect(card(page, 'uber.ubr')).toContainText('UBER');
	await expect(card(page, 'truncated.p12')).toHaveAttribute('data-status', 'error');
	await expect(card(page, 'random.jks')).toHaveAttribute('data-status', /error/);
	await expect(card(page, 'leaf.pem')).toHaveAttribute('data-status', 'parsed');
});

test('what a reader could not check is on the card: a truststore read without its password', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [mixFile('trust.jks', 'trust.jks', resolve(DIR, 'locked'))]);
	await waitIdle(page);
	const c = card(page, 'trust.jks');
	await expect(c).toHaveAttribute('data-status', 'parsed');
	const note = c.locator('[data-testid="input-notes"] li[data-level="warning"]');
	await expect(note).toContainText('The integrity of this JKS store was not verified');
	await expect(note).toContainText('Give the store password to verify it');
});
