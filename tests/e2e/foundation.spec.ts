// The page's foundation: adding inputs (pick, drop, paste), cards, remove/clear, busy/idle,
// the report view, filters and the exported JSON (validated against the report schema).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type FileChooser, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { DETECT_DIR, entryPassword, mixPasswords } from '../support/mix';
import {
	addFiles,
	card,
	dropFiles,
	exportReport,
	mixFile,
	waitIdle,
	type PageFile,
} from '../support/page';

const schema = JSON.parse(
	readFileSync(resolve(import.meta.dirname, '../../src/core/report/report.schema.json'), 'utf8'),
) as object;

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('an empty page explains itself and has no report actions enabled', async ({ page }) => {
	await expect(page.getByRole('heading', { name: 'Nothing analyzed yet' })).toBeVisible();
	await expect(page.locator('[data-testid="export-json"]')).toBeDisabled();
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(0);
});

test('files picked at once get a card each with size, SHA-256, kind and status', async ({
	page,
}) => {
	const files = [mixFile('server-cert.pem'), mixFile('random.bin'), mixFile('nginx.conf')];
	await addFiles(page, files);
	await waitIdle(page);
	for (const f of files) {
		const c = card(page, f.name);
		await expect(c).toHaveCount(1);
		await expect(c).toHaveAttribute('data-status', /^(parsed|locked|error)$/);
		await expect(c.locator('[data-testid="sha256"]')).toHaveText(
			createHash('sha256').update(f.buffer).digest('hex'),
		);
		await expect(c).toContainText(`${f.buffer.length} bytes`);
	}
	await expect(card(page, 'server-cert.pem')).toContainText('PEM: CERTIFICATE');
	await expect(card(page, 'nginx.conf')).toContainText('nginx configuration');
	const random = card(page, 'random.bin');
	await expect(random).toHaveAttribute('data-status', 'error');
	await expect(random.locator('[data-testid="input-error"]')).toContainText('binary data');
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText(/^(A\+|A-?|[B-F]|T|M)$/);
});

test('adding more keeps earlier inputs; remove one; clear all', async ({ page }) => {
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await addFiles(page, [mixFile('nginx.conf'), mixFile('random.bin')]);
	await waitIdle(page);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(3);
	const { json } = await exportReport(page);
	expect((json as { inputs: unknown[] }).inputs).toHaveLength(3);

	await page.getByRole('button', { name: 'Remove nginx.conf' }).click();
	await waitIdle(page);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(2);
	await expect(card(page, 'nginx.conf')).toHaveCount(0);
	const after = await exportReport(page);
	expect((after.json as { inputs: { name: string }[] }).inputs.map((i) => i.name).sort()).toEqual([
		'random.bin',
		'server-cert.pem',
	]);

	await page.locator('[data-testid="clear-all"]').click();
	await waitIdle(page);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Nothing analyzed yet' })).toBeVisible();
});

test('files dropped anywhere on the page are added', async ({ page }) => {
	await dropFiles(page, [mixFile('server-cert.pem'), mixFile('orders.wsdl')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveCount(1);
	await expect(card(page, 'orders.wsdl')).toContainText('WSDL 1.1');
});

test('pasted text becomes "Pasted text N"', async ({ page }) => {
	const pem = readFileSync(resolve(DETECT_DIR, 'cert.pem'), 'utf8');
	await page.locator('[data-testid="paste-text"]').fill(pem);
	await page.locator('[data-testid="paste-add"]').click();
	await page.locator('[data-testid="paste-text"]').fill('ssl_protocols TLSv1.2;\n');
	await page.locator('[data-testid="paste-add"]').click();
	await waitIdle(page);
	await expect(card(page, 'Pasted text 1')).toContainText('PEM: CERTIFICATE');
	await expect(card(page, 'Pasted text 2')).toContainText('nginx');
});

test('html[data-state] is busy while work is pending and idle after', async ({ page }) => {
	const states: string[] = [];
	await page.exposeFunction('__recordState', (s: string) => states.push(s));
	await page.evaluate(() => {
		const html = document.documentElement;
		new MutationObserver(() => {
			void (window as unknown as { __recordState: (s: string) => void }).__recordState(
				html.dataset.state ?? '',
			);
		}).observe(html, { attributes: true, attributeFilter: ['data-state'] });
	});
	await addFiles(page, [mixFile('server-cert.pem'), mixFile('envelope.xml')]);
	await waitIdle(page);
	expect(states).toContain('busy');
	expect(states.at(-1)).toBe('idle');
	await expect(page.locator('[data-testid="input-card"][data-status="pending"]')).toHaveCount(0);
});

/**
 * Has the page itself press Cancel once the progress bar's label matches: a click from the test
 * lands tens of milliseconds after the label shows, and a warm engine may be done by then.
 */
async function cancelWhenLabel(page: Page, label: RegExp): Promise<void> {
	await page.evaluate(
		({ source, flags }) => {
			const wanted = new RegExp(source, flags);
			new MutationObserver((_, observer) => {
				const bar = document.querySelector('[data-testid="progress"]');
				const text = bar?.querySelector('span')?.textContent ?? '';
				const cancel = bar?.querySelector<HTMLButtonElement>('[data-testid="cancel"]');
				if (!cancel || !wanted.test(text)) return;
				observer.disconnect();
				cancel.click();
			}).observe(document.body, { childList: true, subtree: true, characterData: true });
		},
		{ source: label.source, flags: label.flags },
	);
}

const bigEnvelope = (name: string, items: number): PageFile => ({
	name,
	buffer: Buffer.from(
		`<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${'<item>x</item>'.repeat(items)}</soap:Body></soap:Envelope>`,
	),
});

test('Cancel stops the work in progress: the input says it was cancelled', async ({ page }) => {
	// Cancel while the engine reads a 5.6 MB envelope (its label has no byte count; the page's
	// own read of the file, before, has one). Cancel during a long derivation, with a real click,
	// is in report.spec.ts, hostile.spec.ts and cancel-cpu.spec.ts.
	await cancelWhenLabel(page, /^Reading big-envelope\.xml$/);
	await addFiles(page, [bigEnvelope('big-envelope.xml', 400_000)]);
	await waitIdle(page);
	const c = card(page, 'big-envelope.xml');
	await expect(c).toHaveAttribute('data-status', 'error');
	await expect(c.locator('[data-testid="input-error"]')).toContainText('cancelled');
	// The engine still works after a cancel.
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
});

test('Cancel while the page reads a file: it arrives cancelled, and Retry analyzes it', async ({
	page,
}) => {
	// 20 MB: the bar counts the megabytes read, and Cancel is pressed at the first count
	await cancelWhenLabel(page, /^Reading big-read\.xml \(\d+ of \d+ MB\)$/);
	await addFiles(page, [bigEnvelope('big-read.xml', 1_500_000)]);
	await waitIdle(page);
	const c = card(page, 'big-read.xml');
	await expect(c).toHaveAttribute('data-status', 'error');
	await expect(c.locator('[data-testid="input-error"]')).toContainText('cancelled');
	await c.locator('[data-testid="retry"]').click();
	await waitIdle(page);
	await expect(c).toHaveAttribute('data-status', 'parsed');
});

test('the exported JSON validates against report.schema.json', async ({ page }) => {
	await addFiles(page, [
		mixFile('server-cert.pem'),
		mixFile('orders.wsdl'),
		mixFile('envelope.xml'),
		mixFile('nginx.conf'),
		mixFile('random.bin'),
	]);
	await waitIdle(page);
	const { json } = await exportReport(page);
	const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
	const validate = ajv.compile(schema);
	expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
	const report = json as { grade: { overall: string }; findings: unknown[] };
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText(report.grade.overall);
	await expect(page.locator('[data-testid="finding"]')).toHaveCount(report.findings.length);
});

test('findings filter by severity and by file', async ({ page }) => {
	await addFiles(page, [mixFile('orders.wsdl'), mixFile('nginx.conf'), mixFile('envelope.xml')]);
	await waitIdle(page);
	const { json } = await exportReport(page);
	const findings = (json as { findings: { severity: string; inputName: string | null }[] })
		.findings;
	expect(findings.length).toBeGreaterThan(1);
	const severity = findings[0]!.severity;
	await page.locator(`[data-testid="filter-severity-${severity}"]`).uncheck();
	await expect(page.locator(`[data-testid="finding"][data-severity="${severity}"]`)).toHaveCount(0);
	await page.locator(`[data-testid="filter-severity-${severity}"]`).check();
	const file = findings.find((f) => f.inputName)?.inputName;
	if (file) {
		await page.locator('[data-testid="filter-file"]').selectOption(file);
		await expect(page.locator('[data-testid="finding"]')).toHaveCount(
			findings.filter((f) => f.inputName === file).length,
		);
	}
});

test('a small unknown binary can be used as a raw symmetric key', async ({ page }) => {
	const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
	await addFiles(page, [{ name: 'aes.key', buffer: key }]);
	await waitIdle(page);
	await card(page, 'aes.key').locator('[data-testid="use-as-raw-key"]').click();
	await waitIdle(page);
	await page.getByText(/^Keys \(1\)$/).click();
	await expect(page.locator('[data-testid="raw-keys"]')).toContainText('aes.key · AES · 16 bytes');
	const { text } = await exportReport(page);
	expect(text).not.toContain('00112233445566778899aabbccddeeff');
	expect(text).not.toContain(key.toString('base64'));
});

test('a keystore entry with its own key password gets a field; Enter unlocks the entry', async ({
	page,
}) => {
	await addFiles(page, [mixFile('two-passwords.jks')]);
	await waitIdle(page);
	const c = card(page, 'two-passwords.jks');
	await expect(c).toHaveAttribute('data-status', 'locked');
	const store = c.locator('input[type=password]').first();
	await store.fill(mixPasswords()['two-passwords.jks']!);
	await store.press('Enter');
	await waitIdle(page);
	await expect(c).toHaveAttribute('data-status', 'parsed');
	const entry = c.locator(
		'input[type=password][data-testid="entry-password"][data-alias="signer"]',
	);
	await expect(entry).toHaveCount(1);
	await entry.fill('not-the-key-password');
	await entry.press('Enter');
	await waitIdle(page);
	await expect(c.getByText('Wrong key password for signer')).toBeVisible();
	await c
		.locator('input[type=password][data-testid="entry-password"][data-alias="signer"]')
		.fill(entryPassword());
	await c
		.locator('input[type=password][data-testid="entry-password"][data-alias="signer"]')
		.press('Enter');
	await waitIdle(page);
	await expect(c.locator('[data-testid="entry-password"]')).toHaveCount(0);
	const { text } = await exportReport(page);
	expect(text).not.toContain(entryPassword());
	expect(text).toContain('"keyLocked": false');
});

test('the capture time setting reaches the analysis (envelope freshness)', async ({ page }) => {
	// envelope.xml carries a Timestamp created 2026-01-31T12:00:00Z, expiring five minutes later.
	await addFiles(page, [mixFile('envelope.xml')]);
	await waitIdle(page);
	const stale = page.locator('[data-testid="finding"][data-rule-id="WSS-TIMESTAMP-STALE"]');
	await expect(stale).toHaveCount(1);
	await page.getByText('Capture time', { exact: true }).click();
	await page.locator('[data-testid="capture-time"]').fill('2026-01-31T12:01:00');
	await page.locator('[data-testid="capture-time"]').blur();
	await waitIdle(page);
	await expect(stale).toHaveCount(0);
});

test('keyboard only: Tab reaches "choose files…" and Enter opens the file chooser', async ({
	page,
}) => {
	// Listening from the start turns Playwright's file-chooser interception on before any key is
	// pressed; registering it together with the key press races against the native dialog.
	const opened: FileChooser[] = [];
	page.on('filechooser', (c) => opened.push(c));
	let focused = '';
	for (let i = 0; i < 10 && focused !== 'choose files…'; i++) {
		await page.keyboard.press('Tab');
		focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
	}
	expect(focused).toBe('choose files…');
	const outline = await page.evaluate(
		() => getComputedStyle(document.activeElement as Element).outlineStyle,
	);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect.poll(() => opened.length, { timeout: 10_000 }).toBeGreaterThan(0);
	const chooser = opened[0]!;
	expect(chooser.isMultiple()).toBe(true);
	await chooser.setFiles([
		{ name: 'nginx.conf', mimeType: 'text/plain', buffer: mixFile('nginx.conf').buffer },
	]);
	await waitIdle(page);
	await expect(card(page, 'nginx.conf')).toHaveCount(1);
});

test('hex text of a key is offered decoded; a larger unknown file is not offered', async ({
	page,
}) => {
	const hex = '749f5affeca371c4852e27a1bfcd672487f5b89c7821288ef9d569e828755fb2';
	await addFiles(page, [
		{ name: 'aes256.hex', buffer: Buffer.from(`${hex}\n`) },
		{ name: 'blob.bin', buffer: Buffer.alloc(2000, 7) },
	]);
	await waitIdle(page);
	await expect(card(page, 'blob.bin').locator('[data-testid="use-as-raw-key"]')).toHaveCount(0);
	const offer = card(page, 'aes256.hex').locator('[data-testid="use-as-raw-key"]');
	await expect(card(page, 'aes256.hex')).toContainText('32 bytes written as hex text');
	await offer.click();
	await waitIdle(page);
	await page.getByText(/^Keys \(1\)$/).click();
	await expect(page.locator('[data-testid="raw-keys"]')).toContainText(
		'aes256.hex · AES · 32 bytes',
	);
});
