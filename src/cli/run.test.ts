// The command line in-process, on the committed fixtures: what it prints, what it says on standard
// error, its exit status, and that its JSON is the report the page's engine makes for the same
// files and passwords (the page's path: ids in1.., passwords by id, File.lastModified = mtime).
// tests/e2e/cli.spec.ts runs the built launcher; tests/e2e/cli-parity.spec.ts compares with the page.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../analyze';
import { reportJson } from '../core/report/export';
import type { Report } from '../core/report/report';
import { leakedSecrets, MIX_DIR, mixPasswords } from '../../tests/support/mix';
import { emptySettings } from '../core/facts';
import { nodeIo } from './node';
import { EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, progressPrinter, runCli } from './run';

const KEYSTORES = resolve(MIX_DIR, '../keystores');
const mix = (name: string) => resolve(MIX_DIR, name);
const PW = mixPasswords();

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

async function cli(...argv: string[]): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, {
		...nodeIo,
		stdout: (t) => (stdout += t),
		stderr: (t) => (stderr += t),
	});
	return { code, stdout, stderr };
}

function withoutTime(report: Report): Omit<Report, 'generatedAt'> {
	const { generatedAt: _ignored, ...rest } = report;
	return rest;
}

/** What the page's engine reports for these files, added in this order, with these passwords. */
async function pageEquivalent(paths: string[], passwords: Record<string, string>): Promise<Report> {
	const files = paths.map((path, i) => ({
		id: `in${i + 1}`,
		name: path.replace(/^.*\//, ''),
		bytes: new Uint8Array(readFileSync(path)),
		lastModified: Math.floor(statSync(path).mtimeMs),
	}));
	const byId = Object.fromEntries(
		files.filter((f) => passwords[f.name]).map((f) => [f.id, passwords[f.name]!]),
	);
	const result = await new Analyzer().run(
		{
			files,
			passwords: byId,
			entryPasswords: {},
			settings: emptySettings(),
		},
		() => undefined,
		new AbortController().signal,
	);
	return JSON.parse(reportJson(result.report, Object.values(passwords))) as Report;
}

const MIX = [
	'server-cert.pem',
	'client.p12',
	'partner.jks',
	'orders.wsdl',
	'envelope.xml',
	'nginx.conf',
].map(mix);
const UNLOCK = [
	'--password',
	`client.p12=${PW['client.p12']!}`,
	'--password',
	`${mix('partner.jks')}=${PW['partner.jks']!}`,
];

describe('wssec-analyzer (in-process)', () => {
	it('prints the JSON report the page makes for the same files and passwords', async () => {
		const run = await cli(...UNLOCK, ...MIX);
		expect(run.code, run.stderr).toBe(EXIT_OK);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.format).toBe('wssec-analyzer-report');
		expect(report.inputs.map((i) => [i.name, i.status])).toEqual([
			['server-cert.pem', 'parsed'],
			['client.p12', 'parsed'],
			['partner.jks', 'parsed'],
			['orders.wsdl', 'parsed'],
			['envelope.xml', 'parsed'],
			['nginx.conf', 'parsed'],
		]);
		const expected = await pageEquivalent(MIX, {
			'client.p12': PW['client.p12']!,
			'partner.jks': PW['partner.jks']!,
		});
		expect(withoutTime(report)).toEqual(withoutTime(expected));
		expect(run.stderr).toContain('Reading client.p12');
		expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
	});

	it('names inputs by base name, whatever path is given', async () => {
		const path = relative(process.cwd(), resolve(KEYSTORES, '../mix/./nginx.conf'));
		const run = await cli(path);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.inputs[0]?.name).toBe('nginx.conf');
		expect(run.stdout).not.toContain('fixtures');
	});

	it('reports a keystore locked for want of a password, and says which --password opens it', async () => {
		const run = await cli(mix('client.p12'), mix('server-cert.pem'));
		expect(run.code).toBe(EXIT_OK);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.inputs[0]).toMatchObject({ name: 'client.p12', status: 'locked' });
		expect(run.stderr).toContain(`--password ${mix('client.p12')}=PASSWORD`);
		// with a threshold, an input that was not analyzed cannot pass it
		const gated = await cli('--fail-under', 'F', mix('client.p12'), mix('server-cert.pem'));
		expect(gated.code).toBe(EXIT_THRESHOLD);
		expect(gated.stderr).toMatch(
			/not analyzed, so the threshold cannot be shown to hold: .*client\.p12/,
		);
	});

	it('says a wrong password is wrong, and never prints it', async () => {
		const run = await cli('--password', 'client.p12=not-the-password-42', mix('client.p12'));
		expect(JSON.parse(run.stdout)).toMatchObject({ inputs: [{ status: 'locked' }] });
		// the engine's reason, not a guess: here both encrypted parts refuse it, so it is wrong
		expect(run.stderr).toContain('the password given does not open it: Wrong password: ');
		expect(run.stdout + run.stderr).not.toContain('not-the-password-42');
	});

	it('carries the lock reason to the JSON, the text summary and standard error, never the password', async () => {
		const store = resolve(KEYSTORES, 'locked/keypass.jceks');
		const reason =
			/^Wrong password or damaged file: the password opens the key entry "own" but does not match the JCEKS SHA-1 integrity digest.*own key password \(keytool -keypass\): give the store password/;
		const json = await cli('--password', 'keypass.jceks=KeyPass22', store);
		const report = JSON.parse(json.stdout) as Report;
		expect(report.inputs[0]?.status).toBe('locked');
		expect(report.inputs[0]?.notes).toHaveLength(1);
		expect(report.inputs[0]?.notes?.[0]).toMatchObject({ level: 'error', line: null });
		expect(report.inputs[0]?.notes?.[0]?.message).toMatch(reason);
		expect(json.stderr).toContain('keypass.jceks is locked and was not analyzed');
		expect(json.stderr).toContain('opens the key entry "own" but does not match');
		const text = await cli('--format', 'text', '--password', 'keypass.jceks=KeyPass22', store);
		expect(text.stdout).toMatch(/locked +jceks +keypass\.jceks \(locked: see below/);
		expect(text.stdout).toContain('error: Wrong password or damaged file: the password opens');
		expect(text.stdout).not.toContain('give its password with --password)');
		for (const run of [json, text]) {
			expect(run.stdout + run.stderr).not.toContain('KeyPass22');
			expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
		}
	});

	it('--trust marks a file as trust anchors, as "Use as truststore" does on the page', async () => {
		const plain = await cli(...UNLOCK.slice(0, 2), mix('client.p12'));
		const plainReport = JSON.parse(plain.stdout) as Report;
		expect(plainReport.grade.overall).toBe('T');
		expect(plainReport.findings.map((f) => f.ruleId)).toContain('CERT-SELF-SIGNED');
		const trusted = await cli(
			...UNLOCK.slice(0, 2),
			'--trust',
			mix('server-cert.pem'),
			mix('client.p12'),
		);
		const report = JSON.parse(trusted.stdout) as Report;
		// the --trust file is analyzed too, after the others
		expect(report.inputs.map((i) => i.name)).toEqual(['client.p12', 'server-cert.pem']);
		expect(report.findings.map((f) => f.ruleId)).not.toContain('CERT-SELF-SIGNED');
		expect(report.grade.overall).not.toBe('T');
	});

	it.each([
		[['--fail-on', 'high'], EXIT_THRESHOLD, /finding.* at high or above/],
		[['--fail-on', 'critical'], EXIT_OK, null],
		[['--fail-under', 'B'], EXIT_THRESHOLD, /grade [MT] is below B/],
		[['--fail-under', 'F'], EXIT_OK, null],
	])('thresholds: %j → exit %i', async (options, code, message) => {
		const run = await cli(...UNLOCK, ...options, ...MIX);
		expect(run.code).toBe(code);
		if (message) expect(run.stderr).toMatch(message);
		else expect(run.stderr).not.toContain('threshold crossed');
	});

	it('passes --fail-under when the grade holds', async () => {
		const run = await cli('--fail-under', 'A', resolve(KEYSTORES, 'leaf.pem'));
		const report = JSON.parse(run.stdout) as Report;
		// No trust anchor was given: the chain was never validated, so no A+, and the reason says
		// what would lift the cap (it used to be A+ on trust nobody checked).
		expect(report.grade.overall).toBe('A');
		expect(report.grade.capReasons).toContainEqual(
			expect.stringMatching(/no trust anchor supplied/),
		);
		expect(run.code).toBe(EXIT_OK);
		expect((await cli('--fail-on', 'info', resolve(KEYSTORES, 'leaf.pem'))).code).toBe(EXIT_USAGE);
	});

	it('prints SARIF 2.1.0 that validates against the official schema', async () => {
		const run = await cli('--format', 'sarif', ...UNLOCK, ...MIX);
		const schema = JSON.parse(
			readFileSync(resolve(MIX_DIR, '../sarif/sarif-schema-2.1.0.json'), 'utf8'),
		) as object;
		const ajv = new Ajv04({ allErrors: true, strict: false });
		addFormats(ajv);
		const validate = ajv.compile(schema);
		const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };
		expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
		const json = JSON.parse((await cli(...UNLOCK, ...MIX)).stdout) as Report;
		expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(json.findings.map((f) => f.ruleId));
	});

	it('prints a readable summary with --format text', async () => {
		const run = await cli(
			'--format',
			'text',
			...UNLOCK,
			...MIX,
			mix('random.bin'),
			mix('two-passwords.jks'),
		);
		const json = JSON.parse(
			(await cli(...UNLOCK, ...MIX, mix('random.bin'), mix('two-passwords.jks'))).stdout,
		) as Report;
		expect(run.stdout).toContain(`Grade: ${json.grade.overall}`);
		// random.bin is of no known kind: read, not missing evidence (grade.notAnalyzed)
		expect(run.stdout).toContain('incomplete: 1 input not analyzed (two-passwords.jks)');
		for (const reason of json.grade.capReasons) expect(run.stdout).toContain(reason);
		expect(run.stdout).toMatch(/By area: TLS [A-FMT+-]+, certificates /);
		expect(run.stdout).toMatch(/locked +jks +two-passwords\.jks/);
		expect(run.stdout).toMatch(/parsed +pkcs12 +client\.p12/);
		// findings grouped by severity, most severe first, each rule listed under its severity
		const high = run.stdout.indexOf('\nHIGH (');
		const low = run.stdout.indexOf('\nLOW (');
		expect(high).toBeGreaterThan(0);
		expect(low).toBeGreaterThan(high);
		for (const f of json.findings) expect(run.stdout).toContain(`  ${f.ruleId}  `);
		expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
	});

	it('takes a connector declaration as a file like any other', async () => {
		const connector = resolve(MIX_DIR, '../tls/worked/ex3-pega-connect-soap-8u202.json');
		const run = await cli(connector, mix('nginx.conf'));
		const report = JSON.parse(run.stdout) as Report;
		expect(report.inputs.map((i) => [i.name, i.kind, i.status])).toEqual([
			['ex3-pega-connect-soap-8u202.json', 'tls-config', 'parsed'],
			['nginx.conf', 'tls-config', 'parsed'],
		]);
		expect(report.tlsSettings.map((t) => t.source)).toContain('connector');
		expect(report.findings.some((f) => f.inputName === 'ex3-pega-connect-soap-8u202.json')).toBe(
			true,
		);
	});

	it.each([
		[[], /no input file given/],
		[['--format', 'yaml', 'x.pem'], /--format takes json, sarif, text/],
		[['--password', 'other.p12=pw', mix('client.p12')], /other\.p12 is not one of the files/],
	])('usage error %j exits 2 with the usage', async (argv, message) => {
		const run = await cli(...argv);
		expect(run.code).toBe(EXIT_USAGE);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).toContain('Usage: wssec-analyzer');
		expect(run.stdout).toBe('');
	});

	it('exits 2 when no file could be read, and goes on without the ones it cannot read', async () => {
		const none = await cli('no-such-file.p12', MIX_DIR);
		expect(none.code).toBe(EXIT_USAGE);
		expect(none.stderr).toContain('cannot read no-such-file.p12: no such file');
		expect(none.stderr).toContain('it is a directory');
		expect(none.stdout).toBe('');
		const some = await cli('no-such-file.p12', mix('nginx.conf'));
		expect(some.code).toBe(EXIT_OK);
		expect((JSON.parse(some.stdout) as Report).inputs.map((i) => i.name)).toEqual(['nginx.conf']);
		expect((await cli('--fail-on', 'critical', 'no-such-file.p12', mix('nginx.conf'))).code).toBe(
			EXIT_THRESHOLD,
		);
	});

	it('--help and --version print to standard output and exit 0', async () => {
		const help = await cli('--help');
		expect(help.code).toBe(EXIT_OK);
		expect(help.stdout).toContain('--fail-under GRADE');
		const version = await cli('--version');
		expect(version.stdout).toMatch(/^wssec-analyzer \d+\.\d+\.\d+\n$/);
	});
});

describe('standard error', () => {
	it('scrubs the passwords given from every note, whatever a message quotes', async () => {
		let stderr = '';
		const code = await runCli(
			['--password', 'odd.p12=Quoted-Secret-7', 'odd.p12', mix('nginx.conf')],
			{
				...nodeIo,
				readFile: (path) =>
					path === 'odd.p12'
						? Promise.reject(new Error('the device said: Quoted-Secret-7 is not a file'))
						: nodeIo.readFile(path),
				stdout: () => undefined,
				stderr: (t) => (stderr += t),
			},
		);
		expect(code).toBe(EXIT_OK);
		expect(stderr).toContain('cannot read odd.p12: the device said: [redacted] is not a file');
		expect(stderr).not.toContain('Quoted-Secret-7');
	});
});

describe('progressPrinter', () => {
	it('prints each step once, and a long step again with its percentage every two seconds', () => {
		const lines: string[] = [];
		let now = 0;
		const progress = progressPrinter(
			(t) => lines.push(t),
			() => now,
		);
		progress('Reading big.xml', 0);
		now = 500;
		progress('Reading big.xml', 0.1);
		now = 2100;
		progress('Reading big.xml', 0.456);
		now = 2200;
		progress('Reading big.xml', 0.5);
		progress('Analyzing signatures');
		progress('Analyzing signatures');
		expect(lines).toEqual(['Reading big.xml', 'Reading big.xml (46 %)', 'Analyzing signatures']);
	});
});
