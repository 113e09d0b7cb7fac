// Audited inputs that were once graded better than their evidence (a directive spelled in a case
// the server accepts, options inside comments, a config its server refuses to load, a scan that
// skipped the old protocols): each row says the grade and findings the whole engine must give.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { analyzeTexts } from '../../../tests/support/analyze-texts';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls/audit');

async function analyzeWithCards(texts: [string, string][]) {
	const r = await analyzeTexts(texts);
	const ids = r.report.findings.map((f) => f.ruleId);
	/** The notes each input's card shows, by input name. */
	const card = (name: string) => {
		const input = r.facts.inputs.find((i) => i.name === name);
		const detail = input?.detail?.area === 'tls' ? input.detail.data : null;
		return (detail?.parse.notes ?? []).map((n) => `${n.level}: ${n.message}`).join('\n');
	};
	return { ...r, ids, card };
}

const fixture = (name: string): [string, string] => [
	name,
	readFileSync(resolve(ROOT, name), 'utf8'),
];

describe('openssl.cnf', () => {
	it('matches directive names case-insensitively, as SSL_CONF_cmd does', async () => {
		const r = await analyzeWithCards([fixture('openssl-08-lowercase-weak.cnf')]);
		expect(r.ids).toContain('TLS-MIN-VERSION');
		expect(r.ids).toContain('RUNTIME-OPENSSL-SECLEVEL-LOW');
		expect(r.report.grade.overall).toBe('B');
		expect(r.card('openssl-08-lowercase-weak.cnf')).not.toMatch(/unknown directive/);
	});

	it('refuses a protocol value in the wrong case (strcmp) and grades the library default', async () => {
		const r = await analyzeWithCards([fixture('openssl-05-lowercase.cnf')]);
		expect(r.card('openssl-05-lowercase.cnf')).toMatch(
			/^error: minprotocol = tlsv1\.2: OpenSSL refuses the value .*expects TLSv1\.2/m,
		);
		// the config is not graded as if its minimum were in force: OpenSSL 3.0's own default is
		expect(r.report.tlsSettings[0]?.minVersion).toBe('TLSv1.2');
		expect(r.report.tlsSettings[0]?.notes?.join('\n')).toMatch(/needs @SECLEVEL=0/);
	});
});

describe('Node', () => {
	it('reads no option inside a // or /* */ comment', async () => {
		const block = await analyzeWithCards([fixture('node-07-commented.js')]);
		expect(block.report.tlsSettings[0]?.minVersion).toBe('TLSv1.2');
		expect(block.ids).not.toContain('TLS-NO-TLS12');
		expect(block.ids).not.toContain('TLS-SSLV3-ENABLED');
		// a commented older setting after the live one does not lower the floor either (Node 16)
		const line = await analyzeWithCards([fixture('node-11-linecomment-node16.js')]);
		expect(line.report.tlsSettings[0]?.minVersion).toBe('TLSv1.2');
		expect(line.ids).not.toContain('TLS-MIN-VERSION');
	});

	it('keeps URLs and regular expressions that hold // while blanking comments', async () => {
		const r = await analyzeWithCards([
			[
				'client.js',
				`// Node 16.20.2
const re = /^https?:\\/\\//; // minVersion: 'TLSv1.3'
const req = https.request('https://api.example.com/x', { minVersion: 'TLSv1' /* not: 'TLSv1.2' */ });
`,
			],
		]);
		expect(r.report.tlsSettings[0]?.minVersion).toBe('TLSv1');
		expect(r.ids).toContain('TLS-MIN-VERSION');
		expect(r.facts.tls[0]?.endpoint?.host).toBe('api.example.com');
	});
});

describe('.NET', () => {
	it('reads no flag inside a comment, and a framework comment states no runtime', async () => {
		const r = await analyzeWithCards([fixture('dotnet-06-commented.cs')]);
		expect(r.report.tlsSettings[0]?.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(r.ids).not.toContain('TLS-SSLV3-ENABLED');
		expect(r.ids).not.toContain('RUNTIME-DOTNET-PROTOCOL-OVERRIDE');
		// "// .NET Framework 4.8" is a remark; the target framework comes from the project (4.10)
		expect(r.report.tlsSettings[0]?.runtime).toBeNull();
	});

	it('reads every number cast to SecurityProtocolType, not only the first', async () => {
		const r = await analyzeWithCards([fixture('dotnet-09-numeric.cs')]);
		expect(r.report.tlsSettings[0]?.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
		expect(r.ids).toContain('TLS-MIN-VERSION');
		expect(r.ids).toContain('RUNTIME-DOTNET-PROTOCOL-OVERRIDE');
	});

	it('adds |= flags to the runtime default instead of replacing it', async () => {
		const r = await analyzeWithCards([fixture('dotnet-07-oreq.cs')]);
		expect(r.ids).not.toContain('TLS-NO-TLS12');
		expect(r.ids).toContain('TLS-MIN-VERSION');
		expect(r.report.tlsSettings[0]?.protocols).toContain('TLSv1.2');
		expect(r.report.tlsSettings[0]?.notes?.join('\n')).toMatch(/OR-ed into the runtime default/);
		// an added Tls12 pins nothing: no "only Tls12 hard-coded" warning
		const added = await analyzeWithCards([
			[
				'startup.cs',
				'// .NET Framework 4.7.2\nServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;\n',
			],
		]);
		expect(added.ids).not.toContain('RUNTIME-DOTNET-PROTOCOL-OVERRIDE');
	});

	it('grades SslStream.AuthenticateAsServerAsync as a server', async () => {
		const r = await analyzeWithCards([fixture('dotnet-08-sslstream.cs')]);
		expect(r.facts.tls[0]?.role).toBe('server');
		expect(r.facts.tls[0]?.name).toMatch(/server/);
	});
});

describe('nginx', () => {
	it('reads every ssl_conf_command, including a CipherString that lowers the security level', async () => {
		const r = await analyzeWithCards([fixture('nginx-18-conf-command.conf')]);
		expect(r.ids).toContain('RUNTIME-OPENSSL-SECLEVEL-LOW');
		expect(
			r.report.findings.find((f) => f.ruleId === 'RUNTIME-OPENSSL-SECLEVEL-LOW')?.evidence,
		).toMatch(/line 9: ssl_conf_command CipherString DEFAULT:@SECLEVEL=0/);
		expect(r.report.grade.overall).toBe('B');
	});

	it('says which default is assumed when the version is unknown, and what could change it', async () => {
		const r = await analyzeWithCards([fixture('nginx-04-noprotocols.conf')]);
		const min = r.report.findings.find((f) => f.ruleId === 'TLS-MIN-VERSION')?.evidence ?? '';
		expect(min).toMatch(
			/version not stated: the 1\.9\.1–1\.23\.3 default TLSv1 TLSv1\.1 TLSv1\.2 is assumed/,
		);
		expect(min).not.toMatch(/≥ 1\.27\.3 default/);
		const inc = await analyzeWithCards([fixture('nginx-14-include-missing.conf')]);
		expect(inc.report.findings.find((f) => f.ruleId === 'TLS-MIN-VERSION')?.evidence).toMatch(
			/include \/etc\/nginx\/snippets\/ssl-params\.conf \(line 2\) not read: it may set this directive/,
		);
	});
});

describe('mail', () => {
	it('grades implicit TLS on 587 as the STARTTLS the port implies, with the mismatch on the card', async () => {
		const r = await analyzeWithCards([fixture('mail-05-port-mismatch.json')]);
		// the handshake fails against a plaintext greeting: nothing is ever sent in clear
		expect(r.ids).not.toContain('MAIL-PLAINTEXT');
		expect(r.ids).toContain('MAIL-STARTTLS-OPPORTUNISTIC');
		expect(r.report.grade.overall).toBe('C');
		expect(r.card('mail-05-port-mismatch.json')).toMatch(
			/^error: implicit TLS on port 587, where SMTP expects STARTTLS: the TLS handshake fails/m,
		);
	});
});

describe('scanner results', () => {
	it('caps a scan that did not test SSLv2–TLS 1.1 at A, and says what to re-scan', async () => {
		const r = await analyzeWithCards([fixture('sslyze-03-old-protocols-not-scanned.json')]);
		expect(r.report.grade.overall).toBe('A');
		expect(r.report.grade.capReasons).toContain('protocols not scanned caps the grade at A');
		expect(r.report.tlsSettings[0]?.notes?.join('\n')).toMatch(
			/sslyze did not test SSLv2, SSLv3, TLSv1, TLSv1\.1 .*unknown, so the grade is at most A; re-scan/,
		);
	});

	it('treats a testssl.sh protocol id that is missing or a scanner problem as not tested', async () => {
		const finding = (id: string, finding: string, severity = 'INFO') => ({
			id,
			ip: 'api.example.com/192.0.2.1',
			port: '443',
			severity,
			finding,
		});
		const base = [
			finding('SSLv3', 'not offered', 'OK'),
			finding('TLS1', 'not offered'),
			finding('TLS1_1', 'not offered'),
			finding('TLS1_2', 'offered', 'OK'),
			finding('TLS1_3', 'offered with final', 'OK'),
			finding(
				'cipher-tls1_2_xc02f',
				'TLSv1.2 xc02f ECDHE-RSA-AES128-GCM-SHA256 ECDH 253 AESGCM 128 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
			),
			finding(
				'cipher-tls1_3_x1301',
				'TLSv1.3 x1301 TLS_AES_128_GCM_SHA256 ECDH 253 AESGCM 128 TLS_AES_128_GCM_SHA256',
			),
		];
		const all = await analyzeWithCards([
			['scan.json', JSON.stringify([finding('SSLv2', 'not offered', 'OK'), ...base])],
		]);
		expect(all.report.grade.capReasons).not.toContain('protocols not scanned caps the grade at A');
		const problem = await analyzeWithCards([
			[
				'scan.json',
				JSON.stringify([finding('SSLv2', 'local problem: no SSLv2 support', 'WARN'), ...base]),
			],
		]);
		expect(problem.report.grade.capReasons).toContain('protocols not scanned caps the grade at A');
		expect(problem.report.tlsSettings[0]?.notes?.join('\n')).toMatch(
			/testssl did not test SSLv2 .*testssl\.sh -p/,
		);
	});
});

describe('protocol names a server refuses', () => {
	it('nginx: "TLS1.1" is an invalid value (nginx does not start), graded as TLSv1.1', async () => {
		const r = await analyzeWithCards([fixture('nginx-08-typo.conf')]);
		expect(r.card('nginx-08-typo.conf')).toMatch(
			/^error: ssl_protocols: invalid value "TLS1\.1": nginx refuses to start .*graded as TLSv1\.1/m,
		);
		// TLSV1.3 is a valid spelling: nginx compares case-insensitively
		expect(r.card('nginx-08-typo.conf')).not.toMatch(/TLSV1\.3/);
		expect(r.ids).toContain('TLS-MIN-VERSION');
	});

	it('Apache: "-TLSv1.0" is an illegal protocol (httpd does not start) and removes nothing', async () => {
		const r = await analyzeWithCards([fixture('apache-15-tlsv10-illegal.conf')]);
		expect(r.card('apache-15-tlsv10-illegal.conf')).toMatch(
			/^error: SSLProtocol: Illegal protocol '-TLSv1\.0': httpd refuses to start .*graded without removing TLSv1/m,
		);
		expect(r.report.tlsSettings[0]?.protocols).toContain('TLSv1');
		expect(r.report.grade.overall).not.toBe('A+');
		expect(r.ids).toContain('TLS-MIN-VERSION');
	});

	it('HAProxy: "ssl-min-ver TLSv1" is refused (HAProxy spells it TLSv1.0), graded as that minimum', async () => {
		const r = await analyzeWithCards([fixture('haproxy-07-typo.cfg')]);
		expect(r.card('haproxy-07-typo.cfg')).toMatch(
			/^error: ssl-min-ver TLSv1: HAProxy refuses to start .*graded as a minimum of TLSv1/m,
		);
		expect(r.ids).toContain('TLS-MIN-VERSION');
	});

	it('Tomcat: "TLSV1.2,TLS1.1" names nothing JSSE knows: the connector does not start', async () => {
		const r = await analyzeWithCards([fixture('tomcat-10-tls13only-typo.xml')]);
		const card = r.card('tomcat-10-tls13only-typo.xml');
		expect(card).toMatch(
			/^error: protocols="TLSV1\.2,TLS1\.1": "TLSV1\.2" is not a protocol name JSSE knows/m,
		);
		expect(card).toMatch(
			/^error: protocols="TLSV1\.2,TLS1\.1": no protocol name Tomcat can enable is left, so the connector fails to start/m,
		);
		expect(r.ids).toContain('TLS-MIN-VERSION');
	});

	it('keeps the lenient spellings of connector forms', async () => {
		const r = await analyzeWithCards([
			[
				'c.json',
				JSON.stringify({
					connector: {
						name: 'x',
						endpoint: 'https://a.example.com/x',
						lowestAllowableTlsVersion: 'TLS 1.2',
					},
				}),
			],
		]);
		expect(r.facts.inputs[0]?.status).toBe('parsed');
		expect(r.card('c.json')).not.toMatch(/^error/m);
		expect(r.report.tlsSettings[0]?.minVersion).toBe('TLSv1.2');
	});
});

describe('detection routes TLS inputs to their reader', () => {
	it('a Node server without minVersion is graded on the assumed default, and says so', async () => {
		const r = await analyzeWithCards([fixture('node-05-no-minversion.js')]);
		expect(r.facts.inputs[0]?.status).toBe('parsed');
		expect(r.report.findings.find((f) => f.ruleId === 'TLS-MIN-VERSION')?.evidence).toMatch(
			/Node version not stated: the Node ≤ 11 default minimum TLSv1 is assumed/,
		);
	});

	it('a truncated scan gets the JSON syntax error with its line on the card', async () => {
		const r = await analyzeWithCards([fixture('sslyze-04-truncated.json')]);
		expect(r.facts.inputs[0]?.status).toBe('error');
		expect(r.facts.inputs[0]?.error).toMatch(/^JSON syntax error on line \d+/);
	});
});

describe('Tomcat', () => {
	it('grades each SSLHostConfig of a Connector as its own endpoint', async () => {
		const r = await analyzeWithCards([fixture('tomcat-05-sni-hosts.xml')]);
		const byHost = new Map(r.facts.tls.map((t) => [t.endpoint?.host ?? null, t]));
		expect([...byHost.keys()].sort()).toEqual(['api.example.com', 'legacy.example.com']);
		expect(byHost.get('api.example.com')?.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(byHost.get('legacy.example.com')?.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
		const legacy = r.report.findings.filter((f) => f.ruleId === 'TLS-RC4-CIPHER');
		expect(legacy.map((f) => f.subject)).toEqual([
			'Connector port 8443 SSLHostConfig legacy.example.com (line 7)',
		]);
	});
});
