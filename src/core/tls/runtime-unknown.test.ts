// Declared settings in every format, graded on the configured set when no runtime is
// stated (never a better grade on an assumption) and on the stated runtime's effective set
// otherwise. Each pair of rows is the same declaration without and with a runtime; the
// runtime-unknown findings must say what a runtime would change.
import { describe, expect, it } from 'vitest';
import { analyzeTexts } from '../../../tests/support/analyze-texts';
import { emptyConnectorForm } from './facts';

/** `runtimes`: the runtime choice of each TLS card, as the page keeps it in the connector form. */
function analyzeWith(texts: [string, string][], runtimes?: Record<string, string>) {
	return analyzeTexts(texts, {
		connector: runtimes ? { ...emptyConnectorForm(), runtimes } : null,
	});
}

const conn = (c: Record<string, unknown>) => JSON.stringify({ connector: c }, null, 2);
const RANK = ['F', 'E', 'D', 'C', 'B', 'A-', 'A', 'A+'];

interface Row {
	name: string;
	files: [string, string][];
	grade: string;
	present: string[];
	absent?: string[];
	/** tlsSettings[0].runtime: the stated runtime or null. */
	runtime: string | null;
	/** Text every TLS-* finding of this row must carry (the runtime caveat). */
	caveat?: RegExp;
	note?: RegExp;
}

const NGINX_OLD = `# nginx 1.24 with the Mozilla "old" protocols and legacy suites
http {
  server {
    listen 443 ssl;
    ssl_certificate /etc/ssl/site.pem;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA:EXP-RC4-MD5;
  }
}
`;

const TOMCAT_3DES = `<Server><Service name="Catalina">
  <Connector port="8443" SSLEnabled="true" protocols="TLSv1.2"
     ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"/>
</Service></Server>
`;

const rows: Row[] = [
	{
		name: 'Pega connector, lowest TLSv1, no runtime',
		files: [
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'TLSv1',
				}),
			],
		],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
		caveat: /runtime not supplied: JDK 8u291\+/,
	},
	{
		name: 'Pega connector, lowest TLSv1, Java 17',
		files: [
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'TLSv1',
					runtime: 'Java 17.0.9',
				}),
			],
		],
		grade: 'A',
		present: [],
		absent: ['TLS-MIN-VERSION'],
		runtime: 'Java 17.0.9',
		note: /declared lowest allowable version TLSv1 .* not effective: Java 17\.0\.9 does not negotiate TLSv1, TLSv1\.1/,
	},
	{
		name: 'Pega connector, lowest SSLv3, no runtime',
		files: [
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'SSLv3',
				}),
			],
		],
		grade: 'C',
		present: ['TLS-SSLV3-ENABLED'],
		runtime: null,
		caveat: /runtime not supplied/,
	},
	{
		name: 'Pega connector, lowest SSLv3, JDK 8u20 (SSLv3 still on)',
		files: [
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'SSLv3',
					runtime: 'Oracle Java 8u20',
				}),
			],
		],
		grade: 'C',
		present: ['TLS-SSLV3-ENABLED'],
		runtime: 'Oracle Java 8u20',
	},
	{
		name: 'Pega connector, lowest SSLv3, JDK 8u202 (SSLv3 disabled)',
		files: [
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'SSLv3',
					runtime: 'Oracle Java 8u202',
				}),
			],
		],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		absent: ['TLS-SSLV3-ENABLED'],
		runtime: 'Oracle Java 8u202',
		note: /does not negotiate SSLv3, so TLS-SSLV3-ENABLED does not apply/,
	},
	{
		name: 'nginx old protocols and weak suites, no OpenSSL named',
		files: [['nginx.conf', NGINX_OLD]],
		grade: 'F',
		present: ['TLS-MIN-VERSION', 'TLS-3DES-CIPHER', 'TLS-RC4-CIPHER', 'TLS-WEAK-CIPHER'],
		runtime: null,
		caveat: /runtime not supplied: OpenSSL/,
	},
	{
		name: 'nginx old protocols and weak suites on OpenSSL 3.0.13',
		files: [['nginx.conf', `# OpenSSL 3.0.13\n${NGINX_OLD}`]],
		grade: 'A+',
		present: [],
		absent: ['TLS-MIN-VERSION', 'TLS-3DES-CIPHER', 'TLS-RC4-CIPHER', 'TLS-WEAK-CIPHER'],
		runtime: 'OpenSSL 3.0.13',
		note: /declared RC4-SHA .* not negotiable: OpenSSL 3\.0\.13 does not build it/,
	},
	{
		name: 'nginx old protocols with `nginx -V` output dropped beside it (OpenSSL 3.0.2)',
		files: [
			['nginx.conf', NGINX_OLD],
			[
				'nginx-V.txt',
				'nginx version: nginx/1.18.0 (Ubuntu)\nbuilt with OpenSSL 3.0.2 15 Mar 2022\nTLS SNI support enabled\nconfigure arguments: --with-cc-opt=-g\n',
			],
		],
		grade: 'A+',
		present: [],
		absent: ['TLS-MIN-VERSION', 'TLS-3DES-CIPHER'],
		runtime: 'OpenSSL 3.0.2',
	},
	{
		name: 'Tomcat with 3DES and a JAVA_HOME path naming jdk-17.0.9',
		files: [['server.xml', `<!-- JAVA_HOME=/opt/jdk-17.0.9 -->\n${TOMCAT_3DES}`]],
		grade: 'A',
		present: [],
		absent: ['TLS-3DES-CIPHER'],
		runtime: 'Java 17.0.9',
	},
	{
		name: 'nginx without ssl_protocols and no nginx version: the 1.9.1–1.23.3 default is graded',
		files: [
			['nginx.conf', 'server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/site.pem;\n}\n'],
		],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
	},
	{
		name: 'nginx without ssl_protocols, nginx/1.27.3 and OpenSSL 3.0.13 stated',
		files: [
			[
				'nginx.conf',
				'# nginx/1.27.3 built with OpenSSL 3.0.13\nserver {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/site.pem;\n}\n',
			],
		],
		grade: 'A',
		present: [],
		absent: ['TLS-MIN-VERSION'],
		runtime: 'OpenSSL 3.0.13',
	},
	{
		name: 'nginx without ssl_protocols, `nginx -V` of nginx 1.27.3 with OpenSSL 3.0.13 beside it',
		files: [
			['nginx.conf', 'server {\n  listen 443 ssl;\n  ssl_certificate /etc/ssl/site.pem;\n}\n'],
			['nginx-V.txt', 'nginx version: nginx/1.27.3\nbuilt with OpenSSL 3.0.13 30 Jan 2024\n'],
		],
		grade: 'A',
		present: [],
		absent: ['TLS-MIN-VERSION'],
		runtime: 'OpenSSL 3.0.13',
	},
	{
		name: 'Apache SSLProtocol all -SSLv3, no OpenSSL named',
		files: [
			[
				'ssl.conf',
				'<VirtualHost *:443>\nSSLEngine on\nSSLProtocol all -SSLv3\nSSLCertificateFile /etc/x.pem\n</VirtualHost>\n',
			],
		],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
		caveat: /runtime not supplied: OpenSSL ≥ 3\.0 at security level ≥ 1 cannot negotiate TLS 1\.0/,
	},
	{
		name: 'HAProxy ssl-min-ver TLSv1.0, no OpenSSL named',
		files: [['haproxy.cfg', 'frontend f\n  bind :443 ssl crt /etc/x.pem ssl-min-ver TLSv1.0\n']],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
	},
	{
		name: 'HAProxy bind ssl with no minimum and no HAProxy version: the pre-2.2 minimum is graded',
		files: [['haproxy.cfg', 'frontend f\n  bind :443 ssl crt /etc/x.pem\n']],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
	},
	{
		name: 'HAProxy 2.8 bind ssl with no minimum (TLSv1.2 default), OpenSSL 3.0.13',
		files: [
			[
				'haproxy.cfg',
				'# HAProxy version 2.8.5, OpenSSL 3.0.13\nfrontend f\n  bind :443 ssl crt /etc/x.pem\n',
			],
		],
		grade: 'A',
		present: [],
		absent: ['TLS-MIN-VERSION'],
		runtime: 'OpenSSL 3.0.13',
	},
	{
		name: 'Tomcat ciphers with 3DES, no JDK named',
		files: [['server.xml', TOMCAT_3DES]],
		grade: 'C',
		present: ['TLS-3DES-CIPHER'],
		runtime: null,
		caveat: /runtime not supplied: JDK 8u171\+/,
	},
	{
		name: 'Tomcat ciphers with 3DES on Java 17.0.9 (java -version pasted next to it)',
		files: [
			['server.xml', TOMCAT_3DES],
			['jvm.txt', 'openjdk version "17.0.9" 2023-10-17\n-Djdk.tls.ephemeralDHKeySize=2048\n'],
		],
		grade: 'A',
		present: [],
		absent: ['TLS-3DES-CIPHER'],
		runtime: 'Java 17.0.9',
		note: /declared TLS_RSA_WITH_3DES_EDE_CBC_SHA .* not negotiable: Java 17\.0\.9 disables it/,
	},
	{
		name: 'Spring enabled-protocols TLSv1..1.2, no JDK named',
		files: [
			[
				'application.properties',
				'server.port=8443\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1,TLSv1.2\nserver.ssl.ciphers=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n',
			],
		],
		grade: 'B',
		present: ['TLS-MIN-VERSION'],
		runtime: null,
	},
	{
		name: 'Spring YAML key-store-password: changeit (store not dropped)',
		files: [
			[
				'application.yml',
				'server:\n  port: 8443\n  ssl:\n    enabled-protocols: TLSv1.2,TLSv1.3\n    ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256\n    key-store: classpath:keystore.p12\n    key-store-password: changeit\n',
			],
		],
		grade: 'B',
		present: ['KEYSTORE-DEFAULT-PASSWORD', 'KEYSTORE-PASSWORD-PLAINTEXT'],
		runtime: null,
	},
	{
		name: 'setenv.sh CATALINA_OPTS -Dhttps.protocols=TLSv1, no JDK named',
		files: [['setenv.sh', 'CATALINA_OPTS="-Dhttps.protocols=TLSv1"\n']],
		grade: 'C',
		present: ['TLS-MIN-VERSION', 'TLS-NO-TLS12'],
		runtime: null,
	},
	{
		name: 'setenv.sh -Dhttps.protocols=TLSv1 on Java 17.0.9: nothing left, the F is named',
		files: [
			[
				'setenv.sh',
				'# java -version: openjdk version "17.0.9"\nCATALINA_OPTS="-Dhttps.protocols=TLSv1"\n',
			],
		],
		grade: 'F',
		present: ['TLS-NO-TLS12'],
		runtime: 'Java 17.0.9',
	},
];

describe('declared settings: runtime unknown versus stated', () => {
	it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
		const r = await analyzeWith(row.files);
		for (const i of r.facts.inputs) expect(i.status, i.error).toBe('parsed');
		const ids = r.report.findings.map((f) => f.ruleId);
		for (const id of row.present) expect(ids).toContain(id);
		for (const id of row.absent ?? []) expect(ids).not.toContain(id);
		expect(r.report.grade.overall).toBe(row.grade);
		expect(r.report.tlsSettings[0]?.runtime ?? null).toBe(row.runtime);
		if (row.caveat)
			for (const f of r.report.findings.filter((x) => row.present.includes(x.ruleId)))
				expect(f.evidence).toMatch(row.caveat);
		if (row.note)
			expect(r.report.tlsSettings.flatMap((t) => t.notes ?? []).join('\n')).toMatch(row.note);
		// Every cap and F has a finding that set it.
		for (const reason of r.report.grade.capReasons.filter((c) => !c.startsWith('the TLS score')))
			expect(ids).toContain(reason.split(' ')[0]);
	});

	it('the runtime chosen on the card overrides the file and changes the grade; the table shows each runtime', async () => {
		const files: [string, string][] = [['server.xml', TOMCAT_3DES]];
		const unknown = await analyzeWith(files);
		expect(unknown.report.grade.overall).toBe('C');
		const table = unknown.facts.tls[0]?.runtimeTable ?? [];
		expect(table[0]).toMatchObject({
			runtime: 'not stated (configured set)',
			grade: 'C',
			current: true,
		});
		const row = (r: string) => table.find((t) => t.runtime === r);
		// JDK 8u202 already disables 3DES (8u171+); 17 too; the configured set keeps it.
		expect(row('Java 8u202')?.dropped).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
		expect(row('Java 17.0.9')?.grade).toBe('A');
		const chosen = await analyzeWith(files, { 'server.xml': 'Java 17.0.9' });
		expect(chosen.report.grade.overall).toBe('A');
		expect(chosen.report.tlsSettings[0]?.runtime).toBe('Java 17.0.9');
		const nginx = await analyzeWith([['nginx.conf', NGINX_OLD]], {
			'nginx.conf': 'OpenSSL 1.0.2u',
		});
		expect(nginx.report.grade.overall).toBe('F');
		expect(nginx.facts.tls[0]?.runtimeTable?.map((r) => [r.runtime, r.grade])).toEqual([
			['OpenSSL 1.0.2u', 'F'],
			['OpenSSL 1.1.1w', 'C'],
			['OpenSSL 3.0.13', 'A+'],
		]);
	});

	it('an unrecognised runtime string is kept as written with a note, and graded as not stated', async () => {
		const r = await analyzeWith([
			[
				'c.json',
				conn({
					name: 'x',
					endpoint: 'https://a.example.com/x',
					lowestAllowableTlsVersion: 'TLSv1',
					runtime: 'WebSphere Liberty',
				}),
			],
		]);
		expect(r.report.tlsSettings[0]?.runtime).toBe('WebSphere Liberty');
		expect(r.report.tlsSettings[0]?.notes?.join('\n')).toMatch(
			/runtime "WebSphere Liberty" is not recognised \(kept as written\)/,
		);
		expect(r.report.grade.overall).toBe('B');
	});

	it('never grades better without a runtime than with any stated one', async () => {
		for (const [base, stated] of [
			[rows[0], rows[1]],
			[rows[2], rows[4]],
			[rows[5], rows[6]],
			[rows[9], rows[10]],
		] as const) {
			const a = await analyzeWith(base!.files);
			const b = await analyzeWith(stated!.files);
			expect(RANK.indexOf(a.report.grade.overall)).toBeLessThanOrEqual(
				RANK.indexOf(b.report.grade.overall),
			);
		}
	});
});
