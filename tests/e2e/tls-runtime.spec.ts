// Issue #11 in the built page: declared settings are graded on the configured set when no
// runtime is stated (capped, with the finding that says so), Pega's "Lowest allowable" on JDK
// 8u202 and 8u301 (RULES.md 3.7 worked examples 3 and 4, from the form), the runtime chosen on a
// card changes the grade and travels in the share link, and an e-mail account JSON is graded.
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addFiles, card, makeShareLink, mixFile, waitIdle, type PageFile } from '../support/page';

const WORKED = resolve(import.meta.dirname, '../fixtures/tls/worked');
const grade = (page: Page) => page.locator('[data-testid="grade-overall"]').first();
const finding = (page: Page, id: string) =>
	page.locator(`[data-testid="finding"][data-rule-id="${id}"]`);
const text = (name: string, body: string): PageFile => ({ name, buffer: Buffer.from(body) });

async function fillConnectorForm(page: Page, fields: Record<string, string>): Promise<Locator> {
	const form = page.locator('[data-testid="connector-form"]');
	if (!(await form.isVisible())) await page.getByText('Connector', { exact: true }).first().click();
	for (const [name, value] of Object.entries(fields)) {
		const select = form.locator(`select[name="${name}"]`);
		if (await select.count()) await select.selectOption(value);
		else await form.locator(`input[name="${name}"]`).fill(value);
	}
	await form.locator('[data-testid="connector-apply"]').click();
	await waitIdle(page);
	return form;
}

const PEGA = {
	name: 'PegaConnectSOAP',
	type: 'SOAP',
	endpoint: 'https://soap.example.com/services/Orders',
	role: 'client',
};

test('form: lowest TLSv1 with no runtime is capped at B by TLS-MIN-VERSION, SSLv3 at C, each saying why', async ({
	page,
}) => {
	await page.goto('/');
	await fillConnectorForm(page, {
		...PEGA,
		lowestTlsVersion: 'TLSv1',
		runtimeKind: '',
		runtimeVersion: '',
	});
	await expect(grade(page)).toHaveText('B');
	await expect(finding(page, 'TLS-MIN-VERSION').first()).toContainText('runtime not supplied');
	await fillConnectorForm(page, { lowestTlsVersion: 'SSLv3' });
	await expect(grade(page)).toHaveText('C');
	await expect(finding(page, 'TLS-SSLV3-ENABLED').first()).toContainText('runtime not supplied');
});

test('worked examples 3 and 4 from the form: Oracle Java 8u202 → C with TLS-MIN-VERSION, 8u301 → C without it', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [
		mixFile('ex3-orders-basic128rsa15.wsdl', 'ex3-orders-basic128rsa15.wsdl', WORKED),
		mixFile('ex3-request-usernametoken.xml', 'ex3-request-usernametoken.xml', WORKED),
	]);
	await waitIdle(page);
	const form = await fillConnectorForm(page, {
		...PEGA,
		lowestTlsVersion: 'TLSv1',
		runtimeKind: 'Oracle Java',
		runtimeVersion: '8u202',
	});
	await expect(grade(page)).toHaveText('C');
	await expect(finding(page, 'TLS-MIN-VERSION').first()).toBeAttached();
	await expect(finding(page, 'TLS-NO-TLS13').first()).toBeAttached();
	await expect(finding(page, 'POLICY-RSA15-SUITE').first()).toBeAttached();
	await fillConnectorForm(page, { runtimeVersion: '8u301' });
	await expect(grade(page)).toHaveText('C');
	await expect(finding(page, 'TLS-MIN-VERSION')).toHaveCount(0);
	await expect(finding(page, 'TLS-NO-TLS13').first()).toBeAttached();
	// The info note of RULES.md rule 3 on the form's own connector.
	const own = form.locator('xpath=..').locator('[data-testid="tls-connector"]', {
		hasText: 'PegaConnectSOAP',
	});
	await expect(own.first()).toContainText('declared lowest allowable version TLSv1');
	await expect(own.first()).toContainText('is not effective: Java 8u301');
	// What the runtime would change, beside it.
	const table = form.locator('xpath=..').locator('[data-testid="runtime-table"]').first();
	await expect(table.locator('tr[data-runtime="Java 8u202"]')).toHaveAttribute('data-grade', 'B');
	await expect(table.locator('tr[data-runtime="Java 17.0.9"]')).toHaveAttribute('data-grade', 'A');
});

const TOMCAT = `<Server><Service name="Catalina">
  <Connector port="8443" SSLEnabled="true" protocols="TLSv1,TLSv1.1,TLSv1.2"
     ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"/>
</Service></Server>
`;

test('the runtime chosen on a TLS card changes the grade and is kept in the share link', async ({
	page,
	browser,
}) => {
	await page.goto('/');
	await addFiles(page, [text('server.xml', TOMCAT)]);
	await waitIdle(page);
	await expect(card(page, 'server.xml')).toHaveAttribute('data-status', 'parsed');
	await expect(grade(page)).toHaveText('C');
	await expect(finding(page, 'TLS-3DES-CIPHER').first()).toContainText('runtime not supplied');
	const detail = page.locator('[data-testid="tls-detail"]').first();
	if (!(await detail.isVisible())) await card(page, 'server.xml').click();
	const choice = detail.locator('[data-testid="runtime-choice"]');
	await expect(choice.locator('[data-testid="runtime-current"]')).toHaveText('not stated');
	await expect(
		detail.locator('[data-testid="runtime-table"] tr[data-runtime="Java 17.0.9"]'),
	).toHaveAttribute('data-grade', 'A');
	await choice.locator('select[name="runtimeKind"]').selectOption('Java');
	await choice.locator('input[name="runtimeVersion"]').fill('17.0.9');
	await choice.locator('[data-testid="runtime-apply"]').click();
	await waitIdle(page);
	await expect(grade(page)).toHaveText('A');
	await expect(finding(page, 'TLS-3DES-CIPHER')).toHaveCount(0);
	await expect(choice.locator('[data-testid="runtime-current"]')).toHaveText('Java 17.0.9');
	const url = await makeShareLink(page);
	const shared = await browser.newPage();
	await shared.goto(url);
	await expect(grade(shared)).toHaveText('A');
	await shared.close();
});

test('an e-mail account JSON (worked example 5) is graded C with the MAIL findings', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [
		text(
			'orders-mail.json',
			JSON.stringify(
				{
					emailAccount: {
						name: 'OrderNotifications',
						address: 'orders@example.test',
						outgoing: {
							protocol: 'SMTP',
							host: 'smtp.example.test',
							port: 587,
							security: 'starttls',
							starttlsRequired: false,
							authentication: true,
							runtime: 'Java 17.0.9',
						},
					},
				},
				null,
				2,
			),
		),
	]);
	await waitIdle(page);
	await expect(card(page, 'orders-mail.json')).toHaveAttribute('data-status', 'parsed');
	await expect(grade(page)).toHaveText('C');
	for (const id of [
		'MAIL-STARTTLS-OPPORTUNISTIC',
		'MAIL-SERVER-IDENTITY-NOT-CHECKED',
		'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
	])
		await expect(finding(page, id).first()).toBeAttached();
});
