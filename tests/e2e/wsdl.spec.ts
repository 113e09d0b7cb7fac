// WSDL and WS-SecurityPolicy in the built page: a CXF-style WSDL with its imported schemas and
// WSS4J envelopes shows the endpoints, the requirements in plain words, each envelope checked
// against its operation's policy side by side, and the policy findings in the report.
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIR = resolve(import.meta.dirname, '../fixtures/wsdl');
const file = (path: string) => mixFile(path, path.split('/').pop(), DIR);

interface ReportShape {
	endpoints: {
		inputName: string;
		port: string;
		address: string;
		secure: boolean;
		binding: string;
	}[];
	policies: {
		subject: string;
		binding: string;
		algorithmSuite: string | null;
		encryptedParts: string[];
	}[];
	findings: { ruleId: string; inputName: string | null; evidence: string }[];
}

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await waitIdle(page);
});

test('WSDL + imported XSD + envelopes: endpoints, plain-words requirements, policy findings', async ({
	page,
}) => {
	await addFiles(page, [
		file('cxf-doubleit-asymmetric.wsdl'),
		file('DoubleIt.xsd'),
		file('DoubleItTypes.xsd'),
		file('envelopes/doubleit-no-security.xml'),
		file('envelopes/doubleit-3des-rsa15-no-timestamp.xml'),
		file('envelopes/doubleit-meets-policy.xml'),
	]);
	await waitIdle(page);
	const wsdl = card(page, 'cxf-doubleit-asymmetric.wsdl');
	await expect(wsdl).toHaveAttribute('data-status', 'parsed');
	const view = wsdl.locator('[data-testid="wsdl-detail"]');
	await expect(view.locator('[data-testid="wsdl-endpoint"]')).toHaveCount(2);
	await expect(view.locator('[data-testid="wsdl-endpoint"][data-secure="false"]')).toContainText(
		'http://localhost:9001/DoubleItAsymmetric',
	);
	await expect(view.locator('[data-testid="wsdl-requirement"]').first()).toContainText(
		'Requests must carry a signed Timestamp, a Body signed with RSA-SHA1 and encrypted with AES-256-CBC under RSA-OAEP',
	);
	await expect(view.locator('[data-testid="wsdl-import"][data-status="resolved"]')).toHaveCount(3);

	const bare = view.locator(
		'[data-testid="wsdl-message"][data-input-name="doubleit-no-security.xml"]',
	);
	await expect(
		bare.locator('[data-testid="wsdl-unmet"][data-kind="security-header"]'),
	).toContainText('no wsse:Security header');
	const weak = view.locator(
		'[data-testid="wsdl-message"][data-input-name="doubleit-3des-rsa15-no-timestamp.xml"]',
	);
	await expect(weak.locator('[data-testid="wsdl-unmet"][data-kind="key-transport"]')).toContainText(
		'RSA-1_5',
	);
	await expect(
		view.locator(
			'[data-testid="wsdl-message"][data-input-name="doubleit-meets-policy.xml"] [data-testid="wsdl-message-ok"]',
		),
	).toBeVisible();

	for (const id of [
		'WSS-SECURITY-HEADER-MISSING',
		'POLICY-RSA15-SUITE',
		'POLICY-NO-TIMESTAMP',
		'POLICY-WEAK-ALGORITHM-SUITE',
		'WSDL-HTTP-ENDPOINT',
		'WSDL-MIXED-SCHEME-ENDPOINTS',
	]) {
		await expect(
			page.locator(`[data-testid="finding"][data-rule-id="${id}"]`).first(),
		).toBeVisible();
	}

	const { json } = await exportReport(page);
	const report = json as ReportShape;
	expect(report.endpoints.map((e) => [e.port, e.secure, e.binding])).toEqual([
		['DoubleItAsymmetricPort', true, 'soap11'],
		['DoubleItAsymmetricPlainPort', false, 'soap11'],
	]);
	expect(report.policies[0]).toMatchObject({
		subject: 'DoubleItAsymmetricBinding/DoubleIt input',
		binding: 'asymmetric',
		algorithmSuite: 'Basic256',
		encryptedParts: ['Body'],
	});
	const header = report.findings.find((f) => f.ruleId === 'WSS-SECURITY-HEADER-MISSING');
	expect(header?.inputName).toBe('doubleit-no-security.xml');
	expect(header?.evidence).toBe(
		'policy: sp:AsymmetricBinding | message: no wsse:Security header in soap:Header',
	);
});

test('bad input: HTML saved as WSDL, circular imports and a policy loop; the rest is analyzed', async ({
	page,
}) => {
	await addFiles(page, [
		file('bad/login-page.wsdl'),
		file('bad/imports-login-page.wsdl'),
		file('bad/circular-a.wsdl'),
		file('bad/circular-b.wsdl'),
		file('bad/policy-loop.wsdl'),
		file('wss4j-transport-usernametoken.wsdl'),
	]);
	await waitIdle(page);
	await expect(card(page, 'login-page.wsdl')).toHaveAttribute('data-status', 'error');
	await expect(
		card(page, 'imports-login-page.wsdl').locator('[data-testid="wsdl-import"]'),
	).toContainText('login-page.wsdl was dropped but could not be read');
	await expect(card(page, 'circular-a.wsdl').locator('[data-testid="wsdl-detail"]')).toContainText(
		'Circular import: circular-a.wsdl → circular-b.wsdl → circular-a.wsdl',
	);
	await expect(card(page, 'circular-b.wsdl').locator('[data-testid="wsdl-detail"]')).toContainText(
		'imported by circular-a.wsdl',
	);
	await expect(card(page, 'policy-loop.wsdl').locator('[data-testid="wsdl-detail"]')).toContainText(
		'Policy reference loop: #A → #B → #A',
	);
	await expect(
		card(page, 'wss4j-transport-usernametoken.wsdl')
			.locator('[data-testid="wsdl-requirement"]')
			.first(),
	).toContainText('over HTTPS');
});

test('a WCF client app.config is read as WS-Security policy', async ({ page }) => {
	await addFiles(page, [file('wcf/client-app.config')]);
	await waitIdle(page);
	await expect(card(page, 'client-app.config')).toHaveAttribute('data-status', 'parsed');
	for (const id of ['POLICY-WEAK-ALGORITHM-SUITE', 'POLICY-RSA15-SUITE', 'WSDL-HTTP-ENDPOINT']) {
		await expect(
			page.locator(`[data-testid="finding"][data-rule-id="${id}"]`).first(),
		).toBeVisible();
	}
	const { json } = await exportReport(page);
	const report = json as ReportShape;
	expect(report.policies.map((p) => [p.subject, p.algorithmSuite])).toEqual([
		['wsHttpBinding/WSHttpBinding_IBilling', 'Basic128'],
		['basicHttpBinding/BasicHttpBinding_IOrders', 'Basic256'],
		['customBinding/CustomBinding_ILegacy', 'Basic256Sha256Rsa15'],
		['basicHttpBinding (defaults)', null],
	]);
	expect(report.endpoints.filter((e) => !e.secure)).toHaveLength(3);
});
