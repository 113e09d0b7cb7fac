// Build: the page as one classic (non-module) script so it runs from file://, where Chromium
// refuses module scripts, plus the analysis engine as a separate lazily loaded classic script
// whose text becomes a Blob worker (file:// pages cannot start a worker from a file URL).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, defineConfig, type Plugin } from 'vite';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const ENGINE_GLOBAL = '__wssecEngineSource';
const YAML_GLOBAL = '__wssecYamlSource';
const YAML_STUB = '\0wssec-yaml-stub';

/**
 * The engine does not carry the YAML library: its dynamic import('yaml') (formats/yaml.ts's
 * default loader, used in Node) becomes a stub here, and the worker installs a loader that gets
 * assets/yaml.js's source from the page instead. An IIFE cannot split into chunks, and a Blob
 * worker of a file:// page could not load a chunk file anyway.
 */
function yamlOutOfEngine(): Plugin {
	return {
		name: 'wssec:yaml-out-of-engine',
		enforce: 'pre',
		resolveId: (id) => (id === 'yaml' ? YAML_STUB : null),
		load: (id) =>
			id === YAML_STUB
				? "throw new Error('the engine loads YAML through the page (assets/yaml.js)');"
				: null,
	};
}

/** Builds one IIFE bundle and returns its code. */
async function iife(entry: string, name: string, plugins: Plugin[], tmp: string): Promise<string> {
	await build({
		configFile: false,
		logLevel: 'warn',
		define: { 'import.meta.env.DEV': 'false' },
		plugins,
		build: {
			outDir: tmp,
			emptyOutDir: true,
			minify: true,
			sourcemap: false,
			lib: { entry, formats: ['iife'], name, fileName: () => 'bundle.js' },
		},
	});
	return readFile(resolve(tmp, 'bundle.js'), 'utf8');
}

/** Rewrites Vite's module script tag into a deferred classic script (the bundle is an IIFE). */
function classicScripts(): Plugin {
	return {
		name: 'wssec:classic-scripts',
		apply: 'build',
		enforce: 'post',
		transformIndexHtml(html) {
			return html
				.replace(/<script type="module" crossorigin/g, '<script defer')
				.replace(/<link rel="stylesheet" crossorigin/g, '<link rel="stylesheet"');
		},
	};
}

/**
 * After the page is built, builds src/engine/worker.ts as an IIFE and stores its text in a global
 * (assets/engine.js), and the YAML library the same way (assets/yaml.js, loaded only when the
 * engine asks for it: src/engine/client.ts).
 */
function engineBundle(): Plugin {
	let outDir = 'dist';
	return {
		name: 'wssec:engine-bundle',
		apply: 'build',
		configResolved(config) {
			outDir = resolve(config.root, config.build.outDir);
		},
		async closeBundle() {
			const tmp = resolve(outDir, '.engine-tmp');
			const src = (path: string) => resolve(import.meta.dirname, 'src/engine', path);
			const engine = await iife(src('worker.ts'), 'wssecEngine', [yamlOutOfEngine()], tmp);
			await writeFile(
				resolve(outDir, 'assets/engine.js'),
				`window.${ENGINE_GLOBAL}=${JSON.stringify(engine)};\n`,
			);
			// `var __wssecYaml=…` at the top of a script the worker imports defines self.__wssecYaml.
			const yaml = await iife(src('yaml-lib.ts'), '__wssecYaml', [], tmp);
			await writeFile(
				resolve(outDir, 'assets/yaml.js'),
				`window.${YAML_GLOBAL}=${JSON.stringify(yaml)};\n`,
			);
			await rm(tmp, { recursive: true, force: true });
		},
	};
}

const RENDERER_GLOBAL = '__wssecRenderer';

/**
 * After the page is built, stores the page's own script and stylesheet as text in
 * assets/renderer.js, loaded only by "Save report": a saved report inlines them, so it shows the
 * report with the very renderer of the live page, offline and from disk (the page cannot read
 * its own files: connect-src 'none').
 */
function rendererBundle(): Plugin {
	let outDir = 'dist';
	return {
		name: 'wssec:renderer-bundle',
		apply: 'build',
		configResolved(config) {
			outDir = resolve(config.root, config.build.outDir);
		},
		async closeBundle() {
			const js = await readFile(resolve(outDir, 'assets/app.js'), 'utf8');
			const css = await readFile(resolve(outDir, 'assets/style.css'), 'utf8');
			await writeFile(
				resolve(outDir, 'assets/renderer.js'),
				`window.${RENDERER_GLOBAL}=${JSON.stringify({ js, css })};\n`,
			);
		},
	};
}

export default defineConfig({
	base: './',
	plugins: [svelte(), classicScripts(), engineBundle(), rendererBundle()],
	build: {
		target: 'es2022',
		modulePreload: false,
		cssCodeSplit: false,
		rollupOptions: {
			output: {
				format: 'iife',
				entryFileNames: 'assets/app.js',
				assetFileNames: 'assets/[name][extname]',
			},
		},
	},
	worker: { format: 'es' },
});
