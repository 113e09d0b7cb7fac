// SARIF 2.1.0 output against the official OASIS schema (tests/fixtures/sarif, draft-04, checked
// by ajv-draft-04 with ajv-formats), over reports the real analyzer makes from committed fixtures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, type AnalysisResult } from '../../analyze';
import { RULES } from '../../rules';
import { leakedSecrets, MIX_FILES, mixPasswords, readFixture } from '../../../tests/support/mix';
import { reportSarif } from './export';
import type { Finding } from './report';
import { artifactUri, findingLine, sarifLevel, toSarif, type SarifLog } from './sarif';

const schema = JSON.parse(
	readFileSync(
		resolve(import.meta.dirname, '../../../tests/fixtures/sarif/sarif-schema-2.1.0.json'),
		'utf8',
	),
) as object;
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function errors(): string {
	return ajv.errorsText(validate.errors, { separator: '\n' });
}

async function analyzeMix(): Promise<{ result: AnalysisResult; passwords: string[] }> {
	const pw = mixPasswords();
	// two-passwords.jks stays locked: no password is given for it.
	const files = [...MIX_FILES, 'client-key.pem', 'two-passwords.jks'].map((name, i) => ({
		id: `in${i + 1}`,
		...readFixture(name),
	}));
	const passwords: Record<string, string> = {};
	for (const f of files) {
		const p = pw[f.name];
		if (p && f.name !== 'two-passwords.jks') passwords[f.id] = p;
	}
	const result = await new Analyzer().run(
		{
			files,
			passwords,
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	return { result, passwords: Object.values(passwords) };
}

describe('SARIF 2.1.0', () => {
	let mix: { result: AnalysisResult; passwords: string[] };
	let log: SarifLog;
	let text: string;
	beforeAll(async () => {
		mix = await analyzeMix();
		text = reportSarif(mix.result.report, mix.result.rules ?? [], mix.passwords);
		log = JSON.parse(text) as SarifLog;
	});

	it('validates against the official schema', () => {
		expect(validate(log), errors()).toBe(true);
		expect(log.version).toBe('2.1.0');
	});

	it('has one result per finding, in the report order, each pointing at its rule', () => {
		const findings = mix.result.report.findings;
		const [run] = log.runs;
		expect(findings.length).toBeGreaterThan(5);
		expect(run.results.map((r) => r.ruleId)).toEqual(findings.map((f) => f.ruleId));
		for (const [i, r] of run.results.entries()) {
			expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
			expect(r.level).toBe(sarifLevel(findings[i]!.severity));
		}
		expect(new Set(run.tool.driver.rules.map((r) => r.id)).size).toBe(
			new Set(findings.map((f) => f.ruleId)).size,
		);
	});

	it('describes each rule from the catalog: title, remediation as help, a reference as helpUri', () => {
		const [run] = log.runs;
		for (const rule of run.tool.driver.rules) {
			const meta = RULES.find((r) => r.meta.id === rule.id)?.meta;
			expect(meta, rule.id).toBeDefined();
			expect(rule.shortDescription.text).toBe(meta!.title);
			expect(rule.help.text.startsWith(meta!.remediation)).toBe(true);
			const uri = meta!.references.find((r) => r.startsWith('https://'));
			if (uri) expect(rule.helpUri).toBe(uri);
			expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(0);
		}
	});

	it('locates each result in its input file, with the line where the finding states one', () => {
		const [run] = log.runs;
		const names = run.artifacts.map((a) => decodeURIComponent(a.location.uri));
		expect(names).toEqual(mix.result.report.inputs.map((i) => i.name));
		const nginx = run.results.filter(
			(r) => r.locations[0]?.physicalLocation?.artifactLocation.uri === 'nginx.conf',
		);
		expect(nginx.length).toBeGreaterThan(0);
		// the mix's nginx.conf says "listen 443 ssl" on line 2, where the rules place the server
		const cbc = nginx.find((r) => r.ruleId === 'TLS-CBC-CIPHERS');
		expect(cbc?.locations[0]?.physicalLocation?.region?.startLine).toBe(2);
		const cert = run.results.find((r) => r.ruleId === 'CERT-SELF-SIGNED');
		expect(cert?.locations[0]?.physicalLocation?.region).toBeUndefined();
		for (const r of run.results) {
			const loc = r.locations[0]?.physicalLocation?.artifactLocation;
			if (loc?.index !== undefined) expect(run.artifacts[loc.index]?.location.uri).toBe(loc.uri);
		}
	});

	it('lists the locked keystore as a notification, not as analyzed', () => {
		const [run] = log.runs;
		const notes = run.invocations[0]!.toolExecutionNotifications;
		expect(notes.map((n) => n.message.text).join('\n')).toContain('two-passwords.jks is locked');
		expect(notes.some((n) => n.message.text.includes('random.bin'))).toBe(true);
	});

	it('carries no password and no key material', () => {
		expect(leakedSecrets(text)).toEqual([]);
	});

	it('validates for an empty report and for odd input names', async () => {
		const empty = await new Analyzer().run(
			{
				files: [],
				passwords: {},
				entryPasswords: {},
				settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => undefined,
			new AbortController().signal,
		);
		expect(validate(toSarif(empty.report, [])), errors()).toBe(true);
		const renamed = {
			...mix.result.report,
			inputs: mix.result.report.inputs.map((i) => ({ ...i, name: `C:${i.name} #1 %.pem` })),
			findings: mix.result.report.findings.map((f) => ({
				...f,
				inputName: f.inputName === null ? null : `C:${f.inputName} #1 %.pem`,
			})),
		};
		// without the catalog, rules are described by their findings
		const odd = toSarif(renamed, []);
		expect(validate(odd), errors()).toBe(true);
		expect(odd.runs[0].artifacts[0]?.location.uri).toBe('C%3Aserver-cert.pem%20%231%20%25.pem');
	});

	it('is rejected by the schema when broken (the validator is really checking)', () => {
		const broken = JSON.parse(text) as { runs: { results: { level: string }[] }[] };
		broken.runs[0]!.results[0]!.level = 'fatal';
		expect(validate(broken)).toBe(false);
		const noUri = JSON.parse(text) as { runs: { artifacts: { location: { uri: string } }[] }[] };
		noUri.runs[0]!.artifacts[0]!.location.uri = 'not a uri';
		expect(validate(noUri)).toBe(false);
	});
});

describe('findingLine', () => {
	const base: Finding = {
		ruleId: 'X',
		severity: 'low',
		title: 't',
		inputName: 'nginx.conf',
		subject: 's',
		evidence: 'e',
		remediation: 'r',
		references: [],
	};
	it.each([
		['server a listen 443 (line 2)', 'x', 2],
		['ssl.key-store-password (line 14) for store.p12', 'x', 14],
		['server a', 'enabled: TLSv1.2 (TLSv1.2 from nginx.conf line 6: ssl_protocols …)', 6],
		// a line of another file is not this input's line
		['server a', 'from other-nginx.conf line 6', null],
		['alias client', 'RSA 2048 bits', null],
		['line 0', 'x', null],
	])('subject %j, evidence %j → %j', (subject, evidence, line) => {
		expect(findingLine({ ...base, subject, evidence })).toBe(line);
	});

	it('escapes input names', () => {
		expect(artifactUri('a b/c?.xml')).toBe('a%20b%2Fc%3F.xml');
	});
});
