// Build: the page as one classic (non-module) script so it runs from file://, where Chromium
// refuses module scripts, plus the analysis engine as separate lazily loaded classic scripts: the
// base, whose text becomes a Blob worker (file:// pages cannot start a worker from a file URL),
// and one script per area of the engine and per piece of code areas share, whose text the worker
// asks the page for when an input needs that area (buildEngineScripts, src/areas/index.ts).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build, defineConfig, type Plugin } from 'vite';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const ENGINE_GLOBAL = '__wssecEngineSource';
const YAML_GLOBAL = '__wssecYamlSource';
/** Where each engine area script stores its source on the page (src/engine/client.ts). */
const ENGINE_CHUNKS_GLOBAL = '__wssecEngineChunks';
/** Where each engine script registers its exports in the worker (src/engine/chunks.ts). */
const CHUNK_REGISTRY = '__wssecChunks';
/** The entry of a chunk's second build (an absolute path Vite leaves alone; never a file). */
const VIRTUAL_ENTRY = '/wssec-engine-chunk.js';
const VIRTUAL_ID = '\0wssec-engine-chunk';

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

/** One chunk of the engine's code split (an ES module of Rolldown's output). */
interface EsChunk {
	fileName: string;
	code: string;
	imports: string[];
	dynamicImports: string[];
}

/** The engine's scripts: `base` (its text becomes the worker) and the area scripts by name. */
export interface EngineScripts {
	base: string;
	/** Area scripts and the scripts they share, by name (assets/<name>.js). */
	chunks: Map<string, string>;
	/** Names of the scripts the base holds, in the order they run. */
	baseChunks: string[];
	/** What each import()ed script needs, dependencies first (the manifest of engine/chunks.ts). */
	needs: Record<string, string[]>;
}

/**
 * Libraries whose name an engine script other than an area's takes (it carries their code and ours
 * around it), the first listed that it holds: pkijs is imported on first use by the certificate
 * code (core/x509/pkijs-fallback.ts), asn1js and xmldom come with the code areas share.
 */
const SHARED_LIBRARIES = [
	{ path: '/node_modules/pkijs/', name: 'pkijs' },
	{ path: '/node_modules/@xmldom/xmldom/', name: 'xmldom' },
	{ path: '/node_modules/asn1js/', name: 'asn1js' },
];

const chunkName = (fileName: string) => fileName.replace(/\.js$/, '');
const registryKey = (name: string) => name.replace(/\W/g, '_');

/**
 * Builds the engine (src/engine/worker.ts) split by area. Step one lets Rolldown split it as ES
 * modules: every import() in src/areas/index.ts is an entry, and each module lands in exactly one
 * chunk (the base, one area, or a chunk several areas share), so a class or a cache is never
 * duplicated with a second identity. Step two turns each chunk into a classic script, because a
 * file:// page's Blob worker can neither run module scripts nor load files: its imports of other
 * chunks become reads of `self.__wssecChunks`, where each chunk registers its exports, and each
 * import() becomes `__wssecImport(name)` (src/engine/chunks.ts asks the page for the scripts).
 * The base script carries the manifest: which scripts each import() needs, in order.
 */
export async function buildEngineScripts(root: string, minify = true): Promise<EngineScripts> {
	const out = await build({
		configFile: false,
		logLevel: 'warn',
		root,
		define: { 'import.meta.env.DEV': 'false' },
		plugins: [lazyXmldomEntities()],
		build: {
			write: false,
			minify: false,
			sourcemap: false,
			target: 'es2022',
			lib: {
				entry: resolve(root, 'src/engine/worker.ts'),
				formats: ['es'],
				fileName: () => 'engine.js',
			},
			rollupOptions: {
				// the page sends the YAML library (assets/yaml.js); its import() is never run here
				external: ['yaml'],
				// an area's script is named after its entry (src/areas/<area>.ts); the scripts areas
				// share after the library they carry, else Rolldown's name
				output: {
					chunkFileNames: (chunk) => {
						const area = chunk.isDynamicEntry && chunk.facadeModuleId?.includes('/src/areas/');
						const lib = area
							? undefined
							: SHARED_LIBRARIES.find((l) => chunk.moduleIds.some((id) => id.includes(l.path)));
						// @noble/ciphers' AES and GHASH, imported on first use (crypto/noble-aes.ts)
						const noble =
							!area && chunk.moduleIds.every((id) => id.includes('/node_modules/@noble/ciphers/'))
								? `noble-${chunk.name.replace(/^_/, '')}`
								: undefined;
						return `engine-${lib?.name ?? noble ?? '[name]'}.js`;
					},
				},
			},
		},
	});
	const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) =>
		'output' in o ? o.output : [],
	);
	const chunks = new Map<string, EsChunk>();
	const names = new Set(outputs.flatMap((o) => (o.type === 'chunk' ? [o.fileName] : [])));
	// external modules (yaml) are listed among a chunk's imports too
	const own = (files: string[]) => files.filter((f) => names.has(f));
	for (const o of outputs)
		if (o.type === 'chunk')
			chunks.set(chunkName(o.fileName), {
				fileName: o.fileName,
				code: o.code,
				imports: own(o.imports),
				dynamicImports: own(o.dynamicImports),
			});
	const needsOf = (name: string, seen = new Set<string>()): string[] => {
		if (seen.has(name)) return [];
		seen.add(name);
		const chunk = chunks.get(name);
		if (!chunk) throw new Error(`engine build: no chunk ${name}`);
		return [...chunk.imports.flatMap((i) => needsOf(chunkName(i), seen)), name];
	};
	const baseChunks = needsOf('engine');
	const needs: Record<string, string[]> = {};
	for (const chunk of chunks.values())
		for (const d of chunk.dynamicImports) needs[chunkName(d)] = needsOf(chunkName(d));
	const scripts = new Map<string, string>();
	for (const [name, chunk] of chunks) {
		let code = chunk.code;
		for (const d of chunk.dynamicImports) {
			const call = `import("./${d}")`;
			if (!code.includes(call)) throw new Error(`engine build: ${name} has no ${call}`);
			code = code.replaceAll(call, `__wssecImport(${JSON.stringify(chunkName(d))})`);
		}
		code = code.replaceAll(
			'import("yaml")',
			"Promise.reject(new Error('the engine loads YAML through the page (assets/yaml.js)'))",
		);
		if (/\bimport\s*\(/.test(code)) throw new Error(`engine build: ${name} keeps an import()`);
		scripts.set(name, await classicChunk(root, code, registryKey(name), minify));
	}
	const manifest = {
		loaded: baseChunks,
		needs,
		globals: Object.fromEntries([...chunks.keys()].map((n) => [n, registryKey(n)])),
	};
	const base = [
		`self.__wssecChunkManifest=${JSON.stringify(manifest)};`,
		...baseChunks.map((n) => scripts.get(n) ?? ''),
	].join('\n');
	for (const n of baseChunks) scripts.delete(n);
	return { base, chunks: scripts, baseChunks, needs };
}

/** xmldom's module of entity tables, and the two statements lazyHtmlEntities rewrites in it. */
const XMLDOM_ENTITIES = /[\\/]@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/;
const HTML_TABLE = 'exports.HTML_ENTITIES = freeze({';
const HTML_ALIAS = 'exports.entityMap = exports.HTML_ENTITIES;';

/**
 * xmldom's entities module with its HTML table built on first read instead of when it loads.
 * Loading xmldom built and froze that 2 231-entry table (a literal, its descriptors, a frozen
 * copy) at every engine start; measured in the worker, its scripts' top-level run fell from
 * 15–31 ms to 6–19 ms without it. The engine parses XML only (`text/xml`), where xmldom reads
 * XML_ENTITIES and never the HTML table; a read of it (HTML parsing) gets the very same frozen
 * table. The build fails if the statements it rewrites are not there (an xmldom update).
 */
export function lazyHtmlEntities(code: string): string {
	if (!code.includes(HTML_TABLE) || !code.includes(HTML_ALIAS))
		throw new Error(
			'engine build: xmldom/lib/entities.js no longer reads as lazyHtmlEntities expects',
		);
	return code
		.replace(HTML_TABLE, 'var buildHtmlEntities = () => freeze({')
		.replace(
			HTML_ALIAS,
			[
				'var htmlEntities;',
				"Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: () => (htmlEntities ??= buildHtmlEntities()) });",
				"Object.defineProperty(exports, 'entityMap', { enumerable: true, get: () => exports.HTML_ENTITIES });",
			].join('\n'),
		);
}

/** The engine build's rewrite of xmldom's entities module (lazyHtmlEntities). */
function lazyXmldomEntities(): Plugin {
	return {
		name: 'wssec:lazy-html-entities',
		transform: (code, id) => (XMLDOM_ENTITIES.test(id) ? lazyHtmlEntities(code) : null),
	};
}

/**
 * The code with every non-ASCII UTF-16 unit written as a `\uXXXX` escape, which means the same
 * in a string, template, regular expression, identifier or comment (a pattern's `source` reads
 * the escape, which means the same in a pattern built from it). One non-ASCII character
 * makes V8 hold a whole source as two bytes per character: the page's join of the engine's
 * scripts, the Blob made of it, the worker's copy and its parse all double, so the minifier's
 * output (which keeps such characters as they are) is escaped before the page ever sees it.
 */
export function asciiSource(code: string): string {
	return code.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes: string, unit: string) => {
		const escape = `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
		// an odd run of backslashes escapes the character itself ("\é" is "é" in a string and in
		// a regular expression without the u flag, where alone it can occur): the escape takes
		// the place of that backslash
		return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
	});
}

/** One ES chunk as a classic script registering its exports under self.__wssecChunks[key]. */
async function classicChunk(
	root: string,
	code: string,
	key: string,
	minify: boolean,
): Promise<string> {
	const out = await build({
		configFile: false,
		logLevel: 'warn',
		root,
		plugins: [
			{
				name: 'wssec:chunk-entry',
				enforce: 'pre',
				resolveId: (id) => (id === VIRTUAL_ENTRY ? VIRTUAL_ID : null),
				load: (id) => (id === VIRTUAL_ID ? code : null),
			},
		],
		build: {
			write: false,
			minify,
			sourcemap: false,
			target: 'es2022',
			lib: { entry: VIRTUAL_ENTRY, formats: ['iife'], name: `${CHUNK_REGISTRY}.${key}` },
			rollupOptions: {
				external: (id) => /^(\.\/)?engine[\w-]*\.js$/.test(id),
				output: {
					extend: true,
					globals: (id: string) =>
						`${CHUNK_REGISTRY}.${registryKey(chunkName(id.replace(/^\.\//, '')))}`,
				},
			},
		},
	});
	const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) =>
		'output' in o ? o.output : [],
	);
	const chunk = outputs.find((o) => o.type === 'chunk');
	if (!chunk || chunk.type !== 'chunk') throw new Error('engine build: no script');
	return asciiSource(chunk.code);
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
 * After the page is built, builds the engine split by area (buildEngineScripts): the base script's
 * text stored in a global (assets/engine.js), each area script's in another
 * (assets/engine-<name>.js, loaded only when the engine asks for it: src/engine/client.ts), and
 * the YAML library the same way (assets/yaml.js).
 */
/**
 * The string in src/engine/client.ts (BUILT_MANIFEST) that the engine's manifest replaces in the
 * page's script, so a cold drop loads the base and the area scripts it needs side by side.
 */
const ENGINE_MANIFEST_PLACEHOLDER = /(["'`])__WSSEC_ENGINE_MANIFEST__\1/g;

/** Settled once engineBundle has written the engine and its manifest into assets/app.js. */
let engineWritten: Promise<void> = Promise.resolve();

/** Writes the engine's manifest into the page's script (see ENGINE_MANIFEST_PLACEHOLDER). */
async function writeManifest(outDir: string, engine: EngineScripts): Promise<void> {
	const file = resolve(outDir, 'assets/app.js');
	const app = await readFile(file, 'utf8');
	const manifest = JSON.stringify({ loaded: engine.baseChunks, needs: engine.needs });
	// a minifier that folded the placeholder away would leave the page reading the base first:
	// the build says so instead
	if (!app.match(ENGINE_MANIFEST_PLACEHOLDER))
		throw new Error('engine build: assets/app.js has no engine manifest placeholder');
	await writeFile(
		file,
		app.replace(ENGINE_MANIFEST_PLACEHOLDER, () => JSON.stringify(manifest)),
	);
}

function engineBundle(): Plugin {
	let outDir = 'dist';
	let root = '.';
	const write = async () => {
		const tmp = resolve(outDir, '.engine-tmp');
		const engine = await buildEngineScripts(root);
		await writeFile(
			resolve(outDir, 'assets/engine.js'),
			`window.${ENGINE_GLOBAL}=${JSON.stringify(engine.base)};\n`,
		);
		for (const [name, code] of engine.chunks)
			await writeFile(
				resolve(outDir, `assets/${name}.js`),
				`(window.${ENGINE_CHUNKS_GLOBAL}=window.${ENGINE_CHUNKS_GLOBAL}||{})[${JSON.stringify(name)}]=${JSON.stringify(code)};\n`,
			);
		await writeManifest(outDir, engine);
		// `var __wssecYaml=…` at the top of a script the worker imports defines self.__wssecYaml.
		const yaml = await iife(
			resolve(import.meta.dirname, 'src/engine/yaml-lib.ts'),
			'__wssecYaml',
			[],
			tmp,
		);
		await writeFile(
			resolve(outDir, 'assets/yaml.js'),
			`window.${YAML_GLOBAL}=${JSON.stringify(asciiSource(yaml))};\n`,
		);
		await rm(tmp, { recursive: true, force: true });
	};
	return {
		name: 'wssec:engine-bundle',
		apply: 'build',
		configResolved(config) {
			outDir = resolve(config.root, config.build.outDir);
			root = config.root;
		},
		closeBundle() {
			// rendererBundle copies assets/app.js: it waits for the manifest written into it
			engineWritten = write();
			return engineWritten;
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
			await engineWritten;
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
	// The development server pre-bundles the dependencies it finds from these entries at start: the
	// engine's areas are imported only when a file needs them, and a dependency first met then
	// (pkijs, xmldom) would make the server re-bundle and reload under the running analysis.
	optimizeDeps: { entries: ['index.html', 'src/engine/worker.ts', 'src/areas/*.ts'] },
});
