// RULES.md section 4 behaviours the readers must honour, as must-flag / must-not-flag rows run
// through reader → stage → rules: nginx's default server before 1.29.2, Apache's main-server
// inheritance and base virtual host, the JDK's DH key-size limits, and smaller directives.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../analyze';
import { emptyFacts } from '../facts';
import { parseTlsText } from './formats';
import { runTlsStage } from './stage';

function analyze(files: Record<string, string>) {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	const sources = Object.entries(files).map(([name, text], i) => {
		facts.inputs.push({
			id: `f${i}`,
			name,
			size: text.length,
			sha256: '00',
			kind: 'tls-config',
			kindReason: 'test',
			status: 'parsed',
		});
		return { inputName: name, inputIndex: i, parse: parseTlsText(text, name), text };
	});
	const { connectors } = runTlsStage(facts, sources, null);
	facts.tls.push(...connectors);
	return { facts, findings: runRules(facts) };
}

const nginx = (
	version: string,
	openssl: string,
	second = 'listen 443 ssl;',
) => `# nginx/${version}, OpenSSL ${openssl}
http {
    server {
        listen 443 ssl default_server;
        server_name _;
        ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
        ssl_ciphers HIGH:!aNULL:!MD5;
    }
    server {
        ${second}
        server_name api.example.com;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;
    }
}
`;

const apacheMain = (vhostProtocol: string) => `# Apache/2.4.58, OpenSSL 1.1.1w
SSLProtocol all -SSLv3
SSLCipherSuite ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384
<VirtualHost *:443>
    ServerName api.example.com
    SSLEngine on
${vhostProtocol}
</VirtualHost>
`;

const apacheBase = (httpd: string) => `# Apache/${httpd}, OpenSSL 1.1.1f
<VirtualHost *:443>
    ServerName www.example.com
    SSLEngine on
    SSLProtocol all -SSLv3
</VirtualHost>
<VirtualHost *:443>
    ServerName api.example.com
    SSLEngine on
    SSLProtocol -all +TLSv1.2 +TLSv1.3
</VirtualHost>
`;

const spring = `server.port=8443
server.ssl.enabled-protocols=TLSv1.2,TLSv1.3
server.ssl.ciphers=TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
`;
const jvm = (dh: string) =>
	`# openjdk version "17.0.9"\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.ephemeralDHKeySize=${dh}"\n`;
const javaSecurity = (dhLimit: number) =>
	`# java-17-openjdk\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, \\\n    DH keySize < ${dhLimit}, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, include jdk.disabled.namedCurves\n`;

const haproxy = (extra: string) => `# HAProxy 2.8, OpenSSL 3.0.13
global
    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384
    ssl-default-bind-options ssl-min-ver TLSv1.2
${extra}
frontend web
    bind :443 ssl crt /etc/haproxy/site.pem
`;

const apacheDh = (httpd: string) => `# Apache/${httpd}, OpenSSL 1.0.1e
<VirtualHost *:443>
    SSLEngine on
    SSLProtocol -all +TLSv1.2
    SSLCipherSuite DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256
</VirtualHost>
`;

const grpc = (verify: string) => `# nginx/1.26.2
http {
    server {
        listen 443 ssl;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {
            grpc_pass grpcs://orders.internal:50051;
${verify}
        }
    }
}
`;

const apacheProxy = (check: string) => `# Apache/2.4.58, OpenSSL 3.0.11
<VirtualHost *:443>
    SSLEngine on
    SSLProtocol -all +TLSv1.2 +TLSv1.3
    SSLProxyEngine on
    SSLProxyVerify require
${check}
    ProxyPass / https://backend.internal/
</VirtualHost>
`;

const springBundle = (protocols: string) => `server.port=8443
server.ssl.bundle=web
spring.ssl.bundle.jks.web.keystore.location=classpath:web.p12
spring.ssl.bundle.jks.web.options.enabled-protocols=${protocols}
`;
/** JDK 8u202 still enables TLS 1.0/1.1 (disabled from 8u291). */
const jdk8 = `# java version "1.8.0_202"\nJAVA_OPTS="$JAVA_OPTS -Djavax.net.ssl.trustStore=/opt/app/trust.jks"\n`;
const springCurves = (groups: string, jdk = '17.0.9', extra = '') => ({
	'application.properties': `server.port=8443\nserver.ssl.enabled-protocols=TLSv1.2,TLSv1.3\nserver.ssl.ciphers=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n`,
	'setenv.sh': `# openjdk version "${jdk}"\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.namedGroups=${groups}${extra}"\n`,
});
const node = (options: string) => `// node v16.20.0
const https = require('https');
https.createServer({ key, cert, minVersion: 'TLSv1'${options} }, app).listen(8443);
`;
const stream = (verify: string) => `# nginx/1.26.2
stream {
    server {
        listen 5432;
        proxy_pass db.internal:5432;
        proxy_ssl on;
${verify}
    }
}
`;

/** [row, inputs, connector (name or host contains), rule id, must flag] */
const javaMail = (factory: string | null, port = 465) =>
	`mail.transport.protocol=smtp\nmail.smtp.host=smtp.example.com\nmail.smtp.port=${port}\nmail.smtp.auth=true\nmail.smtp.ssl.checkserveridentity=true\n${factory ? `mail.smtp.socketFactory.class=${factory}\n` : ''}`;

const rows: [string, Record<string, string>, string, string, boolean][] = [
	// 4.6 nginx: a name-based server's ssl_protocols/ciphers are not used before 1.29.2.
	[
		'nginx 1.24 + OpenSSL 3: name-based server gets the default server’s TLS 1.0',
		{ 'n.conf': nginx('1.24.0', '1.1.1w') },
		'api.example.com',
		'TLS-MIN-VERSION',
		true,
	],
	[
		'nginx 1.24 + OpenSSL 3: and its CBC/RSA cipher list',
		{ 'n.conf': nginx('1.24.0', '1.1.1w') },
		'api.example.com',
		'TLS-CBC-CIPHERS',
		true,
	],
	[
		'nginx 1.29.2: each server keeps its own ssl_protocols',
		{ 'n.conf': nginx('1.29.2', '1.1.1w') },
		'api.example.com',
		'TLS-MIN-VERSION',
		false,
	],
	[
		'nginx 1.29.2: and its own ciphers',
		{ 'n.conf': nginx('1.29.2', '1.1.1w') },
		'api.example.com',
		'TLS-CBC-CIPHERS',
		false,
	],
	[
		'nginx 1.24 + OpenSSL 1.0.2: protocols switch with SNI (options)',
		{ 'n.conf': nginx('1.24.0', '1.0.2k') },
		'api.example.com',
		'TLS-MIN-VERSION',
		false,
	],
	[
		'nginx 1.24: a server on its own port is its own default',
		{ 'n.conf': nginx('1.24.0', '1.1.1w', 'listen 8443 ssl;') },
		'api.example.com',
		'TLS-MIN-VERSION',
		false,
	],
	[
		'nginx 1.24: the default server itself keeps TLS 1.0',
		{ 'n.conf': nginx('1.24.0', '1.1.1w') },
		'(default)',
		'TLS-MIN-VERSION',
		true,
	],
	// 4.7 Apache: main server config applies to virtual hosts that do not override it.
	[
		'Apache: vhost without SSLProtocol inherits "all -SSLv3" (TLS 1.0/1.1)',
		{ 'a.conf': apacheMain('') },
		'VirtualHost',
		'TLS-MIN-VERSION',
		true,
	],
	[
		'Apache: vhost overriding SSLProtocol',
		{ 'a.conf': apacheMain('    SSLProtocol -all +TLSv1.2 +TLSv1.3') },
		'VirtualHost',
		'TLS-MIN-VERSION',
		false,
	],
	[
		'Apache: inherited SSLCipherSuite (AEAD only) gives no CBC',
		{ 'a.conf': apacheMain('    SSLProtocol -all +TLSv1.2') },
		'VirtualHost',
		'TLS-CBC-CIPHERS',
		false,
	],
	// 4.7 Apache: base virtual host's SSLProtocol unless httpd ≥ 2.4.42 with OpenSSL ≥ 1.1.1.
	[
		'Apache 2.4.41: second name-based vhost gets the base vhost’s protocols',
		{ 'a.conf': apacheBase('2.4.41') },
		'line 7',
		'TLS-MIN-VERSION',
		true,
	],
	[
		'Apache 2.4.58: per-vhost SSLProtocol honoured',
		{ 'a.conf': apacheBase('2.4.58') },
		'line 7',
		'TLS-MIN-VERSION',
		false,
	],
	// 4.7 Apache before 2.4.7: built-in 1024-bit DH parameters.
	[
		'Apache 2.4.6 with a DHE suite: 1024-bit DH',
		{ 'a.conf': apacheDh('2.4.6') },
		'VirtualHost',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'Apache 2.4.7 with a DHE suite: DH from the certificate file / automatic',
		{ 'a.conf': apacheDh('2.4.7') },
		'VirtualHost',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	// 4.3 JDK: jdk.tls.ephemeralDHKeySize and "DH keySize < n" in jdk.tls.disabledAlgorithms.
	[
		'JDK 17: ephemeralDHKeySize=1024 with a DHE suite',
		{ 'application.properties': spring, 'setenv.sh': jvm('1024') },
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'JDK 17: ephemeralDHKeySize=legacy (1024 bits)',
		{ 'application.properties': spring, 'setenv.sh': jvm('legacy') },
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'JDK 17: 1024-bit DH key under "DH keySize < 2048": DHE not negotiable',
		{
			'application.properties': spring,
			'setenv.sh': jvm('1024'),
			'java.security': javaSecurity(2048),
		},
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	[
		'JDK 17: ephemeralDHKeySize=2048',
		{ 'application.properties': spring, 'setenv.sh': jvm('2048') },
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	// 4.8 HAProxy: ssl-security-level, ssl-default-bind-curves.
	[
		'HAProxy ssl-security-level 0',
		{ 'h.cfg': haproxy('    ssl-security-level 0') },
		'bind',
		'RUNTIME-OPENSSL-SECLEVEL-LOW',
		true,
	],
	[
		'HAProxy ssl-security-level 2',
		{ 'h.cfg': haproxy('    ssl-security-level 2') },
		'bind',
		'RUNTIME-OPENSSL-SECLEVEL-LOW',
		false,
	],
	[
		'HAProxy ssl-default-bind-curves with a 192-bit curve',
		{ 'h.cfg': haproxy('    ssl-default-bind-curves prime192v1:X25519') },
		'bind',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'HAProxy ssl-default-bind-curves X25519:P-256',
		{ 'h.cfg': haproxy('    ssl-default-bind-curves X25519:prime256v1') },
		'bind',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	// 4.6 nginx: grpc_ssl_verify defaults to off like proxy_ssl_verify.
	[
		'nginx grpc_pass grpcs:// without grpc_ssl_verify',
		{ 'n.conf': grpc('') },
		'upstream',
		'TLS-CERT-VALIDATION-DISABLED',
		true,
	],
	[
		'nginx grpc_pass grpcs:// with grpc_ssl_verify on',
		{ 'n.conf': grpc('            grpc_ssl_verify on;') },
		'upstream',
		'TLS-CERT-VALIDATION-DISABLED',
		false,
	],
	// 4.7 Apache proxy: SSLProxyCheckPeerCN off when SSLProxyCheckPeerName is not set.
	[
		'Apache SSLProxyCheckPeerCN off',
		{ 'a.conf': apacheProxy('    SSLProxyCheckPeerCN off') },
		'SSLProxyEngine',
		'TLS-CERT-VALIDATION-DISABLED',
		true,
	],
	[
		'Apache SSLProxyCheckPeerName on next to CheckPeerCN off',
		{ 'a.conf': apacheProxy('    SSLProxyCheckPeerCN off\n    SSLProxyCheckPeerName on') },
		'SSLProxyEngine',
		'TLS-CERT-VALIDATION-DISABLED',
		false,
	],
	// 4.5 Spring Boot 3.1+: server.ssl.bundle names the bundle whose options apply.
	[
		'Spring server.ssl.bundle with TLSv1.1 in the bundle options',
		{ 'application.properties': springBundle('TLSv1.1,TLSv1.2'), 'setenv.sh': jdk8 },
		'application.properties',
		'TLS-MIN-VERSION',
		true,
	],
	[
		'Spring server.ssl.bundle with TLSv1.2 only',
		{ 'application.properties': springBundle('TLSv1.2,TLSv1.3'), 'setenv.sh': jdk8 },
		'application.properties',
		'TLS-MIN-VERSION',
		false,
	],
	// 4.3 jdk.tls.namedGroups replaces the JSSE curve list.
	[
		'JDK 11.0.5 jdk.tls.namedGroups with secp192r1 (before jdk.disabled.namedCurves)',
		springCurves('secp192r1,secp256r1', '11.0.5'),
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'JDK 11.0.20 jdk.tls.namedGroups with secp192r1: included from jdk.disabled.namedCurves',
		springCurves('secp192r1,secp256r1', '11.0.20'),
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	[
		'JDK 11.0.20 with a disabledAlgorithms that drops the include line',
		springCurves(
			'secp192r1,secp256r1',
			'11.0.20',
			' -Djdk.tls.disabledAlgorithms=SSLv3,TLSv1,TLSv1.1,RC4,DES,MD5withRSA,NULL',
		),
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'java.security narrows jdk.disabled.namedCurves: secp112r1 is no longer on it',
		{
			...springCurves('secp112r1,secp256r1', '11.0.20'),
			'java.security':
				'jdk.disabled.namedCurves = secp256k1\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, NULL, \\\n    include jdk.disabled.namedCurves\n',
		},
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		true,
	],
	[
		'java.security lists secp112r1 in jdk.disabled.namedCurves and includes the list',
		{
			...springCurves('secp112r1,secp256r1', '11.0.20'),
			'java.security':
				'jdk.disabled.namedCurves = secp112r1, secp256k1\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, NULL, \\\n    include jdk.disabled.namedCurves\n',
		},
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	[
		'JDK 17 jdk.tls.namedGroups with secp192r1: the curve no longer exists in the JDK',
		springCurves('secp192r1,secp256r1'),
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	[
		'JDK jdk.tls.namedGroups x25519,secp256r1',
		springCurves('x25519,secp256r1'),
		'application.properties',
		'TLS-WEAK-KEY-EXCHANGE',
		false,
	],
	// 4.11 Node secureOptions: SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 raise the floor.
	['Node minVersion TLSv1', { 'server.js': node('') }, 'createServer', 'TLS-MIN-VERSION', true],
	[
		'Node minVersion TLSv1 with secureOptions SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1',
		{
			'server.js': node(', secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1'),
		},
		'createServer',
		'TLS-MIN-VERSION',
		false,
	],
	// 4.6 nginx stream: proxy_ssl on with proxy_ssl_verify off by default.
	[
		'nginx stream proxy_ssl on without proxy_ssl_verify',
		{ 'n.conf': stream('') },
		'upstream',
		'TLS-CERT-VALIDATION-DISABLED',
		true,
	],
	[
		'nginx stream proxy_ssl on with proxy_ssl_verify on',
		{ 'n.conf': stream('        proxy_ssl_verify on;') },
		'upstream',
		'TLS-CERT-VALIDATION-DISABLED',
		false,
	],
	[
		'JavaMail SSL socket factory (pre-1.4 implicit TLS) on 465',
		{ 'mail.properties': javaMail('javax.net.ssl.SSLSocketFactory') },
		'smtp.example.com',
		'MAIL-PLAINTEXT',
		false,
	],
	[
		'JavaMail SSL socket factory on a custom port (2525): implicit TLS',
		{ 'mail.properties': javaMail('javax.net.ssl.SSLSocketFactory', 2525) },
		'smtp.example.com',
		'MAIL-PLAINTEXT',
		false,
	],
	[
		'JavaMail without a socket factory on the same custom port: plaintext',
		{ 'mail.properties': javaMail(null, 2525) },
		'smtp.example.com',
		'MAIL-PLAINTEXT',
		true,
	],
	[
		'JavaMail without TLS settings on 25',
		{ 'mail.properties': javaMail(null, 25) },
		'smtp.example.com',
		'MAIL-PLAINTEXT',
		true,
	],
	[
		'JavaMail socket factory that trusts every certificate',
		{ 'mail.properties': javaMail('com.example.mail.DummySSLSocketFactory') },
		'smtp.example.com',
		'TLS-CERT-VALIDATION-DISABLED',
		true,
	],
	[
		'JavaMail standard SSL socket factory',
		{ 'mail.properties': javaMail('javax.net.ssl.SSLSocketFactory') },
		'smtp.example.com',
		'TLS-CERT-VALIDATION-DISABLED',
		false,
	],
];

describe('RULES.md section 4 behaviours', () => {
	it('warns when a JavaMail SSL socket factory may fall back to a plain socket', () => {
		const warns = (fallback: string) =>
			parseTlsText(
				javaMail('javax.net.ssl.SSLSocketFactory') +
					`mail.smtp.socketFactory.fallback=${fallback}\n`,
				'mail.properties',
			).notes.some((n) => /falls back to a plain socket/.test(n.message));
		expect(warns('true')).toBe(true);
		expect(warns('false')).toBe(false);
	});

	it.each(rows)('%s', (_row, files, which, ruleId, flagged) => {
		const { facts, findings } = analyze(files);
		const c = facts.tls.find(
			(t) => t.name.includes(which) || t.endpoint?.host === which || t.inputName === which,
		);
		expect(c, `connector ${which} in ${facts.tls.map((t) => t.name).join(' | ')}`).toBeDefined();
		const hits = findings.filter((f) => f.ruleId === ruleId && f.subject.includes(c?.name ?? '?'));
		expect(hits.length > 0, hits.map((h) => h.evidence).join(' / ')).toBe(flagged);
	});

	it('says why a name-based nginx server is graded on the default server’s settings', () => {
		const parse = parseTlsText(nginx('1.24.0', '1.1.1w'), 'n.conf');
		const note = parse.notes.find((n) => /default server/.test(n.message));
		expect(note?.line).toBe(10);
		expect(note?.message).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3 → TLSv1 TLSv1\.1 TLSv1\.2/);
		expect(note?.message).toMatch(/fixed in nginx 1\.29\.2/);
	});

	it('says why an Apache vhost is graded on the base vhost’s protocols', () => {
		const parse = parseTlsText(apacheBase('2.4.41'), 'a.conf');
		expect(parse.notes.map((n) => n.message).join(' ')).toMatch(
			/base virtual host on \*:443 .*TLSv1 TLSv1\.1 TLSv1\.2 TLSv1\.3 instead of TLSv1\.2 TLSv1\.3/,
		);
	});

	it('notes an HAProxy server whose name is not checked (no sni, no verifyhost)', () => {
		const cfg = (extra: string) =>
			`global\n    ssl-server-verify required\nbackend api\n    server s1 10.0.0.5:443 ssl ca-file /etc/ssl/ca.pem${extra}\n`;
		const note = (t: string) =>
			parseTlsText(t, 'h.cfg').notes.some((n) => /verified but not its name/.test(n.message));
		expect(note(cfg(''))).toBe(true);
		expect(note(cfg(' verifyhost api.internal'))).toBe(false);
		expect(note(cfg(' sni req.hdr(host)'))).toBe(false);
	});

	it('records where the JDK removed DHE suites', () => {
		const { facts } = analyze({
			'application.properties': spring,
			'setenv.sh': jvm('1024'),
			'java.security': javaSecurity(2048),
		});
		const c = facts.tls.find((t) => t.inputName === 'application.properties');
		expect(c?.cipherSuites).not.toContain('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256');
		expect(c?.notes.join(' ')).toMatch(
			/1 DHE suites not negotiable: the ephemeral DH key \(1024 bits\) is below "DH keySize < 2048"/,
		);
	});
});
