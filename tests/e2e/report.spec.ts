// Issue #14: a report people can read, trust and hand on. Grades only on evidence (N/A, no
// letter while busy, incomplete with names), grouped findings, links that carry the details and
// never a local path, a saved report that opens offline from disk, axe-core on every view, and
// the grade first on a phone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { MIX_DIR, mixPasswords } from '../support/mix';
import {
	addFiles,
	blockNetwork,
	card,
	exportReport,
	makeShareLink,
	mixFile,
	waitIdle,
	type PageFile,
} from '../support/page';
import { masterKey, SLOW_ENVELOPE, slowEnvelope } from '../support/slow';

const DIST = resolve(import.meta.dirname, '../../dist');
const WSS = resolve(import.meta.dirname, '../fixtures/wss');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Json {
	grade: {
		overall: string;
		complete: boolean;
		notAnalyzed: string[];
		capReasons: string[];
		byInput?: { name: string; grade: string }[];
	};
	certificates: { sha256: string }[];
	signatures: { valid: boolean | null }[];
	tlsSettings: unknown[];
	findings: {
		ruleId: string;
		inputName: string | null;
		subject: string;
		locations?: { inputName: string | null }[];
	}[];
}

/** The full mix with a second copy of the certificate, two signed messages (one tampered). */
const FULL: PageFile[] = [
	mixFile('server-cert.pem'),
	mixFile('server-cert.pem', 'server-cert-copy.pem'),
	mixFile('client.p12'),
	mixFile('partner.jks'),
	mixFile('orders.wsdl'),
	mixFile('envelope.xml'),
	mixFile('nginx.conf'),
	mixFile('random.bin'),
	mixFile('wss4j-soap11-rsa-bst.xml', 'signed.xml', WSS),
	mixFile('tampered-body.xml', 'tampered.xml', WSS),
];

async function unlockAll(page: Page): Promise<void> {
	const passwords = mixPasswords();
	for (const name of ['client.p12', 'partner.jks']) {
		const field = card(page, name).locator('input[type=password]').first();
		await field.fill(passwords[name] ?? '');
		await field.press('Enter');
		await expect(card(page, name)).toHaveAttribute('data-status', 'parsed');
	}
	await waitIdle(page);
}

async function fullPage(page: Page): Promise<Json> {
	await page.goto('/');
	await addFiles(page, FULL);
	await waitIdle(page);
	await unlockAll(page);
	return (await exportReport(page)).json as Json;
}

async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const result = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document) => Promise<unknown> } }).axe;
		return (await axe.run(document)) as {
			violations: { id: string; nodes: { target: unknown[] }[] }[];
		};
	});
	return result.violations.map(
		(v) =>
			`${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
	);
}

test('a locked keystore with nothing readable: N/A, incomplete with its name', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [mixFile('client.p12')]);
	await waitIdle(page);
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText('N/A');
	await expect(page.locator('[data-testid="grade-incomplete"]')).toContainText('client.p12');
});

// A locked JKS still lists its certificates (stored in clear, as keytool -list shows them), so
// the letter grades what was read; the grade stays incomplete and names both locked inputs.
test('a drop of locked keystores only: incomplete with their names, in page and JSON', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [mixFile('client.p12'), mixFile('partner.jks')]);
	await waitIdle(page);
	const note = page.locator('[data-testid="grade-incomplete"]');
	await expect(note).toContainText('Incomplete: 2 inputs not analyzed');
	await expect(note).toContainText('client.p12');
	await expect(note).toContainText('partner.jks');
	await expect(card(page, 'partner.jks')).toHaveAttribute('data-status', 'locked');
	const { json } = await exportReport(page);
	const grade = (json as Json).grade;
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText(grade.overall);
	expect(grade.complete).toBe(false);
	expect(grade.notAnalyzed).toEqual(['client.p12', 'partner.jks']);
	// A link carries the same verdict.
	const url = await makeShareLink(page);
	const shared = await page.context().newPage();
	await shared.goto(url);
	await expect(shared.locator('[data-testid="grade-overall"]')).toHaveText(grade.overall);
	await expect(shared.locator('[data-testid="grade-incomplete"]')).toContainText('client.p12');
});

test('while the analysis runs the grade shows no letter', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [mixFile('nginx.conf')]);
	await waitIdle(page);
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText(/^[A-F][+-]?$|^[TM]$/);
	// Record the grade's text at every DOM change while html[data-state] is busy.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { __seen: string[] }).__seen = seen;
		const record = () => {
			if (document.documentElement.dataset.state !== 'busy') return;
			const el = document.querySelector('[data-testid="grade-overall"]');
			if (el) seen.push(el.textContent ?? '');
		};
		new MutationObserver(record).observe(document.documentElement, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true,
		});
	});
	await addFiles(page, [mixFile('client.p12'), mixFile('orders.wsdl'), mixFile('envelope.xml')]);
	await waitIdle(page);
	const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
	expect(seen.length).toBeGreaterThan(0);
	expect(seen.filter((t) => /[A-FTM]/.test(t))).toEqual([]);
	await expect(page.locator('[data-testid="grade-overall"]')).toHaveText(/^[A-F][+-]?$|^[TM]$/);
});

test('findings are grouped: one per rule, input and subject; a certificate seen three times is one finding', async ({
	page,
}) => {
	const json = await fullPage(page);
	const keys = json.findings.map((f) => `${f.ruleId}|${f.inputName}|${f.subject}`);
	expect(new Set(keys).size).toBe(keys.length);
	// server-cert.pem, its copy and client.p12 hold the same self-signed certificate.
	const selfSigned = json.findings.filter(
		(f) => f.ruleId === 'CERT-SELF-SIGNED' && /CN=orders\.example\.test/.test(f.subject),
	);
	expect(selfSigned).toHaveLength(1);
	expect(
		[selfSigned[0]?.inputName, ...(selfSigned[0]?.locations ?? []).map((l) => l.inputName)].sort(),
	).toEqual(['client.p12', 'server-cert-copy.pem', 'server-cert.pem']);
	const item = page.locator('[data-testid="finding"][data-rule-id="CERT-SELF-SIGNED"]', {
		hasText: 'CN=orders.example.test',
	});
	await expect(item).toHaveCount(1);
	await expect(item.locator('[data-testid="finding-locations"] li')).toHaveCount(2);
	await expect(page.locator('[data-testid="finding"]')).toHaveCount(json.findings.length);
	// "Why not higher" starts with what sets the grade; counts follow the file filter.
	const reasons = page.locator('[data-testid="cap-reasons"] li');
	await expect(reasons).toHaveText(json.grade.capReasons);
	expect(json.grade.capReasons[0]).toMatch(/sets the grade to F/);
	await page.locator('[data-testid="filter-file"]').selectOption('nginx.conf');
	const shown = await page.locator('[data-testid="finding"]').count();
	const chips = await page
		.locator('[data-testid^="filter-severity-"]')
		.evaluateAll((els) =>
			els.map((e) => Number(/\((\d+)\)/.exec(e.parentElement?.textContent ?? '')?.[1] ?? -1)),
		);
	expect(chips.reduce((a, b) => a + b, 0)).toBe(shown);
	// A finding links to its input: the card comes into view.
	await page.locator('[data-testid="filter-file"]').selectOption('');
	await item.locator('[data-testid="finding-input"]').click();
	await expect(card(page, 'client.p12')).toBeInViewport();
	// The status pill tells the verdict; the contract status is unchanged.
	await expect(card(page, 'tampered.xml')).toHaveAttribute('data-status', 'parsed');
	await expect(card(page, 'tampered.xml').locator('[data-testid="input-verdict"]')).toHaveText(
		/invalid signature/,
	);
	await expect(card(page, 'signed.xml').locator('[data-testid="input-verdict"]')).toHaveText(
		/signature/,
	);
});

test('the recipient of a link sees certificates, signatures and connectors, with the same grade', async ({
	page,
	browser,
}) => {
	const json = await fullPage(page);
	const url = await makeShareLink(page);
	const fresh = await browser.newContext();
	const attempts = await blockNetwork(fresh);
	const shared = await fresh.newPage();
	await shared.goto(url);
	await expect(shared.locator('[data-testid="grade-overall"]')).toHaveText(json.grade.overall);
	for (const c of json.certificates) {
		await expect(
			shared.locator(`[data-testid="certificate"][data-sha256="${c.sha256}"]`).first(),
		).toBeVisible();
	}
	expect(json.signatures.length).toBeGreaterThanOrEqual(2);
	await expect(shared.locator('[data-testid="signature"]')).toHaveCount(json.signatures.length);
	await expect(shared.locator('[data-testid="signature"][data-verdict="invalid"]')).toHaveCount(
		json.signatures.filter((s) => s.valid === false).length,
	);
	expect(json.tlsSettings.length).toBeGreaterThan(0);
	await expect(shared.locator('[data-testid="tls-connector"]')).toHaveCount(
		json.tlsSettings.length,
	);
	await expect(shared.locator('[data-testid="tls-suites"] li').first()).toBeVisible();
	await expect(
		shared.locator('[data-testid="shared-keystore"]').filter({ hasText: 'partner.jks' }),
	).toContainText('partner');
	await expect(shared.locator('[data-testid="shared-fix"]').first()).toContainText('nginx.conf');
	expect(attempts).toEqual([]);
	await fresh.close();
});

test('a link made from file:// is the fragment alone, or the public address set once', async ({
	browser,
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(pathToFileURL(resolve(DIST, 'index.html')).href);
	await addFiles(page, [mixFile('server-cert.pem'), mixFile('nginx.conf')]);
	await waitIdle(page);
	const link = await makeShareLink(page);
	expect(link.startsWith('#wssec1.')).toBe(true);
	expect(link).not.toContain('file:');
	expect(link).not.toContain(DIST);
	await expect(page.locator('[data-testid="share-fragment-note"]')).toBeVisible();
	// The fragment opens in any copy of the page.
	const other = await context.newPage();
	await other.goto(pathToFileURL(resolve(DIST, 'index.html')).href + link);
	await expect(other.locator('[data-testid="shared-banner"]')).toBeVisible();
	await expect(other.locator('[data-testid="grade-overall"]')).toHaveText(
		(await page.locator('[data-testid="grade-overall"]').textContent()) ?? '',
	);
	// With a public address set once, links use it; it is remembered for the next link.
	await page.locator('[data-testid="share-public-url"]').fill('https://tools.example.test/wssec/');
	const publicLink = await makeShareLink(page);
	expect(publicLink.startsWith('https://tools.example.test/wssec/#wssec1.')).toBe(true);
	await page.goto(pathToFileURL(resolve(DIST, 'index.html')).href);
	await addFiles(page, [mixFile('nginx.conf')]);
	await waitIdle(page);
	await expect(page.locator('[data-testid="share-public-url"]')).toHaveValue(
		'https://tools.example.test/wssec/',
	);
	await context.close();
});

async function saveReportFile(page: Page, path: string): Promise<string> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-testid="save-report"]').click(),
	]);
	expect(download.suggestedFilename()).toMatch(/^wssec-report-.*\.html$/);
	await download.saveAs(path);
	return readFileSync(path, 'utf8');
}

async function openOffline(browser: Browser, path: string) {
	const context = await browser.newContext();
	await context.setOffline(true);
	const attempts = await blockNetwork(context);
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	await page.goto(pathToFileURL(path).href);
	return { context, page, attempts, problems };
}

test('a saved report is one HTML file that opens offline from disk and shows what the page showed', async ({
	page,
	browser,
}, testInfo) => {
	const json = await fullPage(page);
	const path = testInfo.outputPath('saved-report.html');
	const html = await saveReportFile(page, path);
	// Self-contained: no external script, stylesheet or URL to load.
	expect(html).not.toMatch(/<script[^>]+src=/i);
	expect(html).not.toMatch(/<link[^>]+stylesheet/i);
	expect(html).toMatch(/connect-src 'none'/);
	expect(html).not.toContain(mixPasswords()['client.p12']);
	const live = {
		findings: await page.locator('[data-testid="finding"]').count(),
		reasons: await page.locator('[data-testid="cap-reasons"] li').allTextContents(),
	};
	const saved = await openOffline(browser, path);
	await expect(saved.page.locator('[data-testid="grade-overall"]')).toHaveText(json.grade.overall);
	await expect(saved.page.locator('[data-testid="finding"]')).toHaveCount(live.findings);
	await expect(saved.page.locator('[data-testid="cap-reasons"] li')).toHaveText(live.reasons);
	await expect(saved.page.locator('[data-testid="certificate"]')).toHaveCount(
		json.certificates.length,
	);
	await expect(saved.page.locator('[data-testid="signature"]')).toHaveCount(json.signatures.length);
	await expect(saved.page.locator('[data-testid="tls-connector"]')).toHaveCount(
		json.tlsSettings.length,
	);
	await expect(saved.page.locator('[data-testid="shared-banner"]')).toContainText('Saved report');
	expect(saved.problems).toEqual([]);
	expect(saved.attempts).toEqual([]);
	// The saved file can be saved again, offline, and the copy is the same report.
	const again = await saveReportFile(saved.page, testInfo.outputPath('saved-again.html'));
	expect(again.length).toBeGreaterThan(html.length / 2);
	await saved.context.close();
});

test.describe('axe-core finds no violation', () => {
	test.use({ bypassCSP: true });

	test('on the empty page', async ({ page }) => {
		await page.goto('/');
		expect(await axeViolations(page)).toEqual([]);
	});

	test('on a locked drop', async ({ page }) => {
		await page.goto('/');
		await addFiles(page, [mixFile('client.p12'), mixFile('partner.jks')]);
		await waitIdle(page);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('on the full report', async ({ page }) => {
		await fullPage(page);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('on a shared page', async ({ page }) => {
		await fullPage(page);
		const url = await makeShareLink(page);
		const shared = await page.context().newPage();
		await shared.goto(url);
		await expect(shared.locator('[data-testid="report-details"]')).toBeVisible();
		expect(await axeViolations(shared)).toEqual([]);
	});
});

test('on a 390 px phone the grade comes first, with a jump to the inputs', async ({
	browser,
}, testInfo) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto('/');
	await addFiles(page, FULL.slice(0, 8));
	await waitIdle(page);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: testInfo.outputPath('phone.png') });
	const grade = await page.locator('[data-testid="grade-overall"]').boundingBox();
	const index = await page.locator('[data-testid="inputs-index"]').boundingBox();
	const firstCard = await page.locator('[data-testid="input-card"]').first().boundingBox();
	expect(grade && grade.y + grade.height).toBeLessThan(844);
	expect(grade!.y).toBeLessThan(index!.y);
	expect(grade!.y).toBeLessThan(firstCard!.y);
	// Nothing is wider than the phone.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(overflow).toBeLessThanOrEqual(390);
	await page.getByRole('link', { name: 'Jump to the inputs' }).click();
	await expect(page.locator('[data-testid="inputs-index"]')).toBeInViewport();
	await context.close();
});

const focusedCard = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return 'body';
		return el.closest<HTMLElement>('[data-testid="input-card"]')?.dataset.inputName ?? el.id;
	});

test('focus stays useful after unlock, a wrong password, remove and cancel', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [mixFile('client.p12'), mixFile('partner.jks'), mixFile('nginx.conf')]);
	await waitIdle(page);
	const field = card(page, 'client.p12').locator('input[type=password]').first();
	await field.fill('not the password');
	await field.press('Enter');
	await waitIdle(page);
	await expect(card(page, 'client.p12').locator('[data-testid="wrong-password"]')).toBeVisible();
	expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
	await card(page, 'client.p12')
		.locator('input[type=password]')
		.first()
		.fill(mixPasswords()['client.p12'] ?? '');
	await card(page, 'client.p12').locator('input[type=password]').first().press('Enter');
	await waitIdle(page);
	await expect(card(page, 'client.p12')).toHaveAttribute('data-status', 'parsed');
	await expect.poll(() => focusedCard(page)).toBe('client.p12');
	await card(page, 'client.p12').getByRole('button', { name: 'Remove client.p12' }).click();
	await expect.poll(() => focusedCard(page)).toBe('partner.jks');
	// Cancel: the bar goes, focus goes to the input details; the grade says what is missing. The
	// slow envelope's derivations keep the engine busy until the click, on any machine.
	await addFiles(page, [masterKey, slowEnvelope()]);
	await expect(card(page, SLOW_ENVELOPE)).toHaveAttribute('data-status', 'parsed');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'busy');
	await expect(page.locator('[data-testid="progress"]')).toBeVisible();
	await page.locator('[data-testid="cancel"]').click();
	await waitIdle(page);
	await expect.poll(() => focusedCard(page)).toBe('inputs');
	await expect(card(page, SLOW_ENVELOPE)).toHaveAttribute('data-status', 'error');
	await expect(page.locator('[data-testid="grade-incomplete"]')).toContainText(SLOW_ENVELOPE);
});

test('the ASN.1 view: OID names, offsets and lengths, hex beside, one tab stop, arrow keys', async ({
	browser,
}) => {
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	await page.goto('/');
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	const c = card(page, 'server-cert.pem');
	await c.getByText('Raw ASN.1').click();
	const tree = c.locator('[data-testid="asn1-view"] [role="tree"]');
	await expect(tree).toContainText('sha256WithRSAEncryption');
	await expect(tree.locator('[role="treeitem"]').first()).toContainText(/SEQUENCE @0\+4\+\d+/);
	await expect(tree.locator('[tabindex="0"]')).toHaveCount(1);
	await tree.locator('[tabindex="0"]').focus();
	await page.keyboard.press('ArrowDown');
	const focused = () =>
		page.evaluate(() => document.activeElement?.getAttribute('data-index') ?? 'none');
	expect(await focused()).toBe('1');
	await expect(tree.locator('[tabindex="0"]')).toHaveCount(1);
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).toBe('1');
	await expect(tree.locator('[data-index="1"]')).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).toBe('0');
	await expect(c.locator('[data-testid="asn1-hex"]')).toContainText('SEQUENCE: offset 0, header 4');
	expect(await axeViolations(page)).toEqual([]);
	await context.close();
});

// Not a secret: only documents that MIX_DIR's passwords are read from the repository.
void MIX_DIR;
