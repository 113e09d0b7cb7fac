// RULES.md 3.7 worked examples in the built page: the inputs (config files, connector
// declarations, WSDL, captured envelope) are dropped, and the overall grade must be exact.
// Example 2 is also driven through the connector form, and the TLS detail view must show each
// suite's origin and offer the corrected file.
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addFiles, card, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/tls/worked');
const file = (name: string) => mixFile(name, name, DIR);

/** Opens the connector form and fills it: text inputs by name, selects by name, checkboxes by label. */
async function fillConnectorForm(
	page: Page,
	fields: Record<string, string>,
	checks: string[] = [],
): Promise<Locator> {
	const form = page.locator('[data-testid="connector-form"]');
	if (!(await form.isVisible())) await page.getByText('Connector', { exact: true }).first().click();
	for (const [name, value] of Object.entries(fields)) {
		const select = form.locator(`select[name="${name}"]`);
		if (await select.count()) await select.selectOption(value);
		else await form.locator(`input[name="${name}"]`).fill(value);
	}
	for (const label of checks) await form.getByLabel(label, { exact: true }).check();
	await form.locator('[data-testid="connector-apply"]').click();
	return form;
}

/** TLS-area findings each example must show (`present`) or must not (`absent`). */
const EXAMPLES: {
	n: number;
	files: string[];
	grade: string;
	present?: string[];
	absent?: string[];
}[] = [
	{
		n: 1,
		files: ['ex1-nginx-1.18-defaults.conf'],
		grade: 'B',
		present: ['TLS-MIN-VERSION', 'TLS-CBC-CIPHERS', 'TLS-STATIC-RSA-KEX', 'TLS-NO-TLS13'],
	},
	{
		n: 2,
		files: ['ex2-nginx-intermediate-6.0.conf'],
		grade: 'A+',
		absent: ['TLS-NO-TLS13', 'TLS-CBC-CIPHERS'],
	},
	{
		n: 3,
		files: [
			'ex3-pega-connect-soap-8u202.json',
			'ex3-orders-basic128rsa15.wsdl',
			'ex3-request-usernametoken.xml',
		],
		grade: 'C',
		present: ['TLS-MIN-VERSION', 'TLS-NO-TLS13'],
	},
	{
		n: 4,
		files: [
			'ex4-pega-connect-soap-8u301.json',
			'ex3-orders-basic128rsa15.wsdl',
			'ex3-request-usernametoken.xml',
		],
		grade: 'C',
		present: ['TLS-NO-TLS13'],
		absent: ['TLS-MIN-VERSION'],
	},
	{
		n: 5,
		files: ['ex5-javamail-smtp-587.properties'],
		grade: 'C',
		present: [
			'MAIL-STARTTLS-OPPORTUNISTIC',
			'MAIL-SERVER-IDENTITY-NOT-CHECKED',
			'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
		],
	},
	{
		n: 6,
		files: ['ex6-plain-http-connector.json', 'ex6-plain-http-signed-encrypted.wsdl'],
		grade: 'C',
	},
];

for (const ex of EXAMPLES) {
	test(`worked example ${ex.n}: ${ex.files[0] ?? ''} → ${ex.grade}`, async ({ page }) => {
		await page.goto('/');
		await addFiles(page, ex.files.map(file));
		await waitIdle(page);
		for (const f of ex.files) await expect(card(page, f)).toHaveAttribute('data-status', 'parsed');
		await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText(ex.grade);
		const finding = (id: string) => page.locator(`[data-testid="finding"][data-rule-id="${id}"]`);
		for (const id of ex.present ?? []) await expect(finding(id).first()).toBeAttached();
		for (const id of ex.absent ?? []) await expect(finding(id)).toHaveCount(0);
	});
}

test('example 1 detail: suites with their origin, and the corrected nginx.conf', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [file('ex1-nginx-1.18-defaults.conf')]);
	await waitIdle(page);
	const detail = page.locator('[data-testid="tls-detail"]').first();
	if (!(await detail.isVisible())) await card(page, 'ex1-nginx-1.18-defaults.conf').click();
	await expect(detail).toBeVisible();
	const connector = detail.locator('[data-testid="tls-connector"]').first();
	await expect(connector).toContainText('TLS_RSA_WITH_AES_128_CBC_SHA');
	await expect(connector).toContainText('nginx default HIGH:!aNULL:!MD5');
	await expect(connector).toContainText('Protocol 95 · Key exchange 90 · Cipher 90');
	const diff = detail.locator('[data-testid="tls-fix-diff"]');
	await expect(diff).toContainText('+ \t\tssl_protocols TLSv1.2 TLSv1.3;');
});

// The form next to example 2's file: declaring a client connector that still allows
// TLS 1.0 on OpenSSL 1.1.1 must pull the A+ down to B (TLS-MIN-VERSION caps at B).
test('the connector form changes the grade: lowest TLSv1 on OpenSSL 1.1.1 → B', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [file('ex2-nginx-intermediate-6.0.conf')]);
	await waitIdle(page);
	await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText('A+');
	const form = await fillConnectorForm(page, {
		name: 'partner',
		endpoint: 'https://partner.example.com/api',
		role: 'client',
		lowestTlsVersion: 'TLSv1',
		runtimeKind: 'OpenSSL',
		runtimeVersion: '1.1.1w',
	});
	await waitIdle(page);
	await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText('B');
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="TLS-MIN-VERSION"]').first(),
	).toBeVisible();
	// The form's own connector (no input card) is shown under the form with its sets.
	const own = form
		.locator('xpath=..')
		.locator('[data-testid="tls-connector"]', { hasText: 'partner' });
	await expect(own.first()).toContainText('TLSv1');
});

// Real testssl.sh output embeds the server certificate as PEM; detection must still read it as a
// scan result (JSON is tried before PEM armour).
test('a real testssl.sh flat JSON scan is graded in the page (B)', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [
		mixFile('testssl-legacy-flat.json', 'testssl-legacy-flat.json', resolve(DIR, '../scans')),
	]);
	await waitIdle(page);
	await expect(card(page, 'testssl-legacy-flat.json')).toHaveAttribute('data-status', 'parsed');
	await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText('B');
});

test('a connector declared only in the form is graded without any file', async ({ page }) => {
	await page.goto('/');
	await fillConnectorForm(page, {
		name: 'legacy-partner',
		endpoint: 'https://partner.example.com/soap',
		role: 'client',
		lowestTlsVersion: 'TLSv1',
		runtimeKind: 'OpenSSL',
		runtimeVersion: '1.1.1w',
	});
	await waitIdle(page);
	await expect(
		page.locator('[data-testid="finding"][data-rule-id="TLS-MIN-VERSION"]').first(),
	).toBeVisible();
	await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText('B');
});

// The form's WS-Security profile set beside a real WSS4J message: what the form declares but the
// message lacks (encryption) is said on the form's connector, and what matches is not.
test('the form’s WS-Security profile is compared with a dropped message', async ({ page }) => {
	await page.goto('/');
	await addFiles(page, [
		mixFile('wss4j-soap11-rsa-bst.xml', 'wss4j-soap11-rsa-bst.xml', resolve(DIR, '../../wss')),
	]);
	await waitIdle(page);
	const form = await fillConnectorForm(
		page,
		{
			name: 'orders',
			type: 'SOAP',
			endpoint: 'https://orders.example.com/ws',
			role: 'client',
			lowestTlsVersion: 'TLSv1.2',
		},
		['sign', 'encrypt', 'timestamp'],
	);
	await waitIdle(page);
	const own = form
		.locator('xpath=..')
		.locator('[data-testid="tls-connector"]', { hasText: 'orders' });
	await expect(own.first()).toContainText(
		'wss4j-soap11-rsa-bst.xml: the form declares "encrypt" but the message has no encrypted Body',
	);
	await expect(own.first()).not.toContainText('declares "sign"');
});

// openssl dhparam output dropped beside the nginx server that names it: its 1024-bit prime is
// the DHE strength (B), and the 2048-bit file leaves the grade alone.
test('a dropped dhparam file sets the DHE strength of the server that names it', async ({
	page,
}) => {
	const dh = resolve(DIR, '../dhparams');
	await page.goto('/');
	await addFiles(page, [
		mixFile('nginx-dhe.conf', 'nginx-dhe.conf', dh),
		mixFile('weak/dhparam.pem', 'dhparam.pem', dh),
	]);
	await waitIdle(page);
	await expect(card(page, 'dhparam.pem')).toHaveAttribute('data-status', 'parsed');
	const weak = page.locator('[data-testid="finding"][data-rule-id="TLS-WEAK-KEY-EXCHANGE"]');
	await expect(weak.first()).toContainText('1024 bits (dhparam.pem');
	await expect(page.locator('[data-testid="grade-overall"]').first()).toHaveText('B');
});
