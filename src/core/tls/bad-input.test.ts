// Bad input: unknown directives ignored with a note, syntax errors with line numbers, includes
// that were not dropped listed as not evaluated, conflicting settings explained.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ParseError } from '../errors';
import { emptyFacts } from '../facts';
import type { ConnectorForm } from './facts';
import { parseTlsText } from './formats';
import { loadYaml } from './formats/yaml';
import { runTlsStage } from './stage';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');

// parseTlsText is synchronous: the YAML library (loaded on demand by the TLS parser) first.
beforeAll(() => loadYaml());

describe('bad TLS input', () => {
	it('notes unknown directives with their line and ignores them', () => {
		const nginx = parseTlsText(read('legacy/nginx-1.4-sslv3-rc4.conf'), 'n.conf');
		expect(nginx.notes).toContainEqual({
			level: 'warning',
			line: 13,
			message: 'unknown directive ssl_session_ticketz ignored',
		});
		const apache = parseTlsText(read('legacy/apache-2.2-default-ssl.conf'), 'a.conf');
		expect(apache.notes.some((n) => n.line === 15 && n.message.includes('SSLVerifyDepthh'))).toBe(
			true,
		);
		const openssl = parseTlsText(read('legacy/openssl-seclevel0.cnf'), 'o.cnf');
		expect(openssl.notes.some((n) => n.message.includes('Groupz'))).toBe(true);
		const json = parseTlsText(read('legacy/connector-sslv3-http.json'), 'c.json');
		expect(json.notes.some((n) => n.message.includes('"timeoutMs"') && n.line === 9)).toBe(true);
	});

	it('reports syntax errors with line numbers', () => {
		const nginx = parseTlsText(read('formats/nginx-syntax-error.conf'), 'broken.conf');
		expect(
			nginx.notes.some(
				(n) => n.level === 'error' && n.line === 1 && /never closed/.test(n.message),
			),
		).toBe(true);
		expect(() => parseTlsText(read('formats/connector-bad.json'), 'bad.json')).toThrow(ParseError);
		expect(() => parseTlsText(read('formats/connector-bad.json'), 'bad.json')).toThrow(/line 5/);
		expect(() =>
			parseTlsText('server:\n  ssl:\n    enabled-protocols: [TLSv1.2\n', 'a.yml'),
		).toThrow(/YAML syntax error on line/);
		const apache = parseTlsText('<VirtualHost *:443>\nSSLEngine on\n</Directory>\n', 'a.conf');
		expect(apache.notes.some((n) => n.level === 'error' && n.line === 3)).toBe(true);
	});

	it('lists includes that were not dropped as not evaluated, and reads dropped ones in place', () => {
		const text = read('legacy/apache-2.2-default-ssl.conf');
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push({
			id: 'f0',
			name: 'ssl.conf',
			size: 1,
			sha256: '0',
			kind: 'tls-config',
			kindReason: 't',
			status: 'parsed',
		});
		const alone = parseTlsText(text, 'ssl.conf');
		runTlsStage(facts, [{ inputName: 'ssl.conf', inputIndex: 0, parse: alone, text }], null);
		expect(alone.includes).toEqual([{ path: 'conf.d/extra-ssl.conf', line: 4, evaluated: false }]);
		// The included file hardens the protocols; dropped beside it, it is read in place.
		const extra = 'SSLProtocol -all +TLSv1.2\nSSLHonorCipherOrder off\n';
		facts.inputs.push({
			id: 'f1',
			name: 'extra-ssl.conf',
			size: 1,
			sha256: '0',
			kind: 'tls-config',
			kindReason: 't',
			status: 'parsed',
		});
		const parse = parseTlsText(text.replace('SSLProtocol all -SSLv2\n', ''), 'ssl.conf');
		const { connectors } = runTlsStage(
			facts,
			[
				{
					inputName: 'ssl.conf',
					inputIndex: 0,
					parse,
					text: text.replace('SSLProtocol all -SSLv2\n', ''),
				},
				{
					inputName: 'extra-ssl.conf',
					inputIndex: 1,
					parse: parseTlsText(extra, 'extra-ssl.conf'),
					text: extra,
				},
			],
			null,
		);
		expect(parse.includes[0]?.evaluated).toBe(true);
		const server = connectors.find((c) => c.role === 'server' && c.inputs.includes('ssl.conf'))!;
		expect(server.protocols).toEqual(['TLSv1.2']);
		expect(server.protocolFacts[0]?.origin).toMatchObject({ inputName: 'extra-ssl.conf', line: 1 });
		// The included file adds no connector of its own.
		expect(
			connectors.filter(
				(c) => c.inputs.includes('extra-ssl.conf') && !c.inputs.includes('ssl.conf'),
			),
		).toEqual([]);
	});

	it('explains conflicting settings for the same connector instead of guessing silently', () => {
		const text = read('worked/ex3-pega-connect-soap-8u202.json');
		const form: ConnectorForm = {
			name: 'PegaConnectSOAP',
			type: 'SOAP',
			endpoint: 'https://soap.example.com/services/Orders',
			role: 'client',
			lowestTlsVersion: 'TLSv1.2',
			runtime: 'Oracle Java 8u202',
			cipherSuites: '',
			keystoreInput: '',
			truststoreInput: '',
			wsSecurity: { sign: false, encrypt: false, timestamp: true, usernameToken: true },
		};
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push({
			id: 'f0',
			name: 'c.json',
			size: 1,
			sha256: '0',
			kind: 'tls-config',
			kindReason: 't',
			status: 'parsed',
		});
		const { connectors } = runTlsStage(
			facts,
			[{ inputName: 'c.json', inputIndex: 0, parse: parseTlsText(text, 'c.json'), text }],
			form,
		);
		expect(connectors).toHaveLength(1);
		const c = connectors[0]!;
		expect(
			c.notes.some((n) =>
				/conflicting minVersion: TLSv1 \(c\.json\) versus TLSv1\.2 \(form\)/.test(n),
			),
		).toBe(true);
		expect(c.protocols).toEqual(['TLSv1.2']);
	});

	it.each<[string, string, string, RegExp]>([
		[
			'nginx ssl_protocols twice in one block',
			'nginx.conf',
			'server {\n listen 443 ssl;\n ssl_protocols TLSv1.2;\n ssl_protocols TLSv1 TLSv1.2;\n}\n',
			/ssl_protocols is set 2 times in one block \(line 3: ssl_protocols TLSv1\.2; line 4: ssl_protocols TLSv1 TLSv1\.2\).*the last one \(line 4\) is graded/,
		],
		[
			'a Spring property set twice',
			'application.properties',
			'server.ssl.enabled-protocols=TLSv1.2\nserver.port=8443\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
			/server\.ssl\.enabled-protocols is set twice: line 1 \(TLSv1\.2\) and line 3 \(TLSv1,TLSv1\.2\); the later one is used/,
		],
		[
			'a JVM system property in JAVA_OPTS and again in CATALINA_OPTS',
			'setenv.sh',
			'JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\nCATALINA_OPTS="-Dhttps.protocols=TLSv1"\n',
			/https\.protocols is set twice: line 1 \(TLSv1\.2\) and line 2 \(TLSv1\); the JVM takes the later one/,
		],
		[
			'a connector JSON field of the wrong type',
			'c.json',
			'{\n  "connector": {\n    "name": "x",\n    "endpoint": "https://x.example.com",\n    "lowestAllowableTlsVersion": 1.2\n  }\n}\n',
			/connector\.lowestAllowableTlsVersion must be a string \(found 1\.2\)/,
		],
	])('explains %s with the lines involved', (_name, file, text, message) => {
		const parse = parseTlsText(text, file);
		const note = parse.notes.find((n) => message.test(n.message));
		expect(note, JSON.stringify(parse.notes)).toBeDefined();
		expect(note?.line).toBeGreaterThan(0);
		if (file === 'c.json') expect(note?.line).toBe(5);
	});

	it('refuses text that is no TLS configuration with a plain message', () => {
		expect(() => parseTlsText('hello world\n', 'x.txt')).toThrow(
			/none of the TLS configuration formats/,
		);
	});
});

describe('Spring Boot relaxed binding', () => {
	it('reads environment-variable style keys like the dotted ones', () => {
		const parse = parseTlsText(
			'SERVER_PORT=9443\nSERVER_SSL_ENABLED_PROTOCOLS=TLSv1.1,TLSv1.2\nSERVER_SSL_KEY_STORE=file:/etc/app/ks.p12\n',
			'app.env',
		);
		expect(parse.format).toBe('spring');
		expect(parse.endpoints[0]?.port).toBe(9443);
		expect(parse.endpoints[0]?.protocols?.value).toEqual(['TLSv1.1', 'TLSv1.2']);
		expect(parse.endpoints[0]?.certificateFiles).toEqual(['ks.p12']);
	});
});

describe('client connector and a scan of its server (RULES.md 3.5)', () => {
	it('grades each on its own set and reports what they can negotiate', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		const conn =
			'{"connector": {"name": "x", "endpoint": "https://legacy.example.com/", "lowestAllowableTlsVersion": "TLSv1.2", "runtime": "Java 17.0.9"}}';
		const scan = read('scans/sslyze-5.2-legacy.json');
		facts.inputs.push({
			id: 'f0',
			name: 'c.json',
			size: 1,
			sha256: '0',
			kind: 'tls-config',
			kindReason: 't',
			status: 'parsed',
		});
		facts.inputs.push({
			id: 'f1',
			name: 's.json',
			size: 1,
			sha256: '0',
			kind: 'scan-result',
			kindReason: 't',
			status: 'parsed',
		});
		const { connectors } = runTlsStage(
			facts,
			[
				{ inputName: 'c.json', inputIndex: 0, parse: parseTlsText(conn, 'c.json'), text: conn },
				{ inputName: 's.json', inputIndex: 1, parse: parseTlsText(scan, 's.json'), text: scan },
			],
			null,
		);
		expect(connectors).toHaveLength(2);
		const client = connectors.find((c) => c.role === 'client')!;
		expect(client.graded).toBe('declared');
		expect(client.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(client.notes.join(' ')).toMatch(
			/negotiable with the scanned server: TLSv1\.2; \d+ common suite/,
		);
		expect(connectors.find((c) => c.graded === 'observed')?.protocols).toEqual([
			'TLSv1',
			'TLSv1.1',
			'TLSv1.2',
		]);
	});
});

describe('generic e-mail account settings', () => {
	it('reads smtp/imap host, port, ssl and starttls keys, and corrects a port/mode contradiction', () => {
		const parse = parseTlsText(
			'smtp.host=smtp.example.com\nsmtp.port=465\nsmtp.starttls=true\nsmtp.starttls.required=true\nimap.host=imap.example.com\nimap.port=993\nimap.ssl=true\n',
			'mail.conf',
		);
		expect(parse.format).toBe('mail');
		const smtp = parse.endpoints.find((e) => e.mail?.protocol === 'smtp')?.mail;
		const imap = parse.endpoints.find((e) => e.mail?.protocol === 'imap')?.mail;
		expect(imap).toMatchObject({ host: 'imap.example.com', port: 993, mode: 'implicit' });
		// STARTTLS asked for on 465: reported as an input error, graded as the port implies.
		expect(smtp).toMatchObject({ port: 465, mode: 'implicit' });
		expect(
			parse.notes.some(
				(n) => n.level === 'error' && /port 465 expects implicit TLS/.test(n.message),
			),
		).toBe(true);
	});
});

describe('a JSON syntax error reads the same in the page and the command line', () => {
	it("drops the '(line N column M)' newer V8 adds, keeping the line computed here", () => {
		const text =
			'{\n  "connector": {\n    "url": "https://a.example"\n    "lowestTlsVersion": "TLSv1.2"\n  }\n}\n';
		const chromium = new SyntaxError(
			"Expected ',' or '}' after property value in JSON at position 51 (line 4 column 5)",
		);
		const parse = vi.spyOn(JSON, 'parse').mockImplementation(() => {
			throw chromium;
		});
		try {
			expect(() => parseTlsText(text, 'connector.json')).toThrow(
				"JSON syntax error on line 4: Expected ',' or '}' after property value in JSON at position 51",
			);
			let message = '';
			try {
				parseTlsText(text, 'connector.json');
			} catch (error) {
				message = error instanceof ParseError ? error.message : '';
			}
			expect(message).not.toMatch(/column/);
		} finally {
			parse.mockRestore();
		}
	});
});
