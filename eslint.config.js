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
			'no-restricted-imports': ['error', { patterns: upward('rules', 'ui', 'engine', 'analyze') }],
		},
	},
	{
		files: ['src/rules/**'],
		ignores: ['src/**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: upward('ui', 'engine', 'analyze') }] },
	},
	{
		files: ['src/analyze.ts', 'src/engine/worker.ts'],
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
