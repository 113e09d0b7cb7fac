// The built page works opened straight from file:// and served from any sub-path (base './').
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { addFiles, blockNetwork, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIST = resolve(import.meta.dirname, '../../dist');
const TLS_LEGACY = resolve(import.meta.dirname, '../fixtures/tls/legacy');

/**
 * The YAML reader (assets/yaml.js) is not in the engine: the page loads it when the engine meets
 * a Spring application.yml and hands its source to the Blob worker. Its spring.mail section is
 * nested YAML, so MAIL-STARTTLS-INSTEAD-OF-IMPLICIT proves the YAML was read.
 */
async function yamlLoadsOnDemand(page: Page): Promise<void> {
	const yamlSource = () =>
		page.evaluate(() => typeof (window as { __wssecYamlSource?: string }).__wssecYamlSource);
	await addFiles(page, [mixFile('nginx.conf')]);
	await waitIdle(page);
	expect(await yamlSource()).toBe('undefined');
	await addFiles(page, [mixFile('spring-application.yml', 'application.yml', TLS_LEGACY)]);
	await waitIdle(page);
	await expect(card(page, 'application.yml')).toHaveAttribute('data-status', 'parsed');
	expect(await yamlSource()).toBe('string');
	const { json } = await exportReport(page);
	const findings = (json as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
	expect(findings).toContain('MAIL-STARTTLS-INSTEAD-OF-IMPLICIT');
}

test('dist/index.html opened from file:// completes an analysis', async ({ browser }) => {
	const context = await browser.newContext();
	const attempts = await blockNetwork(context);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(pathToFileURL(resolve(DIST, 'index.html')).href);
	await addFiles(page, [mixFile('server-cert.pem'), mixFile('nginx.conf'), mixFile('random.bin')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', /parsed|error/);
	await expect(card(page, 'random.bin')).toHaveAttribute('data-status', 'error');
	await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
	const { json } = await exportReport(page);
	expect((json as { inputs: unknown[] }).inputs).toHaveLength(3);
	expect(errors).toEqual([]);
	expect(attempts).toEqual([]);
	await context.close();
});

test('from file://, a Spring application.yml loads the YAML reader on demand', async ({
	browser,
}) => {
	const context = await browser.newContext();
	const attempts = await blockNetwork(context);
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(pathToFileURL(resolve(DIST, 'index.html')).href);
	await yamlLoadsOnDemand(page);
	expect(errors).toEqual([]);
	expect(attempts).toEqual([]);
	await context.close();
});

test.describe('served from a sub-path', () => {
	let server: Server;
	let base = '';
	const PREFIX = '/tools/wssec/v1/';

	test.beforeAll(async () => {
		server = createServer((req, res) => {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			if (!path.startsWith(PREFIX)) {
				res.writeHead(404).end();
				return;
			}
			const file = resolve(DIST, path.slice(PREFIX.length) || 'index.html');
			if (!file.startsWith(DIST)) {
				res.writeHead(403).end();
				return;
			}
			readFile(file).then(
				(body) => {
					const type =
						extname(file) === '.html'
							? 'text/html'
							: extname(file) === '.css'
								? 'text/css'
								: 'text/javascript';
					res.writeHead(200, { 'content-type': type }).end(body);
				},
				() => res.writeHead(404).end(),
			);
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
	});

	test.afterAll(async () => {
		await new Promise((done) => server.close(done));
	});

	test('every asset loads relative to the page and an analysis completes', async ({ page }) => {
		const failed: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 400) failed.push(r.url());
		});
		await page.goto(base);
		await addFiles(page, [mixFile('orders.wsdl')]);
		await waitIdle(page);
		await expect(card(page, 'orders.wsdl')).toHaveAttribute('data-status', /parsed|error/);
		await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
		expect(failed).toEqual([]);
	});

	test('a Spring application.yml loads the YAML reader on demand', async ({ page }) => {
		const loaded: string[] = [];
		page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
		await page.goto(base);
		await yamlLoadsOnDemand(page);
		expect(loaded).toContain(`${PREFIX}assets/yaml.js`);
	});
});
