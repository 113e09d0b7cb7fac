// Runs the real engine in Debian's Chromium through the page's ?bench hook (src/ui/bench-hook.ts),
// with the built page opened from file:// — the same path a user who opens dist/index.html takes.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-precise-memory-info',
	'--js-flags=--expose-gc',
];

/** Starts one browser for the whole bench run; pages are opened per measurement. */
export async function launchBrowser() {
	return chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS });
}

export function pageUrl(repoDir, query = '') {
	return pathToFileURL(resolve(repoDir, 'dist/index.html')).href + query;
}

async function toBenchFile(file) {
	if ('path' in file) {
		const bytes = await readFile(file.path);
		return { name: file.name ?? basename(file.path), base64: bytes.toString('base64') };
	}
	return { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
}

/**
 * ctx.analyzeInPage: opens a fresh page (file://…/dist/index.html?bench), hands the files to the
 * engine and returns { ms, longestTaskMs, peakHeapMb, report } as measured inside the page.
 */
export function makeAnalyzeInPage(getBrowser, repoDir) {
	return async function analyzeInPage(files, opts = {}) {
		const browser = await getBrowser();
		const context = await browser.newContext();
		const page = await context.newPage();
		const errors = [];
		page.on('pageerror', (e) => errors.push(e.message));
		try {
			await page.goto(pageUrl(repoDir, '?bench'));
			await page.waitForFunction(() => window.__wssecBench !== undefined);
			const payload = await Promise.all(files.map(toBenchFile));
			const result = await page.evaluate(
				([f, passwords]) => window.__wssecBench.analyze(f, passwords),
				[payload, opts.passwords ?? {}],
			);
			if (errors.length > 0) result.pageErrors = errors;
			return result;
		} finally {
			await context.close();
		}
	};
}
