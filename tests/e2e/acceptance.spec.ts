// Acceptance (issue #2): drop a mix (certificate, password-protected PKCS#12, JKS, WSDL, SOAP
// envelope, nginx.conf, random bytes, a file named with markup), unlock, export, share, reopen
// the link in a fresh offline browser: same grade and findings, and no request at all.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { leakedSecrets, MARKUP_NAME, mixPasswords } from '../support/mix';
import {
	addFiles,
	blockNetwork,
	card,
	decodeLinkInNode,
	exportReport,
	findingKeys,
	makeShareLink,
	mixFile,
	waitIdle,
} from '../support/page';

const MIX = [
	mixFile('server-cert.pem'),
	mixFile('client.p12'),
	mixFile('partner.jks'),
	mixFile('orders.wsdl'),
	mixFile('envelope.xml'),
	mixFile('nginx.conf'),
	mixFile('random.bin'),
	mixFile('server-cert.pem', MARKUP_NAME),
];

const KINDS: Record<string, string> = {
	'server-cert.pem': 'PEM: CERTIFICATE',
	'client.p12': 'PKCS#12',
	'partner.jks': 'JKS keystore',
	'orders.wsdl': 'WSDL 1.1',
	'envelope.xml': 'SOAP 1.1 envelope',
	'nginx.conf': 'nginx configuration',
	'random.bin': 'binary data',
	[MARKUP_NAME]: 'PEM: CERTIFICATE',
};

async function openMix(browser: Browser) {
	const context = await browser.newContext();
	const attempts = await blockNetwork(context);
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.goto('/');
	await addFiles(page, MIX);
	await waitIdle(page);
	return { context, page, attempts, dialogs };
}

async function unlock(page: Page, name: string): Promise<void> {
	const c = card(page, name);
	await expect(c).toHaveAttribute('data-status', 'locked');
	const field = c.locator('input[type=password]').first();
	await field.fill(`${mixPasswords()[name]!}-wrong`);
	await field.press('Enter');
	await waitIdle(page);
	await expect(c).toHaveAttribute('data-status', 'locked');
	await expect(c.locator('[data-testid="wrong-password"]')).toBeVisible();
	await field.fill(mixPasswords()[name]!);
	await field.press('Enter');
	await waitIdle(page);
	await expect(c).toHaveAttribute('data-status', 'parsed');
}

test('every input of the mix gets a card with its kind; random bytes are an error', async ({
	browser,
}) => {
	const { context, page, attempts, dialogs } = await openMix(browser);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(MIX.length);
	for (const [name, kind] of Object.entries(KINDS)) {
		await expect(card(page, name)).toContainText(kind);
		await expect(card(page, name)).toHaveAttribute('data-status', /^(parsed|locked|error)$/);
	}
	await expect(card(page, 'random.bin')).toHaveAttribute('data-status', 'error');
	await expect(card(page, MARKUP_NAME).locator('[data-testid="input-name"]')).toHaveText(
		MARKUP_NAME,
	);
	await expect(page.locator('img')).toHaveCount(0);
	expect(dialogs).toEqual([]);
	expect(attempts).toEqual([]);
	await context.close();
});

test('the certificates parse, under their own name and under a name with markup (#3)', async ({
	browser,
}) => {
	const { context, page } = await openMix(browser);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(card(page, MARKUP_NAME)).toHaveAttribute('data-status', 'parsed');
	await context.close();
});

test('the PKCS#12 is locked, refuses a wrong password and opens with its own (#3)', async ({
	browser,
}) => {
	const { context, page } = await openMix(browser);
	await unlock(page, 'client.p12');
	await context.close();
});

test('the JKS is locked, refuses a wrong password and opens with its own (#3)', async ({
	browser,
}) => {
	const { context, page } = await openMix(browser);
	await unlock(page, 'partner.jks');
	await context.close();
});

test('the WSDL parses (#7)', async ({ browser }) => {
	const { context, page } = await openMix(browser);
	await expect(card(page, 'orders.wsdl')).toHaveAttribute('data-status', 'parsed');
	await context.close();
});

test('the SOAP envelope parses (#4)', async ({ browser }) => {
	const { context, page } = await openMix(browser);
	await expect(card(page, 'envelope.xml')).toHaveAttribute('data-status', 'parsed');
	await context.close();
});

test('the nginx.conf parses (#6)', async ({ browser }) => {
	const { context, page } = await openMix(browser);
	await expect(card(page, 'nginx.conf')).toHaveAttribute('data-status', 'parsed');
	await context.close();
});

test('unlock, export, share, reopen offline: same grade and findings, no request, no secret', async ({
	browser,
}) => {
	const { context, page, attempts, dialogs } = await openMix(browser);
	for (const name of ['client.p12', 'partner.jks']) {
		const c = card(page, name);
		await expect(c).toHaveAttribute('data-status', 'locked');
		const field = c.locator('input[type=password]').first();
		await field.fill(mixPasswords()[name]!);
		await field.press('Enter');
		await waitIdle(page);
		await expect(c).toHaveAttribute('data-status', 'parsed');
	}
	const { json, text } = await exportReport(page);
	const schema = JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../../src/core/report/report.schema.json'), 'utf8'),
	) as object;
	const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
	const validate = ajv.compile(schema);
	expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
	const report = json as {
		grade: { overall: string; ignoringTrust?: string; capReasons: string[] };
		inputs: { name: string }[];
		findings: { ruleId: string; severity: string }[];
	};
	expect(report.inputs.map((i) => i.name).sort()).toEqual(MIX.map((f) => f.name).sort());
	expect(leakedSecrets(text)).toEqual([]);

	const grade = await page.locator('[data-testid="grade-overall"]').textContent();
	expect(grade).toBe(report.grade.overall);
	// T/M also show the grade if trust issues were ignored; every cap reason is listed.
	const ignoring = page.locator('[data-testid="grade-ignoring-trust"]');
	if (report.grade.ignoringTrust) await expect(ignoring).toHaveText(report.grade.ignoringTrust);
	else await expect(ignoring).toHaveCount(0);
	if (report.grade.capReasons.length > 0) {
		await expect(page.locator('[data-testid="cap-reasons"] li')).toHaveText(
			report.grade.capReasons,
		);
	}
	const findings = await findingKeys(page);
	expect(findings).toEqual(report.findings.map((f) => `${f.ruleId}|${f.severity}`).sort());

	const url = await makeShareLink(page);
	expect(leakedSecrets(url)).toEqual([]);
	expect(leakedSecrets(JSON.stringify(await decodeLinkInNode(url)))).toEqual([]);

	const fresh = await browser.newContext();
	const freshAttempts = await blockNetwork(fresh);
	const shared = await fresh.newPage();
	await shared.goto(url);
	await waitIdle(shared);
	await expect(shared.locator('[data-testid="shared-banner"]')).toBeVisible();
	await expect(shared.locator('[data-testid="grade-overall"]')).toHaveText(report.grade.overall);
	if (report.grade.ignoringTrust) {
		await expect(shared.locator('[data-testid="grade-ignoring-trust"]')).toHaveText(
			report.grade.ignoringTrust,
		);
	}
	expect(await findingKeys(shared)).toEqual(findings);
	await expect(
		shared.locator('[data-testid="shared-input"] td').getByText(MARKUP_NAME, { exact: true }),
	).toBeVisible();
	await expect(shared.locator('img')).toHaveCount(0);
	expect(freshAttempts).toEqual([]);
	expect(attempts).toEqual([]);
	expect(dialogs).toEqual([]);
	await fresh.close();
	await context.close();
});
