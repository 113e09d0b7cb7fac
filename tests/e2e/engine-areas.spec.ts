// The engine is split by area (vite.config.ts): a drop loads the scripts of the areas its inputs
// need and no other. With the prewarm off (?cold; it loads the XML-security and WSDL areas ahead
// of a drop), a certificate loads the certificate area and never the XML-security, WSDL or
// TLS scripts; a SOAP envelope then loads XML security; a TLS file loads neither pkijs nor XML
// security, and pkijs (the fallback signature verifier) loads only for a signature that needs it.
// Over HTTP (the page's network log) and from file://. Also the page's initial script stays within
// its 150 KB gzip budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { addFiles, card, exportReport, mixFile, waitIdle } from '../support/page';

const DIST = resolve(import.meta.dirname, '../../dist');
const INDEX = pathToFileURL(resolve(DIST, 'index.html')).href;
const INITIAL_SCRIPT_BUDGET = 150 * 1024;

/**
 * The built engine's manifest (written into assets/engine.js): the scripts each area needs beyond
 * those the base script holds.
 */
function manifest(): Record<string, string[]> {
	const page = readFileSync(resolve(DIST, 'assets/engine.js'), 'utf8');
	const source = JSON.parse(page.slice(page.indexOf('=') + 1, page.lastIndexOf(';'))) as string;
	const json = /^self\.__wssecChunkManifest=(\{.*?\});\n/.exec(source)?.[1];
	if (!json) throw new Error('assets/engine.js carries no manifest');
	const { loaded, needs } = JSON.parse(json) as {
		loaded: string[];
		needs: Record<string, string[]>;
	};
	return Object.fromEntries(
		Object.entries(needs).map(([area, list]) => [area, list.filter((n) => !loaded.includes(n))]),
	);
}

/** Engine area scripts the page loads (assets/engine-*.js), by name, and the page's errors. */
function record(page: Page): { scripts: Set<string>; blobs: string[]; problems: string[] } {
	const scripts = new Set<string>();
	const blobs: string[] = [];
	const problems: string[] = [];
	page.on('request', (r) => {
		// the worker's own script and each script it runs from a Blob URL (engine/chunks.ts)
		if (r.url().startsWith('blob:')) blobs.push(r.url());
		const m = /\/assets\/(engine-[\w-]+)\.js$/.exec(new URL(r.url()).pathname);
		if (m?.[1]) scripts.add(m[1]);
	});
	page.on('pageerror', (e) => problems.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(m.text());
	});
	return { scripts, blobs, problems };
}

/** The page's address with its prewarm off (?cold): only drops load areas. */
function cold(url: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}cold`;
}

/**
 * Opens the page with its prewarm off, recording the scripts it loads: what a drop then loads is
 * the drop's doing. Also the built manifest.
 */
async function openHeld(page: Page, url: string) {
	const needs = manifest();
	const seen = record(page);
	await page.goto(cold(url));
	return { needs, seen };
}

/** Scripts only the other areas need: none of them may load for `area`. */
function othersOnly(needs: Record<string, string[]>, area: string): string[] {
	const mine = new Set(needs[area]);
	return [
		...new Set(
			Object.entries(needs)
				.filter(([a]) => a !== area)
				.flatMap(([, list]) => list),
		),
	].filter((n) => !mine.has(n));
}

for (const from of ['http', 'file'] as const) {
	test(`from ${from}, a certificate loads the certificate area only, an envelope then XML security`, async ({
		page,
	}) => {
		const { needs, seen } = await openHeld(page, from === 'http' ? '/' : INDEX);
		await addFiles(page, [mixFile('server-cert.pem')]);
		await waitIdle(page);
		await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
		await expect(page.locator('[data-testid="grade-overall"]')).toBeVisible();
		expect([...seen.scripts].sort()).toEqual([...needs['engine-pki']!].sort());
		// a PEM file started the worker with the certificate scripts in its own (one Blob URL)
		expect(seen.blobs).toHaveLength(1);
		// what the certificate did not need: the XML-security, WSDL and TLS scripts, xmldom's
		const unneeded = othersOnly(needs, 'engine-pki');
		expect(unneeded).toEqual(
			expect.arrayContaining(['engine-xml-security', 'engine-wsdl', 'engine-tls']),
		);
		for (const name of unneeded) expect(seen.scripts.has(name), name).toBe(false);

		await addFiles(page, [mixFile('envelope.xml')]);
		await waitIdle(page);
		await expect(card(page, 'envelope.xml')).toHaveAttribute('data-status', 'parsed');
		expect(seen.scripts.has('engine-xml-security')).toBe(true);
		for (const name of needs['engine-xml-security']!)
			expect(seen.scripts.has(name), name).toBe(true);
		expect(seen.scripts.has('engine-tls')).toBe(false);
		expect(seen.problems).toEqual([]);
	});
}

test('from file://, an envelope on a cold page starts the engine with its XML scripts', async ({
	page,
}) => {
	const { needs, seen } = await openHeld(page, INDEX);
	await addFiles(page, [mixFile('envelope.xml')]);
	await waitIdle(page);
	await expect(card(page, 'envelope.xml')).toHaveAttribute('data-status', 'parsed');
	// the worker's script was the base and the XML scripts: it ran them, it did not ask again
	// (one Blob URL, the worker's own; asked for, each script would run from one of its own)
	const xml = [...new Set([...needs['engine-xml-security']!, ...needs['engine-wsdl']!])];
	expect([...seen.scripts].sort()).toEqual(xml.sort());
	expect(seen.blobs).toHaveLength(1);
	// a certificate afterwards adds the certificate area only
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	expect(seen.scripts.has('engine-pki')).toBe(true);
	expect(seen.scripts.has('engine-tls')).toBe(false);
	expect(seen.problems).toEqual([]);
});

test('a TLS configuration loads the TLS area without pkijs or XML security', async ({ page }) => {
	const { needs, seen } = await openHeld(page, '/');
	await addFiles(page, [mixFile('nginx.conf')]);
	await waitIdle(page);
	await expect(card(page, 'nginx.conf')).toHaveAttribute('data-status', 'parsed');
	expect([...seen.scripts].sort()).toEqual([...needs['engine-tls']!].sort());
	for (const name of othersOnly(needs, 'engine-tls'))
		expect(seen.scripts.has(name), name).toBe(false);
	expect(seen.problems).toEqual([]);
});

test('pkijs, the fallback verifier, loads only for a signature our own verifiers leave', async ({
	page,
}) => {
	const { needs, seen } = await openHeld(page, INDEX);
	const pss = resolve(import.meta.dirname, '../fixtures/pki/pss');
	// an RSA PKCS#1 certificate: WebCrypto checks it, pkijs stays unloaded
	await addFiles(page, [mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	expect(seen.scripts.has('engine-pkijs')).toBe(false);
	// an RSASSA-PSS root (OpenSSL): its self-signature is checked by pkijs, loaded now
	await addFiles(page, [mixFile('rsa-pss-root.pem', 'pss-root.pem', pss)]);
	await waitIdle(page);
	await expect(card(page, 'pss-root.pem')).toHaveAttribute('data-status', 'parsed');
	expect(seen.scripts.has('engine-pkijs')).toBe(true);
	for (const name of needs['engine-pkijs']!) expect(seen.scripts.has(name), name).toBe(true);
	const { json } = await exportReport(page);
	const certs = (json as { certificates: { inputName: string; selfSigned: boolean }[] })
		.certificates;
	expect(certs.find((c) => c.inputName === 'pss-root.pem')?.selfSigned).toBe(true);
	expect(seen.problems).toEqual([]);
});

test('the prewarm loads the XML-security area, so an envelope loads nothing more', async ({
	page,
}) => {
	const needs = manifest();
	const seen = record(page);
	await page.goto('/');
	await expect.poll(() => seen.scripts.has('engine-xml-security'), { timeout: 30_000 }).toBe(true);
	await expect.poll(() => seen.scripts.has('engine-wsdl'), { timeout: 30_000 }).toBe(true);
	const before = new Set(seen.scripts);
	await addFiles(page, [mixFile('envelope.xml')]);
	await waitIdle(page);
	await expect(card(page, 'envelope.xml')).toHaveAttribute('data-status', 'parsed');
	for (const name of [...needs['engine-xml-security']!, ...needs['engine-wsdl']!])
		expect(before.has(name), name).toBe(true);
	expect([...seen.scripts].filter((n) => !before.has(n))).toEqual([]);
	expect(seen.problems).toEqual([]);
});

test("the page's initial script stays within 150 KB gzip", () => {
	const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
	const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
	expect(scripts).toEqual(['./assets/app.js']);
	const gzip = gzipSync(readFileSync(resolve(DIST, 'assets/app.js'))).length;
	expect(gzip).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET);
});

test("the page's script carries the engine's manifest, so a drop loads its scripts at once", () => {
	// written by the build in place of client.ts's placeholder (vite.config.ts, writeManifest)
	const app = readFileSync(resolve(DIST, 'assets/app.js'), 'utf8');
	expect(app).not.toContain('__WSSEC_ENGINE_MANIFEST__');
	const literal = /"(\{\\"loaded\\":.*?\})"/.exec(app)?.[1];
	expect(literal).toBeDefined();
	const inPage = JSON.parse(JSON.parse(`"${literal!}"`) as string) as {
		loaded: string[];
		needs: Record<string, string[]>;
	};
	const engine = readFileSync(resolve(DIST, 'assets/engine.js'), 'utf8');
	const source = JSON.parse(
		engine.slice(engine.indexOf('=') + 1, engine.lastIndexOf(';')),
	) as string;
	const own = /^self\.__wssecChunkManifest=(\{.*?\});\n/.exec(source)?.[1];
	const { loaded, needs } = JSON.parse(own!) as typeof inPage;
	expect(inPage).toEqual({ loaded, needs });
});

test("an area script that cannot be loaded fails its inputs' cards only", async ({ page }) => {
	const seen = record(page);
	await page.route('**/assets/engine-tls.js', (route) => route.abort());
	await page.goto(cold('/'));
	await addFiles(page, [mixFile('nginx.conf'), mixFile('server-cert.pem')]);
	await waitIdle(page);
	await expect(card(page, 'server-cert.pem')).toHaveAttribute('data-status', 'parsed');
	const nginx = card(page, 'nginx.conf');
	await expect(nginx).toHaveAttribute('data-status', 'error');
	await expect(nginx).toContainText('Could not load assets/engine-tls.js');
	expect(seen.scripts.has('engine-tls')).toBe(true);
});
