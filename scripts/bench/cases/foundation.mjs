// Foundation figures: initial JavaScript (raw and gzip), each lazily loaded chunk, the time until
// the page accepts a drop when opened from file:// (median of cold loads), and the mixed drop.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from '../lib/native.mjs';

const COLD_LOADS = 7;
const INITIAL_JS_BUDGET_KB = 150;

async function sizes(file) {
	const bytes = await readFile(file);
	return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export default async function run(ctx) {
	const rows = [];
	const assets = resolve(ctx.repoDir, 'dist/assets');
	const html = await readFile(resolve(ctx.repoDir, 'dist/index.html'), 'utf8');
	// Initial JavaScript: the classic scripts index.html loads itself.
	const initial = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
	let initialGzip = 0;
	for (const src of initial) {
		const s = await sizes(resolve(ctx.repoDir, 'dist', src));
		initialGzip += s.gzip;
		rows.push({
			case: `initial JS ${src}`,
			note: `raw ${kb(s.raw)}, gzip ${kb(s.gzip)} (budget ${INITIAL_JS_BUDGET_KB} KB gzip: ${s.gzip / 1024 <= INITIAL_JS_BUDGET_KB ? 'met' : 'EXCEEDED'})`,
		});
	}
	for (const name of (await readdir(assets)).sort()) {
		const path = join(assets, name);
		if (initial.some((src) => src.endsWith(`assets/${name}`))) continue;
		if (!(await stat(path)).isFile()) continue;
		const s = await sizes(path);
		rows.push({
			case: `${name.endsWith('.js') ? 'lazy chunk' : 'asset'} assets/${name}`,
			note: `raw ${kb(s.raw)}, gzip ${kb(s.gzip)}`,
		});
	}

	// Cold loads from file://: navigation start until the file input exists (the page accepts a drop).
	const browser = await ctx.browser();
	const times = [];
	for (let i = 0; i < COLD_LOADS; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (document.querySelector('[data-testid="file-input"]')) {
					window.__acceptsDropAt = performance.now();
					observer.disconnect();
				}
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(ctx.pageUrl());
		await page.waitForFunction(() => window.__acceptsDropAt !== undefined);
		times.push(await page.evaluate(() => window.__acceptsDropAt));
		await context.close();
	}
	rows.push({
		case: 'file:// load until a drop is accepted',
		ours_ms: median(times),
		note: `median of ${COLD_LOADS} cold loads (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); initial JS gzip ${kb(initialGzip)}`,
	});

	// The acceptance mix through the real engine (worker start excluded, see bench-hook.ts).
	const mixDir = resolve(ctx.repoDir, 'tests/fixtures/mix');
	const mixFiles = [
		'server-cert.pem',
		'client.p12',
		'partner.jks',
		'orders.wsdl',
		'envelope.xml',
		'nginx.conf',
		'random.bin',
	];
	const passwords = {
		'client.p12': (await readFile(join(mixDir, 'client.p12.password'), 'utf8')).trim(),
		'partner.jks': (await readFile(join(mixDir, 'partner.jks.password'), 'utf8')).trim(),
	};
	const result = await ctx.analyzeInPage(
		mixFiles.map((name) => ({ path: join(mixDir, name) })),
		{ passwords },
	);
	const native = await ctx.timeNative('openssl', [
		'pkcs12',
		'-in',
		join(mixDir, 'client.p12'),
		'-passin',
		`pass:${passwords['client.p12']}`,
		'-noout',
	]);
	rows.push({
		case: 'acceptance mix (7 files) in the engine',
		ours_ms: result.ms,
		native_ms: native.ms,
		native_cmd: 'openssl pkcs12 -noout (the PKCS#12 alone)',
		peak_mb: result.peakHeapMb ?? undefined,
		longest_main_thread_block_ms: result.longestTaskMs,
		note: `grade ${result.report.grade.overall}, ${result.report.findings.length} findings; peak = main-thread heap`,
	});
	return rows;
}
