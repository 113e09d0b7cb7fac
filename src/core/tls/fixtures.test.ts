// Real-world TLS inputs through the whole engine: Mozilla generator outputs, Debian defaults,
// known-bad legacy configs and scanner results. Each row states the TLS findings it must give.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, runRules } from '../../analyze';
import { emptyFacts } from '../facts';
import { buildReport } from '../report/build-report';
import { parseTlsText } from './formats';
import { loadYaml } from './formats/yaml';
import { runTlsStage } from './stage';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls');

export async function analyzeFixtures(paths: string[]) {
	const files = paths.map((p, i) => ({
		id: `f${i}`,
		name: p.split('/').pop() ?? p,
		bytes: new Uint8Array(readFileSync(resolve(ROOT, p))),
	}));
	return new Analyzer().run(
		{
			files,
			passwords: {},
			entryPasswords: {},
			settings: {
				now: '2026-11-22T12:00:00Z',
				connector: null,
				trustAnchors: [],
				truststoreInputs: [],
				rawKeys: [],
			},
		},
		() => {},
		new AbortController().signal,
	);
}

/** Runs one scanner file through the TLS reader and stage directly, bypassing src/core/detect.ts. */
async function analyzeDirect(path: string) {
	const text = readFileSync(resolve(ROOT, path), 'utf8');
	const name = path.split('/').pop() ?? path;
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	facts.inputs.push({
		id: 'f0',
		name,
		size: text.length,
		sha256: '00',
		kind: path.endsWith('.json') ? 'scan-result' : 'tls-config',
		kindReason: path.endsWith('.json') ? 'testssl.sh JSON' : 'Tomcat Connector fragment',
		status: 'parsed',
	});
	const { connectors } = runTlsStage(
		facts,
		[{ inputName: name, inputIndex: 0, parse: parseTlsText(text, name), text }],
		null,
	);
	facts.tls.push(...connectors);
	return Promise.resolve({ facts, report: buildReport(facts, runRules(facts), facts.now) });
}

const TLS_AREAS = /^(TLS|RUNTIME|MAIL|CERT-HOSTNAME)-/;
const ruleIds = (r: Awaited<ReturnType<typeof analyzeFixtures>>) =>
	[...new Set(r.report.findings.map((f) => f.ruleId).filter((id) => TLS_AREAS.test(id)))].sort();

const CBC_RSA = ['TLS-CBC-CIPHERS', 'TLS-STATIC-RSA-KEX'];

/**
 * Mozilla SSL Configuration Generator outputs: nothing to flag but the legacy "old" profile. Its
 * DES-CBC3-SHA is named but expands to nothing (the OpenSSL 3 suite table, measured on Debian's
 * 3.0, has no 3DES suite); Tomcat's JSSE "old" keeps TLS 1.2 only, so it flags only the suites.
 */
const MOZILLA: [string, string[], string][] = (
	['nginx', 'apache', 'haproxy', 'tomcat'] as const
).flatMap((server) =>
	(['6.0', '5.7'] as const).flatMap((guideline) =>
		(['intermediate', 'modern', 'old'] as const).map((profile): [string, string[], string] => {
			const ext = server === 'tomcat' ? 'xml' : server === 'haproxy' ? 'cfg' : 'conf';
			const path = `mozilla/${server}-${guideline}-${profile}.${ext}`;
			if (profile !== 'old') return [path, [], 'A+'];
			if (server === 'tomcat') return [path, [...CBC_RSA], 'A'];
			return [path, ['RUNTIME-OPENSSL-SECLEVEL-LOW', 'TLS-MIN-VERSION', ...CBC_RSA], 'B'];
		}),
	),
);

const table: [string, string[], string | null][] = [
	...MOZILLA,
	// Debian 12 defaults.
	['distro/debian12-apache-2.4-mod-ssl.conf', [...CBC_RSA], 'A'],
	['distro/debian12-apache-2.4-default-ssl.conf', [...CBC_RSA], 'A'],
	['distro/debian12-openssl.cnf', [...CBC_RSA], 'A'],
	['distro/debian12-java-17.security', [...CBC_RSA], 'A'],
	// Known-bad legacy configurations.
	[
		'legacy/nginx-1.4-sslv3-rc4.conf',
		[
			'TLS-3DES-CIPHER',
			'TLS-CBC-CIPHERS',
			'TLS-CERT-VALIDATION-DISABLED',
			'TLS-NO-AEAD',
			'TLS-NO-TLS12',
			'TLS-NO-TLS13',
			'TLS-RC4-CIPHER',
			'TLS-SSLV3-ENABLED',
			'TLS-STATIC-RSA-KEX',
		],
		'F',
	],
	[
		'legacy/apache-2.2-default-ssl.conf',
		[
			'TLS-3DES-CIPHER',
			'TLS-CBC-CIPHERS',
			'TLS-CERT-VALIDATION-DISABLED',
			'TLS-KNOWN-VULNERABILITY',
			'TLS-NO-TLS13',
			'TLS-RC4-CIPHER',
			'TLS-SSLV3-ENABLED',
			'TLS-STATIC-RSA-KEX',
			'TLS-WEAK-CIPHER',
			// httpd 2.2 (< 2.4.7) uses built-in 1024-bit DH parameters (RULES.md 4.7).
			'TLS-WEAK-KEY-EXCHANGE',
		],
		'F',
	],
	['legacy/tomcat-7-server.xml', ['TLS-NO-AEAD', 'TLS-NO-TLS13', ...CBC_RSA], 'B'],
	[
		'legacy/java-11-weakened.security',
		['RUNTIME-JDK-DISABLEDALGS-WEAKENED', 'TLS-MIN-VERSION', ...CBC_RSA],
		'B',
	],
	[
		'legacy/jvm-options-java7.sh',
		[
			'RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT',
			'TLS-CBC-CIPHERS',
			'TLS-CERT-VALIDATION-DISABLED',
			'TLS-MIN-VERSION',
			'TLS-NO-AEAD',
			'TLS-NO-TLS12',
			'TLS-NO-TLS13',
			'TLS-RC4-CIPHER',
			'TLS-STATIC-RSA-KEX',
		],
		'F',
	],
	['legacy/spring-legacy.properties', ['TLS-NO-TLS13', ...CBC_RSA], 'A'],
	[
		'legacy/spring-application.yml',
		['MAIL-SERVER-IDENTITY-NOT-CHECKED', 'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT', ...CBC_RSA],
		'C',
	],
	[
		'legacy/haproxy-1.8-legacy.cfg',
		[
			'TLS-CBC-CIPHERS',
			'TLS-CERT-VALIDATION-DISABLED',
			'TLS-MIN-VERSION',
			'TLS-STATIC-RSA-KEX',
			'TLS-WEAK-KEY-EXCHANGE',
		],
		'F',
	],
	[
		'legacy/openssl-seclevel0.cnf',
		['RUNTIME-OPENSSL-SECLEVEL-LOW', 'TLS-MIN-VERSION', ...CBC_RSA],
		'B',
	],
	[
		'legacy/node-client-insecure.js',
		['TLS-3DES-CIPHER', 'TLS-CERT-VALIDATION-DISABLED', 'TLS-MIN-VERSION', ...CBC_RSA],
		'F',
	],
	[
		'legacy/dotnet-Program.cs',
		[
			'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
			'TLS-CBC-CIPHERS',
			'TLS-CERT-VALIDATION-DISABLED',
			'TLS-NO-AEAD',
			'TLS-NO-TLS12',
			'TLS-NO-TLS13',
			'TLS-SSLV3-ENABLED',
			'TLS-STATIC-RSA-KEX',
		],
		'F',
	],
	[
		'legacy/dotnet-app.config',
		[
			'RUNTIME-DOTNET-PROTOCOL-OVERRIDE',
			'TLS-CBC-CIPHERS',
			'TLS-NO-AEAD',
			'TLS-NO-TLS12',
			'TLS-NO-TLS13',
			'TLS-SSLV3-ENABLED',
			'TLS-STATIC-RSA-KEX',
		],
		'C',
	],
	['legacy/mail-plaintext.properties', ['MAIL-PLAINTEXT'], 'F'],
	['legacy/mail-trust-all.properties', ['TLS-CERT-VALIDATION-DISABLED', ...CBC_RSA], 'F'],
	[
		'legacy/connector-sslv3-http.json',
		[
			'RUNTIME-JAVA7-CLIENT-TLS10-DEFAULT',
			'TLS-CBC-CIPHERS',
			'TLS-NO-AEAD',
			'TLS-NO-TLS12',
			'TLS-NO-TLS13',
			'TLS-RC4-CIPHER',
			'TLS-SSLV3-ENABLED',
			'TLS-STATIC-RSA-KEX',
		],
		'C',
	],
	['formats/mail-implicit-ok.properties', [...CBC_RSA], 'A'],
	// Scanner output: testssl.sh 3.0.8 against openssl s_server (scripts/fixtures/tls/gen-scans.sh).
	[
		'scans/testssl-legacy-flat.json',
		['TLS-KNOWN-VULNERABILITY', 'TLS-MIN-VERSION', 'TLS-NO-TLS13', ...CBC_RSA],
		'B',
	],
	['scans/testssl-legacy-pretty.json', ['TLS-MIN-VERSION', 'TLS-NO-TLS13'], 'B'],
	// Scanner output. Real sslyze 6.1.0 (www.facebook.com, early 2025): TLS 1.0–1.3 with 3DES,
	// static RSA and CBC suites; fallback SCSV supported.
	[
		'scans/sslyze-6.1.0-facebook-excerpt.json',
		['TLS-3DES-CIPHER', 'TLS-CBC-CIPHERS', 'TLS-MIN-VERSION', 'TLS-STATIC-RSA-KEX'],
		'C',
	],
	// Real sslyze 5.0.6 (anonymised by its publisher): TLS 1.2 ECDHE-GCM and TLS 1.3 only.
	['scans/sslyze-5.0.6-excerpt.json', [], 'A+'],
	// Real testssl.sh 3.0.8 with -s -h: categories and headers, no suite list.
	[
		'scans/testssl-legacy-std-headers.json',
		['TLS-CBC-CIPHERS', 'TLS-MIN-VERSION', 'TLS-NO-TLS13'],
		'B',
	],
	// Hand-written (sslyze was not installable): 1024-bit DHE, ROBOT weak oracle, no SCSV.
	[
		'scans/sslyze-5.2-legacy.json',
		[
			'TLS-3DES-CIPHER',
			'TLS-CBC-CIPHERS',
			'TLS-KNOWN-VULNERABILITY',
			'TLS-MIN-VERSION',
			'TLS-NO-FALLBACK-SCSV',
			'TLS-NO-TLS13',
			'TLS-STATIC-RSA-KEX',
			'TLS-WEAK-KEY-EXCHANGE',
		],
		'F',
	],
];

// parseTlsText is synchronous: the YAML library (loaded on demand by the TLS parser) first.
beforeAll(() => loadYaml());

describe('TLS fixtures through the engine', () => {
	it.each(table)('%s', async (path, expected, grade) => {
		const direct = path.includes('testssl');
		const r = direct ? await analyzeDirect(path) : await analyzeFixtures([path]);
		const input = r.facts.inputs[0];
		expect(input?.status, input?.error).toBe('parsed');
		expect(input?.kind).toMatch(/tls-config|scan-result/);
		expect(ruleIds(r)).toEqual([...expected].sort());
		if (grade) expect(r.report.grade.overall).toBe(grade);
	});

	it('reads testssl flat output as observed facts', async () => {
		const r = await analyzeDirect('scans/testssl-legacy-flat.json');
		const c = r.facts.tls[0]!;
		expect(c.graded).toBe('observed');
		expect(c.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
		expect([...c.cipherSuites].sort()).toEqual([
			'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
			'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
			'TLS_RSA_WITH_AES_128_CBC_SHA',
			'TLS_RSA_WITH_AES_256_GCM_SHA384',
		]);
		expect(c.certificate?.keySize).toBe(2048);
		expect(c.fallbackScsv).toBe(true);
		expect(c.scores).toEqual({ protocol: 95, keyExchange: 90, cipher: 90 });
	});

	it('does not score a scan that listed no suites', async () => {
		const r = await analyzeDirect('scans/testssl-legacy-pretty.json');
		expect(r.facts.tls[0]?.scores).toBeNull();
		expect(r.facts.tls[0]?.notes.join(' ')).toMatch(/did not list cipher suites/);
	});

	it('merges a scan with the declaration of the same port and reports the difference', async () => {
		const r = await analyzeFixtures([
			'mozilla/nginx-6.0-intermediate.conf',
			'scans/sslyze-5.2-legacy.json',
		]);
		// sslyze scanned legacy.example.com:443; nginx declares port 443 without a server_name.
		const c = r.facts.tls.find((t) => t.observed);
		expect(c?.declared).not.toBeNull();
		expect(c?.graded).toBe('observed');
		expect(r.report.findings.map((f) => f.ruleId)).toContain('TLS-DECLARED-OBSERVED-MISMATCH');
	});
});
