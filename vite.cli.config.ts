// Build of the command line (src/cli/node.ts) for Node 20: one ES module in dist-cli/ with every
// dependency bundled, so it runs the same code as the page's engine without a TypeScript loader.
// `npm run build` and `prepare` (run by `npm ci`) make it; bin/wssec-analyzer.mjs imports it.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
	root: import.meta.dirname,
	logLevel: 'warn',
	define: { 'import.meta.env.DEV': 'false' },
	ssr: { noExternal: true, target: 'node' },
	build: {
		ssr: resolve(import.meta.dirname, 'src/cli/node.ts'),
		outDir: 'dist-cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		sourcemap: false,
		copyPublicDir: false,
		// one file: the launcher swaps it into place atomically (lazy imports such as yaml inlined)
		rollupOptions: {
			output: { format: 'es', entryFileNames: 'wssec-analyzer.mjs', codeSplitting: false },
		},
	},
});
