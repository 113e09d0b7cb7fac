import { availableParallelism } from 'node:os';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [svelte()],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
		// where the main process is idle while tests run. Use them all.
		maxWorkers: availableParallelism(),
		// Test files share a worker's module cache instead of re-importing the analyzer (pkijs,
		// asn1js, xmldom, every parser) for each of ~150 files, which was most of the unit phase.
		// Safe because no test mocks modules or leaves globals stubbed (the one test that needs fresh
		// module state calls vi.resetModules itself: src/core/tls/formats/yaml.test.ts; the engine
		// client's test stubs Worker and restores it: src/engine/client.test.ts).
		isolate: false,
	},
});
