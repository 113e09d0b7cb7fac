// The Chromium of the end-to-end tests: Debian's, with the arguments playwright.config.ts gives
// it, and the environment variable global-setup.ts leaves its quiet --disable-features in.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Set by tests/e2e/global-setup.ts; read by playwright.config.ts in every test worker. */
export const QUIET_FEATURES_ENV = 'WSSEC_E2E_DISABLED_FEATURES';

/** CHROMIUM_ARGS, and the quiet --disable-features once global-setup.ts has found it. */
export function chromiumArgs(): string[] {
	const quiet = process.env[QUIET_FEATURES_ENV];
	return quiet ? [...CHROMIUM_ARGS, `--disable-features=${quiet}`] : CHROMIUM_ARGS;
}
