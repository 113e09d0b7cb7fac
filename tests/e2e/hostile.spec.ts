// Hostile input stays on its own card, in the page: a 2,000-deep <ä> envelope beside an innocent
// certificate, a slow keystore that does not hold back the certificate dropped with it or after
// it (keystores are read in the derivation worker), and Cancel during a key derivation, which
// terminates the worker deriving (no job left running) and keeps the other cards' results; the
// cancelled card offers Retry.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Worker } from '@playwright/test';
import { addFiles, card, exportReport, waitIdle, type PageFile } from '../support/page';

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');
const hostile = (name: string): PageFile => ({
	name,
	buffer: readFileSync(resolve(HOSTILE, name)),
});
const slowP12 = hostile('pkcs12-kdf-9999999.p12');
const certificate: PageFile = {
	name: 'innocent.pem',
	buffer: readFileSync(resolve(import.meta.dirname, '../fixtures/detect/cert.pem')),
};

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('the 2,000-deep <ä> envelope gets its own error; the certificate beside it is analyzed', async ({
	page,
}) => {
	await addFiles(page, [hostile('deep-ae-envelope.xml'), certificate]);
	await waitIdle(page);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	const envelope = card(page, 'deep-ae-envelope.xml');
	await expect(envelope).toHaveAttribute('data-status', 'error');
	await expect(envelope.locator('[data-testid="input-error"]')).toContainText(
		'XML nesting deeper than 256 levels at line 1, column 844',
	);
	await expect(page.locator('[data-testid="input-card"][data-status="pending"]')).toHaveCount(0);
});

test('a slow keystore does not hold back the certificate dropped with it', async ({ page }) => {
	await addFiles(page, [hostile('bks-iterations-500000.bks'), certificate]);
	// the certificate's card has its result while the keystore is still being derived
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(card(page, 'bks-iterations-500000.bks')).toHaveAttribute('data-status', 'pending');
	await waitIdle(page);
	await expect(card(page, 'bks-iterations-500000.bks')).toHaveAttribute('data-status', 'locked');
});

test('a file added while a keystore derivation runs is analyzed at once; Cancel stops only the derivation', async ({
	page,
}) => {
	// The analysis worker may already run (started when the page went idle).
	const workers: Worker[] = [...page.workers()];
	page.on('worker', (w) => workers.push(w));
	await addFiles(page, [slowP12]);
	const slow = card(page, slowP12.name);
	// too expensive for the default passwords: it asks for its password
	await expect(slow).toHaveAttribute('data-status', 'locked');
	const field = slow.locator('input[type=password]').first();
	await field.fill('slow-pass');
	await field.press('Enter');
	await expect(slow).toHaveAttribute('data-status', 'pending');
	await expect(page.locator('[data-testid="progress"]')).toBeVisible();
	// two workers: the analysis worker and the derivation worker reading the keystore
	expect(workers).toHaveLength(2);
	const [analysis, derivation] = workers as [Worker, Worker];
	let analysisClosed = false;
	analysis.once('close', () => (analysisClosed = true));
	const derivationClosed = new Promise<void>((done) => derivation.once('close', () => done()));
	// a certificate dropped now is analyzed while the derivation runs (about 35 s of a core)
	const dropped = Date.now();
	await addFiles(page, [certificate]);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	const certificateMs = Date.now() - dropped;
	await expect(slow).toHaveAttribute('data-status', 'pending');
	console.log(
		`certificate analyzed ${certificateMs} ms after its drop, the keystore still deriving`,
	);
	await page.locator('[data-testid="cancel"]').click();
	// the derivation worker is terminated (nothing keeps computing); the analysis worker stays
	await derivationClosed;
	await waitIdle(page);
	expect(analysisClosed).toBe(false);
	await expect(slow).toHaveAttribute('data-status', 'error');
	await expect(slow.locator('[data-testid="input-error"]')).toContainText('cancelled');
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	// the exported report lists the cancelled input
	const { json } = await exportReport(page);
	const inputs = (json as { inputs: { name: string; status: string; error?: string }[] }).inputs;
	expect(inputs.find((i) => i.name === slowP12.name)).toMatchObject({
		status: 'error',
		error: expect.stringContaining('cancelled') as unknown as string,
	});
});

test('Cancel during a default-password derivation, then Retry in a fresh derivation worker', async ({
	page,
}) => {
	const workers: Worker[] = [...page.workers()];
	page.on('worker', (w) => workers.push(w));
	await addFiles(page, [certificate, hostile('bks-iterations-500000.bks')]);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	const slow = card(page, 'bks-iterations-500000.bks');
	await expect(slow).toHaveAttribute('data-status', 'pending');
	await expect(page.locator('[data-testid="progress"]')).toBeVisible();
	const derivation = workers[workers.length - 1]!;
	const closed = new Promise<void>((done) => derivation.once('close', () => done()));
	await page.locator('[data-testid="cancel"]').click();
	await closed;
	await waitIdle(page);
	await expect(slow).toHaveAttribute('data-status', 'error');
	await expect(slow.locator('[data-testid="input-error"]')).toContainText('cancelled');
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	// Retry reads it again in a new derivation worker
	await slow.locator('[data-testid="retry"]').click();
	await expect(slow).toHaveAttribute('data-status', 'pending');
	await waitIdle(page);
	await expect(slow).toHaveAttribute('data-status', 'locked');
});

test('a file added after an envelope with an expensive derived key does not wait for the derivation again', async ({
	page,
}) => {
	const XENC = 'http://www.w3.org/2001/04/xmlenc#';
	const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
	// PBKDF2 with 3,000,000 iterations (past the native limit: JavaScript), from the raw key "master"
	const envelope: PageFile = {
		name: 'derived-key.xml',
		buffer: Buffer.from(
			`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xenc="${XENC}" xmlns:xenc11="${XENC11}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><soap:Body><xenc:EncryptedData Type="${XENC}Content"><xenc:EncryptionMethod Algorithm="${XENC11}aes256-gcm"/><ds:KeyInfo><xenc11:DerivedKey><xenc11:KeyDerivationMethod Algorithm="${XENC11}pbkdf2"><xenc11:PBKDF2-params><xenc11:Salt><xenc11:Specified>c2FsdA==</xenc11:Specified></xenc11:Salt><xenc11:IterationCount>3000000</xenc11:IterationCount><xenc11:KeyLength>32</xenc11:KeyLength><xenc11:PRF Algorithm="http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"/></xenc11:PBKDF2-params></xenc11:KeyDerivationMethod><xenc11:MasterKeyName>master</xenc11:MasterKeyName></xenc11:DerivedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></soap:Body></soap:Envelope>`,
		),
	};
	let started = Date.now();
	await addFiles(page, [{ name: 'master', buffer: Buffer.alloc(32, 7) }, envelope]);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'busy');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout: 120_000 });
	const first = Date.now() - started;
	started = Date.now();
	await addFiles(page, [certificate]);
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	await waitIdle(page);
	const second = Date.now() - started;
	console.log(`derivation analyzed in ${first} ms; a certificate added afterwards in ${second} ms`);
	// the re-run takes the derived key from the engine's memo instead of deriving it again
	expect(second).toBeLessThan(first / 3);
});
