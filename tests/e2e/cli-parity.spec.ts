// The command line and the page agree (issue #16): the same files dropped into the built page,
// unlocked with the same passwords and trusted the same way, export the JSON report (and SARIF)
// that the built CLI prints, apart from the time of the analysis.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect, test, type Page } from '@playwright/test';
import { runBuiltCli } from '../support/cli';
import { MIX_DIR, mixPasswords } from '../support/mix';
import { card, exportReport, exportSarif, waitIdle } from '../support/page';

const FIXTURES = resolve(MIX_DIR, '..');

interface Case {
	title: string;
	/** Paths under tests/fixtures, in the order they are dropped (and given to the CLI). */
	files: string[];
	passwords: Record<string, string>;
	/** Inputs marked "Use as truststore" on the page, `--trust` on the command line. */
	trust: string[];
}

const pw = mixPasswords();
const CASES: Case[] = [
	{
		title:
			'the mix: PKCS#12 and JKS unlocked, a store whose entry keeps its own password, a locked-out file',
		files: [
			'mix/server-cert.pem',
			'mix/client.p12',
			'mix/partner.jks',
			'mix/two-passwords.jks',
			'mix/orders.wsdl',
			'mix/envelope.xml',
			'mix/nginx.conf',
			'mix/client-key.pem',
			'mix/random.bin',
		],
		passwords: {
			'client.p12': pw['client.p12']!,
			'partner.jks': pw['partner.jks']!,
			'two-passwords.jks': pw['two-passwords.jks']!,
		},
		trust: [],
	},
	{
		title: 'a truststore: the self-signed certificate of a PKCS#12 pinned by a PEM file',
		files: ['mix/client.p12', 'mix/server-cert.pem'],
		passwords: { 'client.p12': pw['client.p12']! },
		trust: ['mix/server-cert.pem'],
	},
	{
		title:
			'signed WS-Security messages with their CA trusted, a connector declaration, a locked keystore',
		files: [
			'wss/wss4j-soap11-rsa-bst.xml',
			'wss/tampered-body.xml',
			'wss/ca.pem',
			'tls/worked/ex3-pega-connect-soap-8u202.json',
			'tls/formats/connector-bad.json',
			'mix/partner.jks',
		],
		passwords: {},
		trust: ['wss/ca.pem'],
	},
	{
		// every detection fixture at once: each input kind, the bad ones, the locked ones opened
		title: 'all 58 detection fixtures, the locked ones opened with their password',
		files: readdirSync(resolve(FIXTURES, 'detect'))
			.filter((n) => n !== 'README.md')
			.sort()
			.map((n) => `detect/${n}`),
		passwords: Object.fromEntries(
			[
				'client-legacy.pfx',
				'client.p12',
				'jks-named.pem',
				'keytool.p12',
				'rsa-key-encrypted.der',
				'rsa-key-encrypted.pem',
				'store.jceks',
				'store.jks',
			].map((n) => [n, 'fixture-pass']),
		),
		trust: [],
	},
];

const base = (path: string) => path.replace(/^.*\//, '');

const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(
	JSON.parse(readFileSync(resolve(FIXTURES, 'sarif/sarif-schema-2.1.0.json'), 'utf8')) as object,
);

async function analyzeInPage(page: Page, c: Case): Promise<void> {
	await page.goto('/');
	// by path, so each File's lastModified is the file's mtime, as the CLI reads it
	await page
		.locator('input[type=file][data-testid="file-input"]')
		.setInputFiles(c.files.map((f) => resolve(FIXTURES, f)));
	await waitIdle(page);
	for (const [name, password] of Object.entries(c.passwords)) {
		const field = card(page, name).locator('input[type=password]').first();
		await field.fill(password);
		await field.press('Enter');
		await waitIdle(page);
		await expect(card(page, name)).not.toHaveAttribute('data-status', 'locked');
	}
	for (const path of c.trust) {
		await card(page, base(path)).locator('[data-testid="use-as-truststore"]').check();
		await waitIdle(page);
	}
}

function cliArgs(c: Case, format: string): string[] {
	return [
		...Object.entries(c.passwords).flatMap(([name, p]) => ['--password', `${name}=${p}`]),
		...c.trust.flatMap((t) => ['--trust', resolve(FIXTURES, t)]),
		'--format',
		format,
		...c.files.map((f) => resolve(FIXTURES, f)),
	];
}

function withoutTime(report: unknown): unknown {
	const { generatedAt: _ignored, ...rest } = report as Record<string, unknown>;
	return rest;
}

function sarifWithoutTime(log: unknown): unknown {
	const copy = structuredClone(log) as { runs: { invocations: { endTimeUtc?: string }[] }[] };
	for (const run of copy.runs) for (const i of run.invocations) delete i.endTimeUtc;
	return copy;
}

for (const c of CASES) {
	test(`CLI JSON and SARIF equal the page's exports: ${c.title}`, async ({ page }) => {
		await analyzeInPage(page, c);
		const exported = await exportReport(page);
		const sarif = await exportSarif(page);
		expect(sarif.fileName).toMatch(/^wssec-report-.*\.sarif$/);
		expect(validateSarif(sarif.json), ajv.errorsText(validateSarif.errors)).toBe(true);

		const json = await runBuiltCli(cliArgs(c, 'json'));
		expect(json.code, json.stderr).toBe(0);
		const cliReport = JSON.parse(json.stdout) as { inputs: { name: string }[] };
		// the trust files come last on the command line; here they are among the files already
		expect(cliReport.inputs.map((i) => i.name)).toEqual(c.files.map(base));
		expect(withoutTime(cliReport)).toEqual(withoutTime(exported.json));

		const cliSarif = await runBuiltCli(cliArgs(c, 'sarif'));
		expect(cliSarif.code, cliSarif.stderr).toBe(0);
		expect(sarifWithoutTime(JSON.parse(cliSarif.stdout))).toEqual(sarifWithoutTime(sarif.json));
	});
}
