// Types of quiet-chromium.mjs for the end-to-end tests' global setup (tests/e2e/global-setup.ts).
import type { Browser } from '@playwright/test';
export function quietDisabledFeatures(launch: () => Promise<Browser>): Promise<string>;
