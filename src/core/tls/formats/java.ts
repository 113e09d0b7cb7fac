// Java runtime settings (RULES.md 4.3): java.security properties and -D system properties / JVM
// options, plus a `java -version` banner when pasted in.
import { emptyParse, origin, type JavaDecl, type Setting, type TlsParse } from '../model';
import { parseProperties, versionList } from './text';

/** "1.8.0_202" → "8u202", "17.0.2" → "17.0.2", "8u202" → "8u202". */
export function normalizeJavaVersion(v: string): string {
	const legacy = /^1\.(\d+)\.0(?:_(\d+))?/.exec(v);
	if (legacy) return legacy[2] ? `${legacy[1]}u${legacy[2]}` : (legacy[1] ?? v);
	return v;
}

/**
 * A version banner: `openjdk version "17.0.15"` (`java -version`), `java-17-openjdk`, JDK paths
 * such as `/opt/jdk-17.0.9`, `jdk1.8.0_202`, `temurin-17.0.9`, `# JDK 8u202`, `Java 8u301`.
 */
export function javaVersionHint(text: string): string | null {
	const m =
		/(?:java|openjdk) version "([^"]+)"/i.exec(text) ??
		/java-(\d+)-openjdk/i.exec(text) ??
		/\b(?:jdk|jre)-?(1\.\d\.0_\d+|\d{1,2}(?:\.\d+\.\d+)?(?:\+\d+)?)(?![\w.])/i.exec(text) ??
		/\b(?:temurin|zulu|corretto)[-_]?(\d{1,2}\.\d+\.\d+)/i.exec(text) ??
		/\b(?:JDK|Java|JRE)\s*(\d+u\d+|1\.\d\.0_\d+|\d{1,2}\.\d+\.\d+)\b/i.exec(text);
	return m?.[1] ? normalizeJavaVersion(m[1]) : null;
}

const SYSTEM_PROPS = new Set([
	'jdk.tls.client.protocols',
	'jdk.tls.server.protocols',
	'https.protocols',
	'jdk.tls.client.ciphersuites',
	'jdk.tls.server.ciphersuites',
	'https.ciphersuites',
	'jdk.tls.ephemeraldhkeysize',
	'jdk.tls.namedgroups',
	'jdk.internal.httpclient.disablehostnameverification',
	'com.sun.net.ssl.checkrevocation',
	'java.security.properties',
	'javax.net.ssl.keystore',
	'javax.net.ssl.keystorepassword',
	'javax.net.ssl.keystoretype',
	'javax.net.ssl.truststore',
	'javax.net.ssl.truststorepassword',
	'javax.net.ssl.truststoretype',
	'jdk.tls.disabledalgorithms',
	'jdk.certpath.disabledalgorithms',
	'jdk.tls.legacyalgorithms',
	'keystore.type',
	'jdk.tls.keylimits',
	'jdk.disabled.namedcurves',
	'securerandom.source',
	'jdk.tls.allowunsafeservercertchange',
	'sun.security.ssl.allowunsaferenegotiation',
	'sun.security.ssl.allowlegacyhellomessages',
]);

export function readJava(
	text: string,
	inputName: string,
	decl: JavaDecl,
	notes: TlsParse['notes'],
): void {
	const entries: { key: string; value: string; line: number }[] = [];
	// -Dkey=value anywhere (JAVA_OPTS, setenv.sh, a command line, Pega JVM arguments).
	const lines = text.split(/\r?\n/);
	lines.forEach((l, i) => {
		if (/^\s*#/.test(l)) return;
		for (const m of l.matchAll(/-D([\w.]+)=("[^"]*"|'[^']*'|[^\s"']+)/g)) {
			entries.push({
				key: m[1] ?? '',
				value: (m[2] ?? '').replace(/^["']|["']$/g, ''),
				line: i + 1,
			});
		}
	});
	if (entries.length === 0) {
		for (const p of parseProperties(text)) entries.push(p);
	}
	const firstSeen = new Map<string, { value: string; line: number }>();
	for (const e of entries) {
		const before = firstSeen.get(e.key.toLowerCase());
		if (before && before.value !== e.value)
			notes.push({
				level: 'warning',
				line: e.line,
				message: `${e.key} is set twice: line ${before.line} (${before.value}) and line ${e.line} (${e.value}); the JVM takes the later one`,
			});
		firstSeen.set(e.key.toLowerCase(), { value: e.value, line: e.line });
	}
	const set = <T>(key: string, line: number, raw: string, value: T): Setting<T> => ({
		value,
		origin: origin(inputName, key, line, `${key}=${raw}`),
	});
	for (const { key, value, line } of entries) {
		const k = key.toLowerCase();
		if (k.startsWith('jdk.') || k.startsWith('javax.net.ssl.') || k.startsWith('https.')) {
			if (!SYSTEM_PROPS.has(k))
				notes.push({
					level: 'info',
					line,
					message: `property ${key} is not a TLS setting this analyzer reads; ignored`,
				});
		}
		const versions = () => versionList(value).versions;
		const list = () => value.split(/[\s,]+/).filter(Boolean);
		switch (k) {
			case 'jdk.tls.disabledalgorithms':
				decl.disabledAlgorithms = set(key, line, value, value);
				break;
			case 'jdk.certpath.disabledalgorithms':
				decl.certpathDisabled = set(key, line, value, value);
				break;
			case 'jdk.tls.client.protocols':
				decl.clientProtocols = set(key, line, value, versions());
				break;
			case 'jdk.tls.server.protocols':
				decl.serverProtocols = set(key, line, value, versions());
				break;
			case 'https.protocols':
				decl.httpsProtocols = set(key, line, value, versions());
				break;
			case 'jdk.tls.client.ciphersuites':
			case 'https.ciphersuites':
				decl.clientCipherSuites = set(key, line, value, list());
				break;
			case 'jdk.tls.server.ciphersuites':
				decl.serverCipherSuites = set(key, line, value, list());
				break;
			case 'jdk.tls.ephemeraldhkeysize':
				decl.ephemeralDHKeySize = set(key, line, value, value);
				break;
			case 'jdk.tls.namedgroups':
				decl.namedGroups = set(key, line, value, list());
				break;
			case 'jdk.disabled.namedcurves':
				// names such as "X9.62 c2tnb191v1" hold a space: split on commas only
				decl.disabledNamedCurves = set(
					key,
					line,
					value,
					value
						.split(',')
						.map((c) => c.trim())
						.filter(Boolean),
				);
				break;
			case 'jdk.internal.httpclient.disablehostnameverification':
				if (value === '' || /^true$/i.test(value))
					decl.validationDisabled.push(
						origin(inputName, key, line, `-D${key}${value ? `=${value}` : ''}`),
					);
				break;
			case 'java.security.properties':
				notes.push({
					level: 'info',
					line,
					message: `${key} points to ${value}: drop that file too so it is evaluated${value.startsWith('=') ? ' (== replaces java.security entirely)' : ''}`,
				});
				break;
		}
	}
	if (
		/-Djdk\.internal\.httpclient\.disableHostnameVerification(\s|$)/.test(text) &&
		!decl.validationDisabled.length
	) {
		const i = lines.findIndex((l) => l.includes('disableHostnameVerification'));
		decl.validationDisabled.push(
			origin(
				inputName,
				'jdk.internal.httpclient.disableHostnameVerification',
				i + 1,
				'-Djdk.internal.httpclient.disableHostnameVerification',
			),
		);
	}
}

export function parseJava(text: string, inputName: string): TlsParse {
	const parse = emptyParse('java');
	const java: JavaDecl = { version: javaVersionHint(text), validationDisabled: [] };
	readJava(text, inputName, java, parse.notes);
	parse.java = java;
	return parse;
}
