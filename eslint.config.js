// Flat config: typescript-eslint (type-checked) + eslint-plugin-svelte + prettier, plus the layer
// rule: imports flow ui → analyze → rules → core, never back.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const NODE_ONLY = { group: ['node:*'], message: 'src runs in the browser and in a worker.' };
const upward = (...layers) => [
	NODE_ONLY,
	...layers.map((layer) => ({
		group: [`**/${layer}`, `**/${layer}/**`, `**/${layer}.ts`],
		message: `This layer must not import ${layer}: imports flow ui → analyze → rules → core.`,
	})),
];

// Inside core (CONTRIBUTING.md, "Layers"): building blocks at the bottom, then the areas' parsers,
// then the analysis plumbing (facts.ts, pipeline.ts, detect.ts) and the report on top. A lower
// folder never imports a higher one.
const CORE_TOP = ['rules', 'ui', 'engine', 'analyze', 'areas'];
const AREA_FOLDERS = ['x509', 'keystore', 'xmldsig', 'xmlenc', 'soap', 'wsdl', 'policy', 'tls'];
const PLUMBING = ['facts', 'pipeline', 'detect', 'report', 'share'];
const below = (folder, ...forbidden) => ({
	files: [`src/core/${folder}/**`],
	ignores: ['src/**/*.test.ts', 'src/**/testing.ts'],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					...upward(...CORE_TOP),
					...forbidden.map((layer) => ({
						group: [`**/${layer}`, `**/${layer}/**`, `**/${layer}.ts`],
						message: `core/${folder} is a building block: it must not import ${layer} (CONTRIBUTING.md, "Layers").`,
					})),
				],
			},
		],
	},
});
// A bare `catch {` cannot tell a bug from bad input (CONTRIBUTING.md, "Catching"); every core
// block that sets no-restricted-syntax repeats it, since a later block's list replaces an earlier.
const NO_BARE_CATCH = {
	selector: 'CatchClause[param=null]',
	message:
		'Bind the error: rethrow bugs (isBug, a code or a class) and record the reason or say why it is not needed (CONTRIBUTING.md, "Catching").',
};

/** A one-way dependency between two neighbours that `below` cannot express (same level). */
const oneWay = (files, source, message) => ({
	files,
	ignores: ['src/**/*.test.ts', 'src/**/testing.ts'],
	rules: {
		'no-restricted-syntax': [
			'error',
			NO_BARE_CATCH,
			{ selector: `ImportDeclaration[source.value=${source}]`, message },
		],
	},
});

export default ts.config(
	{
		ignores: [
			'dist/',
			'dist-cli/',
			'dist-cli.tmp-*/',
			'node_modules/',
			'coverage/',
			'test-results/',
			'playwright-report/',
			'bench-results/',
			'tests/fixtures/',
			'tests/vectors/',
			'scripts/',
			'**/*.cjs',
		],
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, ...globals.worker },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
			},
		},
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/only-throw-error': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'no-empty': ['error', { allowEmptyCatch: false }],
			'no-restricted-properties': [
				'error',
				{ property: 'innerHTML', message: 'Render input as text, never as markup.' },
				{ property: 'outerHTML', message: 'Render input as text, never as markup.' },
			],
			'svelte/no-at-html-tags': 'error',
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/**/*.test.ts'],
		rules: {
			'no-restricted-globals': [
				'error',
				{ name: 'Buffer', message: 'src runs in the browser: use Uint8Array.' },
			],
			'no-restricted-imports': ['error', { patterns: [NODE_ONLY] }],
		},
	},
	{
		files: ['src/core/**'],
		ignores: ['src/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: upward(...CORE_TOP) }],
			'no-restricted-syntax': ['error', NO_BARE_CATCH],
		},
	},
	below('bytes', 'asn1', 'crypto', 'xml', 'keys', ...AREA_FOLDERS, ...PLUMBING),
	below('asn1', 'crypto', 'xml', 'keys', ...AREA_FOLDERS, ...PLUMBING),
	below('crypto', 'xml', 'keys', ...AREA_FOLDERS, ...PLUMBING),
	below('keys', 'asn1', 'crypto', 'xml', ...AREA_FOLDERS, ...PLUMBING),
	// xml/xml-input.ts is the XML parser's pipeline adapter, hence pipeline is allowed.
	below('xml', 'crypto', 'keys', ...AREA_FOLDERS, 'facts', 'detect', 'report', 'share'),
	// WS-Policy builds on XML only; the WSDL area builds on it (wsdl → policy, never back).
	below(
		'policy',
		'crypto',
		'keys',
		...AREA_FOLDERS.filter((a) => a !== 'policy'),
		'report',
		'share',
	),
	oneWay(
		['src/core/x509/**'],
		'/\\/keystore\\//',
		'keystore builds on x509, so x509 must not import keystore; what both need (the password lists) lives in core/keys.',
	),
	oneWay(
		['src/core/tls/model.ts'],
		'"./facts"',
		'tls/facts.ts builds on tls/model.ts (parse model, Origin, MailFacts); model.ts must not import facts.ts.',
	),
	{
		files: ['src/rules/**'],
		ignores: ['src/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: upward('ui', 'engine', 'analyze', 'areas') }],
		},
	},
	{
		// src/areas: the analysis's lazily loaded parts (parsers and stages of core), beside analyze.ts
		files: ['src/analyze.ts', 'src/engine/worker.ts', 'src/areas/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: upward('ui') }] },
	},
	{
		// The command line runs in Node (it reads files) beside the page: it uses analyze and core,
		// never the page or its worker.
		files: ['src/cli/**'],
		ignores: ['src/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: upward('ui', 'engine').slice(1) }],
		},
	},
	{
		files: ['**/*.test.ts', 'tests/**/*.ts'],
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
		},
	},
	{
		files: ['*.config.js', '*.config.ts', 'eslint.config.js', 'svelte.config.js', '**/*.mjs'],
		...ts.configs.disableTypeChecked,
	},
);
