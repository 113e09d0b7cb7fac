// Detection over real files: tests/fixtures/detect (made by scripts/fixtures/detect/make.sh with
// openssl, keytool and xmlsec1), the shared conformance corpus, and hostile inputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind } from './detect';
import { INPUT_KINDS, type InputKind } from './report/report';
import { CORPUS } from '../../tests/support/vectors';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/detect');

function detectFile(dir: string, name: string, as = name) {
	return detectKind(as, new Uint8Array(readFileSync(resolve(dir, name))));
}

/** [file, kind, a word the reason must contain, tls/scan format] */
const FIXTURE_TABLE: readonly [string, InputKind, string, string?][] = [
	['client.p12', 'pkcs12', 'PKCS#12'],
	['client-legacy.pfx', 'pkcs12', 'PKCS#12'],
	['keytool.p12', 'pkcs12', 'PKCS#12'],
	['store.jks', 'jks', 'FEEDFEED'],
	['store.jceks', 'jceks', 'CECECECE'],
	['store.bks', 'bks', 'BKS'],
	['store.uber', 'bks', 'UBER'],
	['cert.pem', 'pem', 'CERTIFICATE'],
	['chain.pem', 'pem', '2× CERTIFICATE'],
	['key-and-cert.pem', 'pem', 'PRIVATE KEY'],
	['ec-ca.pem', 'pem', 'CERTIFICATE'],
	['request.csr', 'pem', 'CERTIFICATE REQUEST'],
	['crl.pem', 'pem', 'CRL'],
	['cert.der', 'der-certificate', 'certificate'],
	['request-der.csr', 'der-certificate', 'request'],
	['crl.der', 'der-certificate', 'CRL'],
	['chain.p7b', 'pkcs7', 'PKCS7'],
	['chain-der.p7b', 'pkcs7', 'SignedData'],
	['rsa-key-pkcs8.pem', 'private-key', 'PRIVATE KEY'],
	['rsa-key-pkcs1.pem', 'private-key', 'RSA PRIVATE KEY'],
	['rsa-key-encrypted.pem', 'private-key', 'ENCRYPTED PRIVATE KEY'],
	['ec-key-sec1.pem', 'private-key', 'EC PRIVATE KEY'],
	['rsa-key-pkcs8.der', 'private-key', 'PKCS#8'],
	['rsa-key-pkcs1.der', 'private-key', 'PKCS#1'],
	['rsa-key-encrypted.der', 'private-key', 'encrypted PKCS#8'],
	['ec-key-sec1.der', 'private-key', 'SEC1'],
	['service.wsdl', 'wsdl', 'WSDL 1.1'],
	['service20.wsdl', 'wsdl', 'WSDL 2.0'],
	['envelope11.xml', 'soap-envelope', 'SOAP 1.1'],
	['envelope12.xml', 'soap-envelope', 'SOAP 1.2'],
	['signed.xml', 'xml-signature', 'signature'],
	['encrypted-data.xml', 'xml', 'EncryptedData'],
	['plain.xml', 'xml', '<config>'],
	['nginx.conf', 'tls-config', 'nginx', 'nginx'],
	['apache.conf', 'tls-config', 'Apache', 'apache'],
	['server.xml', 'tls-config', 'Tomcat', 'tomcat'],
	['application.properties', 'tls-config', 'Spring', 'spring'],
	['java.security', 'tls-config', 'java.security', 'java'],
	['haproxy.cfg', 'tls-config', 'HAProxy', 'haproxy'],
	['openssl.cnf', 'tls-config', 'OpenSSL', 'openssl'],
	['testssl.json', 'scan-result', 'testssl', 'testssl'],
	['sslyze.json', 'scan-result', 'sslyze', 'sslyze'],
];

describe('detectKind on generated fixtures', () => {
	it.each(FIXTURE_TABLE)('%s → %s', (file, kind, word, format) => {
		const d = detectFile(FIXTURES, file);
		expect(d.kind).toBe(kind);
		expect(d.reason).toContain(word);
		if (format) expect(d.format).toBe(format);
	});

	it('covers every input kind with at least one real file', () => {
		const covered = new Set<InputKind>([...FIXTURE_TABLE.map((row) => row[1]), 'unknown']);
		expect([...covered].sort()).toEqual([...INPUT_KINDS].sort());
	});
});

describe('content wins over the extension', () => {
	it.each([
		['cert-named.txt', 'der-certificate'],
		['jks-named.pem', 'jks'],
		['nginx-named.xml', 'tls-config'],
	] as const)('%s → %s', (file, kind) => {
		expect(detectFile(FIXTURES, file).kind).toBe(kind);
	});

	it('a PKCS#12 named .jks is still PKCS#12, a JKS named .p12 is still JKS', () => {
		expect(detectFile(FIXTURES, 'client.p12', 'client.jks').kind).toBe('pkcs12');
		expect(detectFile(FIXTURES, 'store.jks', 'store.p12').kind).toBe('jks');
	});
});

describe('hostile inputs give unknown with a short reason, never an exception', () => {
	it.each([
		['empty.pem', 'empty'],
		['whitespace.txt', 'whitespace'],
		['random.bin', 'binary'],
		['random.p12', 'binary'],
		['four-bytes.bin', 'binary'],
		['truncated.der', 'truncated'],
		['broken.json', 'JSON'],
		['notes.txt', 'not PEM'],
		['page.html', 'HTML'],
		['bare-base64.txt', 'base64'],
	] as const)('%s', (file, word) => {
		const d = detectFile(FIXTURES, file);
		expect(d.kind).toBe('unknown');
		expect(d.reason).toContain(word);
		expect(d.reason.length).toBeLessThan(120);
	});

	it('a truncated PKCS#12 keeps its kind (its parser says where it breaks)', () => {
		const d = detectFile(FIXTURES, 'truncated.p12');
		expect(d.kind).toBe('pkcs12');
		expect(d.reason).toContain('truncated');
	});

	it('a truncated PEM keeps its kind and says it is truncated', () => {
		const d = detectFile(FIXTURES, 'truncated.pem');
		expect(d.kind).toBe('pem');
		expect(d.reason).toContain('truncated');
	});

	it('a truncated WSDL is still recognized by its root and flagged', () => {
		const d = detectFile(FIXTURES, 'truncated.wsdl');
		expect(d.kind).toBe('wsdl');
		expect(d.reason).toContain('truncated');
	});

	it('deeply nested indefinite-length DER does not throw', () => {
		const bytes = new Uint8Array(400_000);
		for (let i = 0; i < bytes.length; i += 2) bytes.set([0x30, 0x80], i);
		const d = detectKind('deep.der', bytes);
		expect(d.kind).toBe('unknown');
	});

	it('random buffers of every small size never throw', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff;
		for (let n = 0; n < 600; n++) {
			const bytes = Uint8Array.from({ length: n % 97 }, next);
			if (n % 3 === 0 && bytes.length > 0) bytes[0] = 0x30;
			const d = detectKind(`r${n}.bin`, bytes);
			expect(INPUT_KINDS).toContain(d.kind);
			expect(d.reason.length).toBeGreaterThan(0);
		}
	});

	it('hex text is recognized as possible key material (xmlenc and wss fixtures)', () => {
		const aes = detectFile(resolve(FIXTURES, '../xmlenc'), 'shared-aes256.hex');
		expect(aes).toMatchObject({ kind: 'unknown' });
		expect(aes.reason).toContain('hex text (32 bytes)');
		expect(detectFile(resolve(FIXTURES, '../wss'), 'hmac.key').reason).toContain('hex text');
	});

	it('JSON wins over PEM armour inside it (testssl.sh embeds the certificate)', () => {
		const pem = readFileSync(resolve(FIXTURES, 'cert.pem'), 'utf8');
		const scan = JSON.stringify([
			{ id: 'cert', severity: 'INFO', finding: pem },
			{ id: 'TLS1_2', severity: 'OK', finding: 'offered' },
		]);
		expect(detectKind('scan.json', new TextEncoder().encode(scan))).toMatchObject({
			kind: 'scan-result',
			format: 'testssl',
		});
		// Text that merely starts with a bracket and holds PEM is still PEM.
		expect(detectKind('x.pem', new TextEncoder().encode(`[note]\n${pem}`)).kind).toBe('pem');
	});

	it.each([
		['testssl-legacy-flat.json', 'testssl'],
		['testssl-legacy-pretty.json', 'testssl'],
		['testssl-legacy-std-headers.json', 'testssl'],
		['sslyze-6.1.0-facebook-excerpt.json', 'sslyze'],
		['sslyze-5.0.6-excerpt.json', 'sslyze'],
	])('real scanner output %s is a scan result (tests/fixtures/tls/scans)', (file, format) => {
		const d = detectFile(resolve(FIXTURES, '../tls/scans'), file);
		expect(d).toMatchObject({ kind: 'scan-result', format });
	});

	it.each([
		['node-05-no-minversion.js', 'tls-config', 'node', 'Node.js'],
		['spring-10-env.env', 'tls-config', 'spring', 'Spring'],
		['connector-07-truncated.json', 'tls-config', 'connector', 'does not parse'],
		['testssl-03-truncated.json', 'scan-result', 'testssl', 'does not parse'],
		['sslyze-04-truncated.json', 'scan-result', 'sslyze', 'does not parse'],
	])('audited input %s is %s (%s), so its own parser reads it', (file, kind, format, reason) => {
		// a Node server without TLS options, Spring's environment-variable form, and truncated JSON
		// that still names what it is (its parser gives "JSON syntax error on line N")
		const d = detectFile(resolve(FIXTURES, '../tls/audit'), file);
		expect(d).toMatchObject({ kind, format });
		expect(d.reason).toContain(reason);
	});

	it.each(['tomcat-5.7-old.xml', 'tomcat-6.0-intermediate.xml', 'tomcat-6.0-modern.xml'])(
		"Mozilla's generated Tomcat fragment %s is a Tomcat configuration",
		(file) => {
			const d = detectFile(resolve(FIXTURES, '../tls/mozilla'), file);
			expect(d).toMatchObject({ kind: 'tls-config', format: 'tomcat' });
		},
	);

	it('a name with markup does not change the result', () => {
		const d = detectFile(FIXTURES, 'cert.pem', '<img src=x onerror=alert(1)>.pem');
		expect(d.kind).toBe('pem');
	});
});

interface ManifestKeystore {
	file: string;
	format: string;
}

describe('the shared corpus', () => {
	const manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8')) as {
		keystores: ManifestKeystore[];
	};
	const EXPECTED: Record<string, InputKind[]> = {
		JKS: ['jks'],
		PKCS12: ['pkcs12'],
		'PEM certificate(s)': ['pem'],
		'DER certificate(s)': ['der-certificate'],
		'PEM encrypted PKCS#8 private key': ['private-key'],
		'PEM X.509 CRL': ['pem'],
		'PEM PKCS#10 certificate request': ['pem'],
	};
	it.each(manifest.keystores.map((k) => [k.file, k.format] as const))('%s (%s)', (file, format) => {
		const expected = EXPECTED[format];
		expect(expected, `format ${format} has an expectation`).toBeDefined();
		expect(expected).toContain(detectFile(CORPUS, file).kind);
	});

	it.each([
		['xmlsec/aleksey-xmldsig-01/enveloped-sha256-ecdsa-sha256.xml', 'xml-signature'],
		['xmlsec/merlin-xmlenc-five/encrypt-data-aes128-cbc.xml', 'xml'],
	] as const)('%s → %s', (file, kind) => {
		expect(detectFile(CORPUS, file).kind).toBe(kind);
	});
});

describe('files larger than the 8 MB detection prefix', () => {
	it('a multi-byte character straddling the cut does not make a UTF-8 envelope binary', () => {
		const head =
			'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><p>';
		const cut = 8 * 1024 * 1024;
		// 'é' is two bytes in UTF-8: put its first byte last before the cut
		const filler = 'a'.repeat(cut - head.length - 1);
		const tail = 'é'.repeat(1000) + '</p></soapenv:Body></soapenv:Envelope>';
		const bytes = new TextEncoder().encode(head + filler + tail);
		expect(bytes[cut - 1]).toBe(0xc3);
		expect(detectKind('big.xml', bytes).kind).toBe('soap-envelope');
	});
});
