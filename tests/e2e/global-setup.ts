// Before the end-to-end tests: finds the --disable-features that launches their Chromium without
// its address-bar popup (scripts/lib/quiet-chromium.mjs) and leaves it in the environment, where
// playwright.config.ts reads it when each test worker loads it. A probe that fails leaves
// Chromium as it is: the tests then run as before, only slower.
import { chromium } from '@playwright/test';
import { quietDisabledFeatures } from '../../scripts/lib/quiet-chromium.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, QUIET_FEATURES_ENV } from '../support/chromium';

export default async function globalSetup(): Promise<void> {
	if (process.env[QUIET_FEATURES_ENV]) return;
	try {
		process.env[QUIET_FEATURES_ENV] = await quietDisabledFeatures(() =>
			chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
		);
	} catch (error) {
		console.log(`Chromium keeps its address-bar popup: ${String(error)}`);
	}
}
