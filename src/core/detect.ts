// Detects an input's kind by content: magic numbers, DER structure, PEM labels, XML root element
// and namespaces, JSON shape, configuration syntax. The file name's extension only breaks ties.
// Never throws: unknown content is kind `unknown` with a short reason.
import { reasonOf } from './errors';
import {
	children,
	MAX_BER_DEPTH,
	oidText,
	readTlv,
	smallInteger,
	tooDeepAt,
	type Tlv,
} from './asn1/der';
import { utf8OrNull, utf8PrefixOrNull } from './bytes/encoding';
import { declaredDerLength } from './asn1/declared-length';
import type { InputKind } from './report/report';
import { NS } from './xml/namespaces';

export interface Detection {
	kind: InputKind;
	/** One line saying what was recognized, e.g. "JKS keystore (magic FEEDFEED)". */
	reason: string;
	/** For tls-config and scan-result: which syntax (nginx, apache, tomcat, java, spring, …). */
	format?: string;
}

const OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	pbes2: '1.2.840.113549.1.5.13',
} as const;

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Detects an input's kind from its content; the file name's extension only breaks ties.
 * Never throws: anything unrecognized (or too hostile to sniff) is kind `unknown` with a reason.
 * `text`: the bytes' UTF-8 decoding (null when they are not UTF-8), when the caller has it (the
 * analysis decodes a file once and shares the text with detection and parsing); without it a
 * large file's first 8 MB are decoded here.
 */
export function detectKind(name: string, bytes: Uint8Array, text?: string | null): Detection {
	try {
		return detectKindUnsafe(name, bytes, text);
	} catch (error) {
		// Only pathological inputs get here (e.g. DER nested so deep that sniffing overflows the stack).
		const why =
			error instanceof RangeError
				? 'structure nested too deeply'
				: `unreadable structure: ${reasonOf(error)}`;
		return { kind: 'unknown', reason: `content could not be sniffed (${why})` };
	}
}

/** How much of a large file detection decodes. */
const DETECT_PREFIX = 8 * 1024 * 1024;

function detectKindUnsafe(name: string, bytes: Uint8Array, decoded?: string | null): Detection {
	if (bytes.length === 0) return { kind: 'unknown', reason: 'empty file' };
	const magic =
		bytes.length >= 4
			? ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
			: 0;
	if (magic === 0xfeedfeed) return { kind: 'jks', reason: 'JKS keystore (magic FEEDFEED)' };
	if (magic === 0xcececece) return { kind: 'jceks', reason: 'JCEKS keystore (magic CECECECE)' };
	const ext = extensionOf(name);
	if (bytes[0] === 0x30) {
		const der = sniffDer(bytes, ext);
		if (der) return der;
	}
	const bks = sniffBks(bytes);
	if (bks) return bks;
	// Larger files are judged by their first 8 MB; a character the cut splits is left out, or a
	// valid UTF-8 file would be taken for binary when a multi-byte character straddles the cut.
	const text =
		decoded !== undefined
			? // a slice of a whole text shares its characters: no copy
				(decoded?.slice(0, DETECT_PREFIX) ?? null)
			: bytes.length > DETECT_PREFIX
				? utf8PrefixOrNull(bytes.subarray(0, DETECT_PREFIX))
				: utf8OrNull(bytes);
	if (text === null || hasControlCharacters(text.slice(0, 4096))) {
		if (bytes[0] === 0x30) {
			const declared = declaredDerLength(bytes);
			if (declared !== null && declared > bytes.length && truncatedPfx(bytes)) {
				// a damaged keystore is still a keystore: its parser says where it breaks
				return { kind: 'pkcs12', reason: 'PKCS#12 (PFX version 3), truncated' };
			}
			if (declared !== null && declared > bytes.length) {
				return {
					kind: 'unknown',
					reason: `truncated DER data: the outer structure declares ${declared} bytes but the file has ${bytes.length}`,
				};
			}
			const deep = tooDeepAt(bytes);
			if (deep !== null) {
				return {
					kind: 'unknown',
					reason: `DER/BER data nested deeper than ${MAX_BER_DEPTH} levels (element at byte offset ${deep.toLocaleString('en')}): not decoded`,
				};
			}
			return {
				kind: 'unknown',
				reason: 'binary DER data that is not a certificate, key, PKCS#7 or PKCS#12',
			};
		}
		return { kind: 'unknown', reason: 'binary data that is not a keystore, certificate or key' };
	}
	return detectText(text.replace(/^\uFEFF/, ''), ext);
}

/** The first bytes of a PFX: version 3, then a ContentInfo of a PKCS#7 content type. */
function truncatedPfx(bytes: Uint8Array): boolean {
	const first = bytes[1] ?? 0;
	let i = 2 + (first > 0x80 ? first & 0x7f : 0);
	if (bytes[i] !== 0x02 || bytes[i + 1] !== 0x01 || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x30)
		return false;
	const l = bytes[i + 4] ?? 0;
	i += 5 + (l > 0x80 ? l & 0x7f : 0);
	const pkcs7 = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
	return pkcs7.every((b, k) => bytes[i + k] === b);
}

/** DER structures: PKCS#12, PKCS#7, certificate, CSR, CRL, private keys. */
function sniffDer(bytes: Uint8Array, ext: string): Detection | null {
	const top = readTlv(bytes, 0);
	if (!top || top.tag !== 0x30) return null;
	if (top.end !== bytes.length) {
		// Trailing bytes after the top-level structure: truncated or not DER at all.
		if (top.end > bytes.length) return null;
	}
	const kids = children(bytes, top, 16);
	if (!kids || kids.length === 0) return null;
	const [a, b, c] = kids as [Tlv, Tlv | undefined, Tlv | undefined];
	// PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData MacData OPTIONAL }
	if (a.tag === 0x02 && smallInteger(bytes, a) === 3 && b?.tag === 0x30) {
		const ci = children(bytes, b, 4);
		if (ci?.[0]?.tag === 0x06 && oidText(bytes, ci[0]).startsWith('1.2.840.113549.1.7.')) {
			return { kind: 'pkcs12', reason: 'PKCS#12 (PFX version 3)' };
		}
	}
	// ContentInfo { contentType signedData, [0] content }
	if (a.tag === 0x06 && oidText(bytes, a) === OID.signedData) {
		return { kind: 'pkcs7', reason: 'PKCS#7 SignedData (certificate bundle)' };
	}
	// Certificate / CRL / CSR: SEQUENCE { tbs SEQUENCE, algorithm SEQUENCE, signature BIT STRING }
	if (kids.length === 3 && a.tag === 0x30 && b?.tag === 0x30 && c?.tag === 0x03) {
		const tbs = children(bytes, a, 12) ?? [];
		const first = tbs[0];
		if (
			first?.tag === 0xa0 ||
			(first?.tag === 0x02 && tbs[1]?.tag === 0x30 && tbs[2]?.tag === 0x30 && tbs[3]?.tag === 0x30)
		) {
			if (first.tag === 0x02 && tbs[1]?.tag === 0x30 && tbs.length >= 6) {
				return { kind: 'der-certificate', reason: 'DER X.509 certificate (version 1)' };
			}
			if (first.tag === 0xa0) return { kind: 'der-certificate', reason: 'DER X.509 certificate' };
		}
		if (
			first?.tag === 0x02 &&
			tbs[1]?.tag === 0x30 &&
			tbs[2]?.tag === 0x30 &&
			tbs[3]?.tag === 0xa0
		) {
			return { kind: 'der-certificate', reason: 'DER PKCS#10 certificate request' };
		}
		if (tbs.some((t) => t.tag === 0x17 || t.tag === 0x18)) {
			return { kind: 'der-certificate', reason: 'DER X.509 CRL' };
		}
		return { kind: 'der-certificate', reason: 'DER signed structure (certificate-like)' };
	}
	// EncryptedPrivateKeyInfo { algorithm SEQUENCE { OID … }, encryptedData OCTET STRING }
	if (kids.length === 2 && a.tag === 0x30 && b?.tag === 0x04) {
		const alg = children(bytes, a, 2);
		if (alg?.[0]?.tag === 0x06) {
			const oid = oidText(bytes, alg[0]);
			if (
				oid === OID.pbes2 ||
				oid.startsWith('1.2.840.113549.1.5.') ||
				oid.startsWith('1.2.840.113549.1.12.1.')
			) {
				return { kind: 'private-key', reason: 'DER encrypted PKCS#8 private key' };
			}
		}
	}
	// PrivateKeyInfo { version 0|1, algorithm SEQUENCE, privateKey OCTET STRING, … }
	if (a.tag === 0x02 && b?.tag === 0x30 && c?.tag === 0x04) {
		return { kind: 'private-key', reason: 'DER PKCS#8 private key' };
	}
	// RSAPrivateKey: version 0 and eight more INTEGERs; DSA: six INTEGERs
	if (kids.every((k) => k.tag === 0x02) && (kids.length === 9 || kids.length === 6)) {
		return {
			kind: 'private-key',
			reason: kids.length === 9 ? 'DER PKCS#1 RSA private key' : 'DER DSA private key',
		};
	}
	// ECPrivateKey { version 1, privateKey OCTET STRING, [0] params, [1] publicKey }
	if (a.tag === 0x02 && smallInteger(bytes, a) === 1 && b?.tag === 0x04) {
		return { kind: 'private-key', reason: 'DER SEC1 EC private key' };
	}
	if (ext === 'p12' || ext === 'pfx')
		return { kind: 'pkcs12', reason: 'DER structure with a PKCS#12 file name' };
	return null;
}

/** BKS (BouncyCastle) has no magic: version 1|2, salt length, salt, iteration count, then entries. */
function sniffBks(bytes: Uint8Array): Detection | null {
	if (bytes.length < 32) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const version = view.getUint32(0);
	if (version !== 1 && version !== 2) return null;
	const saltLength = view.getUint32(4);
	if (saltLength < 8 || saltLength > 64 || 8 + saltLength + 4 > bytes.length) return null;
	const iterations = view.getUint32(8 + saltLength);
	if (iterations === 0 || iterations > 10_000_000) return null;
	const next = bytes[12 + saltLength] ?? 255;
	if (next <= 5) return { kind: 'bks', reason: `BouncyCastle BKS keystore (version ${version})` };
	return { kind: 'bks', reason: `BouncyCastle keystore header with an encrypted body (UBER)` };
}

/** NUL and other C0 controls (except tab, newline, carriage return, form feed) mark binary data. */
function hasControlCharacters(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return true;
	}
	return false;
}

function detectText(text: string, ext: string): Detection {
	const trimmed = text.trimStart();
	if (trimmed.length === 0) return { kind: 'unknown', reason: 'only whitespace' };
	// JSON first: scanner output (testssl.sh) embeds certificates as PEM inside JSON strings.
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		const json = detectJson(trimmed);
		if (json && (json.kind !== 'unknown' || !text.includes('-----BEGIN '))) return json;
	}
	if (text.includes('-----BEGIN ')) return detectPem(text);
	if (trimmed.startsWith('<')) return detectXml(trimmed, ext);
	const config = detectConfig(text, ext);
	if (config) return config;
	const compact = trimmed.replace(/\s/g, '');
	if (/^[0-9a-fA-F]+$/.test(compact) && compact.length % 2 === 0 && compact.length <= 256) {
		return {
			kind: 'unknown',
			reason: `hex text (${compact.length / 2} bytes): add it under Keys if it is a raw key`,
		};
	}
	if (/^[A-Za-z0-9+/=\s]+$/.test(trimmed) && compact.length >= 64) {
		return { kind: 'unknown', reason: 'bare base64 text without PEM armour' };
	}
	return {
		kind: 'unknown',
		reason: 'text that is not PEM, XML, JSON or a recognized TLS configuration',
	};
}

function detectPem(text: string): Detection {
	const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 .]+)-----/g)].map((m) => m[1] ?? '');
	const ends = [...text.matchAll(/-----END ([A-Z0-9 .]+)-----/g)].length;
	// Keep the kind so the parser can say exactly what is missing; flag the truncation here.
	const truncated = ends < labels.length ? ' (truncated: a BEGIN line has no END line)' : '';
	const isKey = (l: string) => l.endsWith('PRIVATE KEY');
	if (labels.length > 0 && labels.every(isKey)) {
		return {
			kind: 'private-key',
			reason:
				`PEM ${labels[0]}` + (labels.length > 1 ? ` (+${labels.length - 1} more)` : '') + truncated,
		};
	}
	if (labels.length > 0 && labels.every((l) => l === 'PKCS7')) {
		return { kind: 'pkcs7', reason: `PEM PKCS7 bundle${truncated}` };
	}
	const counts = new Map<string, number>();
	for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
	const summary = [...counts].map(([l, n]) => (n > 1 ? `${n}× ${l}` : l)).join(', ');
	return { kind: 'pem', reason: `PEM: ${summary}${truncated}` };
}

interface RootElement {
	local: string;
	ns: string | null;
	/** Namespace declarations and attributes text of the root start tag. */
	attributes: string;
	/** False when the text ends inside the root's start tag (a truncated file). */
	complete: boolean;
}

/**
 * The first element's name and namespace, read from the raw text without building a DOM. One
 * linear pass: PIs, comments and the DOCTYPE are skipped by their terminators (regular
 * expressions rescanned the rest of the text from every unterminated `<!--` or `<?`).
 */
export function sniffXmlRoot(text: string): RootElement | null {
	const name = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
	for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
		if (text.startsWith('<?', i)) {
			const end = text.indexOf('?>', i + 2);
			if (end === -1) return null;
			i = end + 1;
			continue;
		}
		if (text.startsWith('<!--', i)) {
			const end = text.indexOf('-->', i + 4);
			if (end === -1) return null;
			i = end + 2;
			continue;
		}
		if (text.startsWith('<!DOCTYPE', i)) {
			const bracket = text.indexOf('[', i);
			const close = text.indexOf('>', i);
			if (close === -1) return null;
			// an internal subset ends with "]" then ">"
			const end = bracket !== -1 && bracket < close ? text.indexOf(']', bracket) : close;
			if (end === -1) return null;
			i = text.indexOf('>', end);
			if (i === -1) return null;
			continue;
		}
		const qname = name.exec(text.slice(i + 1, i + 1 + 512))?.[0];
		if (!qname) continue;
		const from = i + 1 + qname.length;
		const gt = text.indexOf('>', from);
		const attributes = text.slice(from, gt === -1 ? text.length : gt);
		const colon = qname.indexOf(':');
		const prefix = colon === -1 ? '' : qname.slice(0, colon);
		const local = colon === -1 ? qname : qname.slice(colon + 1);
		const decl = prefix
			? new RegExp(`xmlns:${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`).exec(
					attributes,
				)
			: /xmlns\s*=\s*["']([^"']*)["']/.exec(attributes);
		return { local, ns: decl?.[1] ?? null, attributes, complete: gt !== -1 };
	}
	return null;
}

function detectXml(text: string, ext: string): Detection {
	const root = sniffXmlRoot(text);
	if (!root) return { kind: 'unknown', reason: 'starts like XML but has no element' };
	const detection = detectXmlRoot(text, ext, root);
	if (root.complete) return detection;
	return { ...detection, reason: `${detection.reason} (truncated inside the first start tag)` };
}

/** Apache httpd section containers look like XML elements but the file is a configuration. */
const APACHE_SECTIONS = /^(VirtualHost|IfModule|IfDefine|Directory|DirectoryMatch|Location|Files)$/;

function detectXmlRoot(text: string, ext: string, root: RootElement): Detection {
	const { local, ns } = root;
	if (ns === null && APACHE_SECTIONS.test(local)) {
		const config = detectConfig(text, ext);
		if (config) return config;
	}
	if (local === 'Envelope' && (ns === NS.soap11 || ns === NS.soap12)) {
		return { kind: 'soap-envelope', reason: `SOAP ${ns === NS.soap11 ? '1.1' : '1.2'} envelope` };
	}
	if (local === 'definitions' && ns === NS.wsdl11)
		return { kind: 'wsdl', reason: 'WSDL 1.1 definitions' };
	if (local === 'description' && ns === NS.wsdl20)
		return { kind: 'wsdl', reason: 'WSDL 2.0 description' };
	if (local === 'html' || local === 'HTML')
		return { kind: 'unknown', reason: 'an HTML page, not XML data' };
	if (local === 'Server' && /<Connector\b/.test(text)) {
		return { kind: 'tls-config', reason: 'Tomcat server.xml', format: 'tomcat' };
	}
	// Mozilla's generator and Tomcat's docs hand out bare <Connector> elements to paste
	if (local === 'Connector' && /\bSSLEnabled\s*=|<SSLHostConfig\b/.test(text)) {
		return { kind: 'tls-config', reason: 'Tomcat <Connector> fragment', format: 'tomcat' };
	}
	if (
		local === 'configuration' &&
		/<(system\.serviceModel|system\.net|runtime|appSettings)\b/.test(text)
	) {
		return { kind: 'tls-config', reason: '.NET configuration file', format: 'dotnet' };
	}
	const dsigPrefix = new RegExp(
		`<([\\w.-]+:)?Signature\\b[^>]*xmlns(:[\\w.-]+)?=["']${NS.ds.replace(/[.#/]/g, '\\$&')}["']`,
	);
	const hasSignature =
		(local === 'Signature' && ns === NS.ds) ||
		dsigPrefix.test(text) ||
		(text.includes(NS.ds) && /<([\w.-]+:)?Signature[\s>]/.test(text));
	if (hasSignature) {
		return {
			kind: 'xml-signature',
			reason:
				local === 'Signature'
					? 'XML-DSig enveloping signature'
					: `XML document <${local}> with an XML signature`,
		};
	}
	if ((local === 'EncryptedData' || local === 'EncryptedKey') && ns === NS.xenc) {
		return { kind: 'xml', reason: `XML Encryption ${local}` };
	}
	if (ext === 'wsdl')
		return { kind: 'xml', reason: `XML <${local}> (named .wsdl but not a WSDL root)` };
	return { kind: 'xml', reason: `XML document <${local}>${ns ? ` in ${ns}` : ''}` };
}

/** JSON that does not parse but shows, near its start, the keys of a TLS input. */
const BROKEN_JSON: readonly {
	kind: 'scan-result' | 'tls-config';
	format: string;
	reason: string;
	test: RegExp;
}[] = [
	{
		kind: 'scan-result',
		format: 'sslyze',
		reason: 'sslyze JSON',
		test: /"(server_scan_results|sslyze_version)"\s*:/,
	},
	{
		kind: 'scan-result',
		format: 'testssl',
		reason: 'testssl.sh JSON (pretty)',
		test: /"scanResult"\s*:/,
	},
	{
		kind: 'scan-result',
		format: 'testssl',
		reason: 'testssl.sh JSON (flat)',
		test: /^\s*\[\s*\{\s*"id"\s*:[^}]*"finding"\s*:/,
	},
	{
		kind: 'tls-config',
		format: 'connector',
		reason: 'JSON connector declaration',
		test: /^\s*\{\s*"connector"\s*:\s*\{/,
	},
	{
		kind: 'tls-config',
		format: 'mail',
		reason: 'JSON e-mail account declaration',
		test: /^\s*\{\s*"emailAccount"\s*:\s*\{/,
	},
];

function detectJson(text: string): Detection | null {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		// the kind is what detection decides; a parser would give the details
		if (!(error instanceof SyntaxError)) throw error;
		// A truncated scan or declaration still names what it is: its parser says where it breaks
		// ("JSON syntax error on line N") on the card, which a generic "unknown" would hide.
		const broken = BROKEN_JSON.find((b) => b.test.test(text.slice(0, 4096)));
		if (broken)
			return {
				kind: broken.kind,
				reason: `${broken.reason} that does not parse (truncated or malformed)`,
				format: broken.format,
			};
		return { kind: 'unknown', reason: 'looks like JSON but does not parse' };
	}
	const isRecord = (v: unknown): v is Record<string, unknown> =>
		typeof v === 'object' && v !== null && !Array.isArray(v);
	if (
		Array.isArray(value) &&
		value.length > 0 &&
		value.every((v) => isRecord(v) && 'id' in v && 'finding' in v)
	) {
		return { kind: 'scan-result', reason: 'testssl.sh JSON (flat)', format: 'testssl' };
	}
	if (isRecord(value)) {
		if (Array.isArray(value['scanResult']))
			return { kind: 'scan-result', reason: 'testssl.sh JSON (pretty)', format: 'testssl' };
		if (Array.isArray(value['server_scan_results']))
			return { kind: 'scan-result', reason: 'sslyze JSON', format: 'sslyze' };
		if (isRecord(value['connector']))
			return { kind: 'tls-config', reason: 'JSON connector declaration', format: 'connector' };
		if (isRecord(value['emailAccount']))
			return { kind: 'tls-config', reason: 'JSON e-mail account declaration', format: 'mail' };
	}
	return {
		kind: 'unknown',
		reason:
			'JSON that is not a testssl.sh or sslyze result, a connector or an e-mail account declaration',
	};
}

/** Configuration syntaxes, most specific first. */
const CONFIG_PATTERNS: readonly { format: string; reason: string; test: RegExp }[] = [
	{
		format: 'nginx',
		reason: 'nginx configuration',
		test: /^[ \t]*(ssl_protocols|ssl_ciphers|ssl_certificate|proxy_ssl_\w+|listen\s+[^;]*\bssl\b)[^;\n]*;/m,
	},
	{
		format: 'nginx',
		reason: 'nginx configuration',
		test: /^[ \t]*(server|http|stream|mail)\s*\{/m,
	},
	{
		format: 'apache',
		reason: 'Apache httpd (mod_ssl) configuration',
		test: /^[ \t]*(SSLProtocol|SSLCipherSuite|SSLEngine|SSLProxyEngine|SSLCertificateFile)\b/m,
	},
	{ format: 'apache', reason: 'Apache httpd configuration', test: /^[ \t]*<VirtualHost\b/m },
	{
		format: 'haproxy',
		reason: 'HAProxy configuration',
		test: /^[ \t]*(ssl-default-bind-\w+|ssl-default-server-\w+|ssl-server-verify)\b|^[ \t]*bind\s+\S+.*\bssl\b|^[ \t]*(frontend|backend|listen)[ \t]+\S+[ \t\r]*$/m,
	},
	{
		format: 'openssl',
		reason: 'OpenSSL configuration',
		test: /^[ \t]*(openssl_conf|ssl_conf|system_default)\s*=|^[ \t]*(MinProtocol|MaxProtocol|CipherString|Ciphersuites)\s*=/m,
	},
	{
		format: 'java',
		reason: 'java.security properties',
		test: /^[ \t]*(jdk\.tls\.disabledAlgorithms|jdk\.certpath\.disabledAlgorithms|jdk\.tls\.legacyAlgorithms|keystore\.type)\s*[=:]/m,
	},
	{
		format: 'mail',
		reason: 'e-mail account settings (JavaMail properties)',
		test: /^[ \t]*(spring\.mail\.|mail\.(smtp|smtps|imap|imaps|pop3|pop3s|transport|store)\.)/m,
	},
	{
		format: 'spring',
		reason: 'Spring Boot properties',
		// relaxed binding: environment variables name the same properties (RULES.md 4.5)
		test: /^[ \t]*(server\.ssl\.|spring\.ssl\.bundle\.|(export[ \t]+)?(SERVER_SSL_|SPRING_SSL_BUNDLE_)\w*[ \t]*=)/m,
	},
	{
		format: 'spring',
		reason: 'Spring Boot YAML',
		test: /^server:[ \t\r]*$[\s\S]*^[ \t]+ssl:[ \t\r]*$/m,
	},
	{
		format: 'java',
		reason: 'Java system properties / JVM options',
		test: /-D(jdk\.tls\.|javax\.net\.ssl\.|https\.protocols|https\.cipherSuites|java\.security\.properties)|^[ \t]*(jdk\.tls\.client\.protocols|jdk\.tls\.server\.protocols|https\.protocols|javax\.net\.ssl\.\w+)\s*=/m,
	},
	{
		format: 'node',
		reason: 'Node.js TLS options',
		// a server or client without TLS options is graded on Node's defaults (as the TLS reader does)
		test: /--tls-(min|max)-v1|tls\.DEFAULT_(MIN|MAX)_VERSION|NODE_TLS_REJECT_UNAUTHORIZED|\b(minVersion|secureProtocol|rejectUnauthorized)\s*:|\b(tls|https)\.(connect|request|createServer|Agent)\b/,
	},
	{
		format: 'dotnet',
		reason: '.NET TLS settings',
		test: /SecurityProtocolType\.|SslProtocols\.|ServicePointManager/,
	},
	{
		format: 'mail',
		reason: 'e-mail account settings',
		test: /^[ \t]*(smtp|imap|pop3)[._-]?(host|server|port)\s*[=:]/im,
	},
	{
		format: 'runtime',
		reason: 'runtime version output (nginx -V, java -version)',
		test: /^[ \t]*nginx version: nginx\/\d|^[ \t]*(openjdk|java) version "\d/m,
	},
];

function detectConfig(text: string, ext: string): Detection | null {
	for (const p of CONFIG_PATTERNS) {
		if (p.test.test(text)) return { kind: 'tls-config', reason: p.reason, format: p.format };
	}
	if (ext === 'conf' || ext === 'cnf') {
		return null;
	}
	return null;
}
