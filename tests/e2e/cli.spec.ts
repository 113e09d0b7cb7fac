// The built command line as a CI step runs it (issue #16): `node bin/wssec-analyzer.mjs` on real
// fixtures (a PKCS#12 with --password, a JKS, a WSDL, an envelope, an nginx.conf), its three
// formats and its exit statuses. No browser is needed; it runs after `npm run build`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test } from '@playwright/test';
import { REPO, runBuiltCli } from '../support/cli';
import { leakedSecrets, mixPasswords } from '../support/mix';

const pw = mixPasswords();
// relative paths, as a pipeline names its files
const FILES = ['client.p12', 'partner.jks', 'orders.wsdl', 'envelope.xml', 'nginx.conf'].map(
	(f) => `tests/fixtures/mix/${f}`,
);
const UNLOCK = [
	'--password',
	`client.p12=${pw['client.p12']!}`,
	'--password',
	`tests/fixtures/mix/partner.jks=${pw['partner.jks']!}`,
];

function schema(path: string): object {
	return JSON.parse(readFileSync(resolve(REPO, path), 'utf8')) as object;
}

test('--help and --version exit 0; a usage error exits 2', async () => {
	const help = await runBuiltCli(['--help']);
	expect(help.code).toBe(0);
	expect(help.stdout).toContain('--fail-under GRADE');
	const version = await runBuiltCli(['--version']);
	expect(version.stdout.trim()).toBe(
		`wssec-analyzer ${(schema('package.json') as { version: string }).version}`,
	);
	const usage = await runBuiltCli(['--format', 'xml', ...FILES]);
	expect(usage.code).toBe(2);
	expect(usage.stderr).toContain('--format takes json, sarif, text');
	const unreadable = await runBuiltCli(['tests/fixtures/mix/no-such.p12']);
	expect(unreadable.code).toBe(2);
	expect(unreadable.stderr).toContain('no file could be read');
});

test('JSON: the contract report, valid against its schema, names only, no secret', async () => {
	const run = await runBuiltCli([...UNLOCK, ...FILES]);
	expect(run.code, run.stderr).toBe(0);
	const report = JSON.parse(run.stdout) as {
		inputs: { name: string; status: string }[];
		keystores: { inputName: string; entries: unknown[] }[];
		signatures: unknown[];
		endpoints: unknown[];
		tlsSettings: { source: string }[];
	};
	const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
	const validate = ajv.compile(schema('src/core/report/report.schema.json'));
	expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
	expect(report.inputs.map((i) => [i.name, i.status])).toEqual([
		['client.p12', 'parsed'],
		['partner.jks', 'parsed'],
		['orders.wsdl', 'parsed'],
		['envelope.xml', 'parsed'],
		['nginx.conf', 'parsed'],
	]);
	expect(report.keystores.map((k) => k.inputName)).toEqual(['client.p12', 'partner.jks']);
	expect(report.endpoints.length).toBeGreaterThan(0);
	expect(report.tlsSettings.map((t) => t.source)).toEqual(['nginx']);
	expect(run.stdout).not.toContain('tests/fixtures');
	expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
	expect(run.stderr).toContain('Reading client.p12');
});

test('SARIF: valid 2.1.0, one result per finding; text: grade, caps, inputs, findings by severity', async () => {
	const [json, sarif, text] = await Promise.all(
		['json', 'sarif', 'text'].map((format) =>
			runBuiltCli([...UNLOCK, '--format', format, ...FILES]),
		),
	);
	const report = JSON.parse(json!.stdout) as {
		grade: { overall: string; capReasons: string[] };
		findings: { ruleId: string; severity: string }[];
	};
	const ajv = new Ajv04({ allErrors: true, strict: false });
	addFormats(ajv);
	const validate = ajv.compile(schema('tests/fixtures/sarif/sarif-schema-2.1.0.json'));
	const log = JSON.parse(sarif!.stdout) as {
		runs: { results: { ruleId: string; level: string }[]; artifacts: unknown[] }[];
	};
	expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
	expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
	expect(log.runs[0]!.artifacts).toHaveLength(FILES.length);

	expect(text!.code).toBe(0);
	expect(text!.stdout).toContain(`Grade: ${report.grade.overall}`);
	for (const reason of report.grade.capReasons) expect(text!.stdout).toContain(reason);
	expect(text!.stdout).toMatch(/parsed +pkcs12 +client\.p12/);
	const severities = [...text!.stdout.matchAll(/^(CRITICAL|HIGH|MEDIUM|LOW|INFO) \(\d+\)$/gm)].map(
		(m) => m[1],
	);
	expect(severities.length).toBeGreaterThan(1);
	expect(severities).toEqual(
		['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'].filter((s) => severities.includes(s)),
	);
	expect(leakedSecrets(sarif!.stdout + text!.stdout)).toEqual([]);
});

test('exit 1 when a threshold is crossed, 0 when it holds; a locked keystore is named on stderr', async () => {
	const below = await runBuiltCli([...UNLOCK, '--fail-under', 'B', ...FILES]);
	expect(below.code).toBe(1);
	expect(below.stderr).toMatch(/threshold crossed: grade \S+ is below B/);
	const high = await runBuiltCli([...UNLOCK, '--fail-on', 'high', ...FILES]);
	expect(high.code).toBe(1);
	const holds = await runBuiltCli([
		'--fail-under',
		'A',
		'--fail-on',
		'medium',
		'tests/fixtures/keystores/leaf.pem',
	]);
	expect(holds.code, holds.stderr).toBe(0);
	const locked = await runBuiltCli(['--fail-under', 'F', 'tests/fixtures/mix/client.p12']);
	expect(locked.code).toBe(1);
	expect(locked.stderr).toContain(
		'give its password with --password tests/fixtures/mix/client.p12=PASSWORD',
	);
	expect((JSON.parse(locked.stdout) as { inputs: { status: string }[] }).inputs[0]!.status).toBe(
		'locked',
	);
});
