// Real-world TLS inputs through the whole engine: Mozilla generator outputs, Debian defaults,
// known-bad legacy configs and scanner results. Each row states the TLS findings it must give.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, runRules } from '../../analyze';
import { analyzeTexts } from '../../../tests/support/analyze-texts';
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
 * Mozilla SSL Configuration Generator outputs, graded three ways: with the OpenSSL
 * 3.4.0 the generator wrote into its header comment, with that comment saying OpenSSL 1.1.1w,
 * and with no library named at all. Modern and intermediate stay A+ on every runtime. "Old"
 * names DES-CBC3-SHA: OpenSSL 3 (measured on Debian's 3.0) does not build it, so only the stated
 * OpenSSL 3 drops it (an info note says so); OpenSSL 1.1.1 has it, and with nothing stated the
 * configured set is graded, so TLS-3DES-CIPHER caps both at C. Tomcat (JSSE) states no runtime:
 * its "old" keeps TLS 1.0 and 3DES as configured, and 5.7's DHE suites meet the 1024-bit DH of
 * JDKs before 8u381 (TLS-WEAK-KEY-EXCHANGE, with the caveat).
 */
type Runtime = '3.4.0' | '1.1.1w' | 'none';
const OLD_OPENSSL: Record<Runtime, [string[], string]> = {
	'3.4.0': [['RUNTIME-OPENSSL-SECLEVEL-LOW', 'TLS-MIN-VERSION', ...CBC_RSA], 'B'],
	'1.1.1w': [
		['RUNTIME-OPENSSL-SECLEVEL-LOW', 'TLS-3DES-CIPHER', 'TLS-MIN-VERSION', ...CBC_RSA],
		'C',
	],
	none: [['RUNTIME-OPENSSL-SECLEVEL-LOW', 'TLS-3DES-CIPHER', 'TLS-MIN-VERSION', ...CBC_RSA], 'C'],
};
const MOZILLA: [string, Runtime, string[], string][] = (
	['nginx', 'apache', 'haproxy', 'tomcat'] as const
).flatMap((server) =>
	(['6.0', '5.7'] as const).flatMap((guideline) =>
		(['intermediate', 'modern', 'old'] as const).flatMap((profile) => {
			const ext = server === 'tomcat' ? 'xml' : server === 'haproxy' ? 'cfg' : 'conf';
			const path = `mozilla/${server}-${guideline}-${profile}.${ext}`;
			if (server === 'tomcat') {
				const dh = guideline === '5.7' ? ['TLS-WEAK-KEY-EXCHANGE'] : [];
				if (profile === 'old')
					return [
						[path, 'none', ['TLS-3DES-CIPHER', 'TLS-MIN-VERSION', ...dh, ...CBC_RSA], 'C'] as [
							string,
							Runtime,
							string[],
							string,
						],
					];
				return [
					[
						path,
						'none',
						profile === 'intermediate' ? dh : [],
						dh.length && profile === 'intermediate' ? 'B' : 'A+',
					] as [string, Runtime, string[], string],
				];
			}
			return (['3.4.0', '1.1.1w', 'none'] as const).map(
				(rt): [string, Runtime, string[], string] =>
					profile === 'old' ? [path, rt, ...OLD_OPENSSL[rt]] : [path, rt, [], 'A+'],
			);
		}),
	),
);

/** The generator's header names OpenSSL 3.4.0; restate it, or remove it. */
function withRuntime(text: string, rt: Runtime): string {
	if (rt === '3.4.0') return text;
	return text.replace(/OpenSSL 3\.4\.0/g, rt === 'none' ? '' : `OpenSSL ${rt}`);
}

const table: [string, string[], string | null][] = [
	// Debian 12 defaults. No file names its library: Apache's `all -SSLv3` and openssl.cnf's
	// protocol default keep TLS 1.0/1.1 as configured (Debian's OpenSSL 3 would drop them).
	['distro/debian12-apache-2.4-mod-ssl.conf', ['TLS-MIN-VERSION', ...CBC_RSA], 'B'],
	['distro/debian12-apache-2.4-default-ssl.conf', ['TLS-MIN-VERSION', ...CBC_RSA], 'B'],
	['distro/debian12-openssl.cnf', ['TLS-MIN-VERSION', ...CBC_RSA], 'B'],
	// Its jdk.tls.disabledAlgorithms removes TLS 1.0/1.1; TLS 1.3 needs the JDK version.
	['distro/debian12-java-17.security', ['TLS-NO-TLS13', ...CBC_RSA], 'A'],
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
	// No JDK named: sslEnabledProtocols and the declared 3DES suite are graded as written.
	[
		'legacy/tomcat-7-server.xml',
		['TLS-3DES-CIPHER', 'TLS-MIN-VERSION', 'TLS-NO-AEAD', 'TLS-NO-TLS13', ...CBC_RSA],
		'C',
	],
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
	['legacy/spring-legacy.properties', ['TLS-MIN-VERSION', 'TLS-NO-TLS13', ...CBC_RSA], 'B'],
	[
		'legacy/spring-application.yml',
		[
			'MAIL-SERVER-IDENTITY-NOT-CHECKED',
			'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
			'TLS-MIN-VERSION',
			'TLS-NO-TLS13',
			'TLS-WEAK-KEY-EXCHANGE',
			...CBC_RSA,
		],
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
	[
		'legacy/mail-trust-all.properties',
		['TLS-CERT-VALIDATION-DISABLED', 'TLS-MIN-VERSION', 'TLS-NO-TLS13', ...CBC_RSA],
		'F',
	],
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
	// Real sslyze 5.0.6 (anonymised by its publisher): TLS 1.2 ECDHE-GCM and TLS 1.3 only. The
	// excerpt kept no SSLv2–TLS 1.1 command, so whether those are offered is unknown: A, not A+.
	['scans/sslyze-5.0.6-excerpt.json', [], 'A'],
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

describe('Mozilla generator outputs with OpenSSL 3.4.0, 1.1.1w and nothing stated', () => {
	it.each(MOZILLA)('%s (OpenSSL %s)', async (path, rt, expected, grade) => {
		const name = path.split('/').pop() ?? path;
		const text = withRuntime(readFileSync(resolve(ROOT, path), 'utf8'), rt);
		const r = await analyzeTexts([[name, text]]);
		expect(r.facts.inputs[0]?.status).toBe('parsed');
		expect(ruleIds(r)).toEqual([...expected].sort());
		expect(r.report.grade.overall).toBe(grade);
		const row = r.report.tlsSettings[0];
		if (path.includes('tomcat') || rt === 'none') expect(row?.runtime).toBeNull();
		else expect(row?.runtime).toBe(`OpenSSL ${rt}`);
		// Every finding graded without a runtime says what a runtime could change.
		if (rt === 'none' && profile(path) === 'old') {
			const min = r.report.findings.find((f) => f.ruleId === 'TLS-MIN-VERSION');
			expect(min?.evidence).toMatch(
				path.includes('tomcat')
					? /runtime not supplied: JDK 8u291\+/
					: /runtime not supplied: OpenSSL ≥ 3\.0/,
			);
		}
		if (rt === '3.4.0' && profile(path) === 'old')
			expect(row?.notes?.join('\n')).toMatch(
				/declared DES-CBC3-SHA .* not negotiable: OpenSSL 3\.4\.0 does not build it/,
			);
	});
});

const profile = (path: string) => /-(old|modern|intermediate)\./.exec(path)?.[1];

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
