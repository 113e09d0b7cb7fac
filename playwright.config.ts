import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './tests/support/chromium';

// End-to-end tests run against the built dist/ in Debian's Chromium; no browser is downloaded.
// A port of its own per run (E2E_PORT), so two runs in one checkout never share a server.
const port = Number(process.env.E2E_PORT ?? 4173);

/**
 * Specs that bound wall-clock time on the main thread or the CPU after a Cancel: they run after
 * all others, one at a time, so the other Playwright worker's page is never their neighbour
 * (measured: 2,000 files' longest task 0.34 s alone, 1.6-2.3 s beside another spec at load 8).
 */
const TIMED = /(many-files|cancel-cpu)\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	// Spec files run on two workers (a file's tests stay in order in one worker); E2E_WORKERS=1
	// runs them one at a time.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	reporter: [['list']],
	projects: [
		{ name: 'e2e', testIgnore: TIMED },
		{ name: 'timed', testMatch: TIMED, dependencies: ['e2e'], workers: 1 },
	],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// without its address-bar popup once tests/e2e/global-setup.ts has run (the test workers
		// load this file after it)
		launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs() },
	},
	webServer: {
		command: `node scripts/serve.mjs --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000,
	},
});
