// Picks the reader for a TLS input from its own content (never from the detector's guess alone)
// and runs it. Syntax errors that make the whole file unreadable throw ParseError with a line.
import { ParseError, reasonOf } from '../../errors';
import { emptyParse, type TlsParse } from '../model';
import { parseApache } from './apache';
import { parseConnectorJson } from './connector';
import { parseDotnet } from './dotnet';
import { parseHaproxy } from './haproxy';
import { parseJava } from './java';
import { parseMail } from './mail';
import { parseMailJson } from './mail-json';
import { parseNginx } from './nginx';
import { parseNode } from './node';
import { parseOpensslConf } from './openssl-conf';
import { parseSpring } from './spring';
import { parseSslyze } from './sslyze';
import { parseTestssl } from './testssl';
import { parseTomcat } from './tomcat';
import { opensslHint } from './text';
import { javaVersionHint } from './java';

export type TlsFormat =
	| 'nginx'
	| 'apache'
	| 'tomcat'
	| 'java'
	| 'spring'
	| 'haproxy'
	| 'openssl'
	| 'node'
	| 'dotnet'
	| 'mail'
	| 'connector'
	| 'mail-json'
	| 'runtime'
	| 'testssl'
	| 'sslyze';

const TEXT_FORMATS: readonly { format: TlsFormat; test: RegExp }[] = [
	{
		format: 'apache',
		test: /^[ \t]*(SSLProtocol|SSLCipherSuite|SSLEngine|SSLProxyEngine|SSLCertificateFile)\b|^[ \t]*<VirtualHost\b/m,
	},
	{
		format: 'nginx',
		test: /^[ \t]*(ssl_protocols|ssl_ciphers|ssl_certificate|proxy_ssl_\w+|listen\s+[^;\n]*\bssl\b)[^;\n]*;|^[ \t]*(server|http|stream|mail|events)\s*\{/m,
	},
	{
		format: 'haproxy',
		test: /^[ \t]*(ssl-default-bind-\w+|ssl-default-server-\w+|ssl-server-verify)\b|^[ \t]*bind\s+\S+.*\bssl\b|^[ \t]*(frontend|backend|listen)\s+\S+[ \t\r]*$/m,
	},
	{
		format: 'openssl',
		test: /^[ \t]*(openssl_conf|ssl_conf|system_default)\s*=|^[ \t]*(MinProtocol|MaxProtocol|CipherString|Ciphersuites)\s*=|^[ \t]*\[\s*(openssl_init|req|ca|new_oids)\s*\]/m,
	},
	{
		format: 'java',
		test: /^[ \t]*(jdk\.tls\.disabledAlgorithms|jdk\.certpath\.disabledAlgorithms|jdk\.tls\.legacyAlgorithms|keystore\.type)\s*[=:]/m,
	},
	{
		format: 'mail',
		test: /^[ \t]*(mail\.(smtps?|imaps?|pop3s?|transport|store)\.)|^[ \t]*(smtp|imap|pop3)[._-]?(host|server|port)\s*[=:]/im,
	},
	{
		format: 'spring',
		test: /^[ \t]*(server\.ssl\.|spring\.ssl\.bundle\.|spring\.mail\.)|^server:[ \t\r]*$[\s\S]*^[ \t]+ssl:[ \t\r]*$|^spring:[ \t\r]*$[\s\S]*^[ \t]+mail:[ \t\r]*$/m,
	},
	{
		format: 'java',
		test: /-D(jdk\.tls\.|javax\.net\.ssl\.|https\.protocols|https\.cipherSuites|java\.security\.properties|jdk\.internal\.httpclient)|^[ \t]*(jdk\.tls\.client\.protocols|jdk\.tls\.server\.protocols|https\.protocols|javax\.net\.ssl\.\w+)\s*=/m,
	},
	{
		format: 'node',
		test: /--tls-(min|max)-v1|tls\.DEFAULT_(MIN|MAX)_VERSION|NODE_TLS_REJECT_UNAUTHORIZED|\b(minVersion|secureProtocol|rejectUnauthorized)\s*:|\b(tls|https)\.(connect|request|createServer|Agent)\b/,
	},
	{
		format: 'dotnet',
		test: /SecurityProtocolType\.|SslProtocols\.|ServicePointManager|SchUseStrongCrypto|SystemDefaultTlsVersions/,
	},
	{ format: 'runtime', test: /^[ \t]*nginx version: nginx\/\d|^[ \t]*(openjdk|java) version "\d/m },
];

export function sniffTlsFormat(text: string): TlsFormat | null {
	const t = text.trimStart();
	if (t.startsWith('{') || t.startsWith('[')) {
		try {
			const v = JSON.parse(t) as unknown;
			if (Array.isArray(v))
				return v.some((x) => typeof x === 'object' && x !== null && 'id' in x && 'finding' in x)
					? 'testssl'
					: null;
			if (typeof v === 'object' && v !== null) {
				if ('scanResult' in v) return 'testssl';
				if ('server_scan_results' in v) return 'sslyze';
				if ('connector' in v) return 'connector';
				if ('emailAccount' in v) return 'mail-json';
			}
			return null;
		} catch (error) {
			// not JSON: not one of these formats, which the null says
			if (!(error instanceof SyntaxError)) throw error;
			return null;
		}
	}
	// Apache sections (<VirtualHost>, <IfModule>) also start with "<": only real XML roots here.
	if (
		t.startsWith('<') &&
		!/^<(VirtualHost|IfModule|IfDefine|Directory|Location|Files)\b/i.test(t)
	) {
		if (/<Server\b/.test(t) && /<Connector\b/.test(t)) return 'tomcat';
		// A bare Connector fragment as the Mozilla generator and the Tomcat docs hand it out.
		if (/<Connector\b[^>]*\bSSLEnabled\s*=|<SSLHostConfig\b/.test(t)) return 'tomcat';
		if (/<configuration\b/.test(t)) return 'dotnet';
		return null;
	}
	// Spring mail properties are Spring, not bare JavaMail.
	if (
		/^[ \t]*(server\.ssl\.|spring\.|SERVER_SSL_|SPRING_MAIL_)/m.test(text) ||
		/^(server|spring):[ \t\r]*$/m.test(text)
	)
		return 'spring';
	for (const f of TEXT_FORMATS) if (f.test.test(text)) return f.format;
	return null;
}

function jsonError(text: string, error: unknown): never {
	// Newer V8 (Chromium) ends the message with "(line N column M)", Node 20's does not: the
	// page's and the command line's reports must be equal, so the line is computed here only.
	const msg = reasonOf(error).replace(/\s*\(line \d+ column \d+\)\s*$/, '');
	const pos = /position (\d+)/.exec(msg);
	const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
	throw new ParseError(
		'tls/json-syntax',
		`JSON syntax error${line ? ` on line ${line}` : ''}: ${msg}`,
	);
}

/**
 * `nginx -V` or `java -version` output dropped or pasted next to the configuration: it states the
 * runtime of every input on that stack and declares no endpoint of its own.
 */
function parseRuntimeBanner(text: string): TlsParse {
	const parse = emptyParse('runtime');
	const lib = opensslHint(text);
	const java = javaVersionHint(text);
	const nginx = /nginx version: nginx\/(\d+\.\d+\.\d+)/i.exec(text)?.[1];
	if (lib || nginx) parse.openssl = { version: lib, ...(nginx ? { nginxVersion: nginx } : {}) };
	if (java) parse.java = { version: java, validationDisabled: [] };
	parse.notes.push({
		level: 'info',
		line: null,
		message: `runtime stated: ${[nginx ? `nginx ${nginx}` : '', lib ? `OpenSSL ${lib} (for nginx, Apache, HAProxy and other OpenSSL inputs)` : '', java ? `Java ${java} (for Tomcat, Spring, Java and connector inputs without their own)` : ''].filter(Boolean).join('; ') || 'no version found'}`,
	});
	return parse;
}

export function parseTlsText(text: string, inputName: string): TlsParse {
	const format = sniffTlsFormat(text);
	switch (format) {
		case 'nginx':
			return parseNginx(text, inputName);
		case 'apache':
			return parseApache(text, inputName);
		case 'tomcat':
			return parseTomcat(text, inputName);
		case 'java':
			return parseJava(text, inputName);
		case 'spring':
			return parseSpring(text, inputName);
		case 'haproxy':
			return parseHaproxy(text, inputName);
		case 'openssl':
			return parseOpensslConf(text, inputName);
		case 'node':
			return parseNode(text, inputName);
		case 'dotnet':
			return parseDotnet(text, inputName);
		case 'mail':
			return parseMail(text, inputName);
		case 'connector':
			try {
				return parseConnectorJson(text, inputName);
			} catch (e) {
				return jsonError(text, e);
			}
		case 'mail-json':
			try {
				return parseMailJson(text, inputName);
			} catch (e) {
				return jsonError(text, e);
			}
		case 'runtime':
			return parseRuntimeBanner(text);
		case 'testssl':
			return parseTestssl(text);
		case 'sslyze':
			return parseSslyze(text);
		default: {
			const t = text.trimStart();
			if (t.startsWith('{') || t.startsWith('[')) {
				try {
					JSON.parse(t);
				} catch (e) {
					jsonError(text, e);
				}
			}
			throw new ParseError(
				'tls/unknown-format',
				'none of the TLS configuration formats (nginx, Apache, Tomcat, Java, Spring Boot, HAProxy, OpenSSL, Node, .NET, mail, connector JSON, testssl.sh, sslyze) matches this text',
			);
		}
	}
}
