// Tomcat server.xml (RULES.md 4.4): Connector + SSLHostConfig + Certificate, legacy connector
// attributes as aliases of the _default_ host, the `protocols` grammar and Tomcat's defaults.
import { javaVersionHint } from './java';
import type { Element } from '@xmldom/xmldom';
import type { TlsVersion } from '../../report/report';
import { parseXml } from '../../xml/safe-parse';
import { emptyParse, origin, type DeclaredEndpoint, type Setting, type TlsParse } from '../model';
import { normalizeVersion, serverAcceptsVersion } from '../versions';
import { basename, versionHint } from './text';

export const TOMCAT_DEFAULT_CIPHERS = 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!kRSA';

/**
 * SSLHostConfig.setProtocols: from an empty set, `+X` adds, `-X` removes, bare adds; `all`.
 * JSSE names are case-sensitive: Tomcat skips a name it does not implement (and refuses to start
 * the connector when none is left). Such a token is reported through `onUnknown` with the version
 * it looks like, which it may add but never remove: never a better grade than the file.
 */
export function evalTomcatProtocols(
	value: string,
	onUnknown: (t: string, reading: TlsVersion | null) => void,
): TlsVersion[] {
	const all: TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
	const set = new Set<TlsVersion>();
	for (const m of value.matchAll(/([+-]?)([^,+\-\s]+(?:\.\d)?)/g)) {
		const op = m[1] ?? '';
		const token = m[2] ?? '';
		if (/^SSLv2Hello$/i.test(token)) continue;
		if (!/^all$/i.test(token) && !serverAcceptsVersion(token, 'jsse')) {
			const reading = normalizeVersion(token);
			onUnknown(token, reading);
			if (reading && op !== '-') set.add(reading);
			continue;
		}
		const values = /^all$/i.test(token)
			? all
			: [normalizeVersion(token)].filter((v): v is TlsVersion => v !== null);
		for (const v of values) {
			if (op === '-') set.delete(v);
			else set.add(v);
		}
	}
	return [...set];
}

const lineOf = (e: Element): number | null =>
	(e as unknown as { lineNumber?: number }).lineNumber ?? null;

/** A cipher value is an OpenSSL string unless every comma-separated token is a suite name. */
export function looksLikeSuiteList(value: string): boolean {
	return (
		!value.includes(':') &&
		value
			.split(/[\s,]+/)
			.filter(Boolean)
			.every((t) => /^(TLS|SSL)_/.test(t))
	);
}

/**
 * The Mozilla generator (and most documentation) hands out bare `<Connector>` elements, often
 * two side by side, to paste into server.xml. Such a fragment has no single root: wrap it in a
 * `<Server>` on the same line so line numbers still point into the user's text.
 */
export function wrapConnectorFragment(text: string): string {
	if (/<Server\b/.test(text)) return text;
	const decl = /^\uFEFF?\s*<\?xml[^>]*\?>/.exec(text);
	const at = decl ? decl[0].length : 0;
	return `${text.slice(0, at)}<Server>${text.slice(at)}</Server>`;
}

export function parseTomcat(text: string, inputName: string): TlsParse {
	const javaHint = javaVersionHint(text);
	const parse = emptyParse('tomcat');
	const wrapped = wrapConnectorFragment(text);
	const { doc } = parseXml(wrapped);
	if (wrapped !== text) {
		parse.notes.push({
			level: 'info',
			line: null,
			message: 'a <Connector> fragment without <Server>: read as if it were inside server.xml',
		});
	}
	const version = versionHint(text, /Tomcat[ /](\d+\.\d+(?:\.\d+)?)/i);
	const connectors = [...doc.getElementsByTagName('Connector')];
	const attr = (e: Element, ...names: string[]) => {
		for (const n of names) {
			const a = e.getAttribute(n);
			if (a !== null) return { name: n, value: a };
		}
		return null;
	};
	for (const c of connectors) {
		const sslEnabled =
			/^true$/i.test(c.getAttribute('SSLEnabled') ?? '') ||
			/^https$/i.test(c.getAttribute('scheme') ?? '');
		if (!sslEnabled) continue;
		const port = Number(c.getAttribute('port') ?? '') || null;
		const protocol = c.getAttribute('protocol') ?? 'HTTP/1.1';
		const apr = /Apr/i.test(protocol);
		const hostConfigs = [...c.getElementsByTagName('SSLHostConfig')];
		const hosts: (Element | null)[] = hostConfigs.length ? hostConfigs : [null];
		for (const h of hosts) {
			const el = h ?? c;
			const line = lineOf(el);
			const set = <T>(e: Element, name: string, value: T, raw: string): Setting<T> => ({
				value,
				origin: origin(inputName, `${e.tagName}@${name}`, lineOf(e), raw),
			});
			// Each SSLHostConfig is a virtual host of its own (SNI): its hostName keeps it apart from
			// the connector's other SSLHostConfigs; `_default_` (or none) is the connector's default.
			const hostName = h?.getAttribute('hostName') ?? '_default_';
			const ep: DeclaredEndpoint = {
				label: `Connector port ${port ?? '?'}${h ? ` SSLHostConfig ${hostName}` : ''} (line ${line ?? '?'})`,
				format: 'tomcat',
				role: 'server',
				scheme: 'https',
				host: hostName === '_default_' ? null : hostName.toLowerCase(),
				port,
				line,
				product: 'Tomcat',
				productVersion: version,
				// A JDK named in the file (java -version text, JAVA_HOME path, comment) is its runtime.
				...(javaHint ? { runtime: `Java ${javaHint}` } : {}),
				stack: apr ? 'openssl' : 'jsse',
				validationDisabled: [],
				certificateFiles: [],
				defaults: {
					protocols: 'Tomcat default protocols="all" (limited by the JVM/OpenSSL)',
					ciphers: `Tomcat default ciphers ${TOMCAT_DEFAULT_CIPHERS}`,
				},
			};
			const pa =
				(h ? attr(h, 'protocols', 'sslEnabledProtocols') : null) ??
				attr(c, 'sslEnabledProtocols', 'SSLProtocol', 'protocols');
			if (pa) {
				const src = h && h.getAttribute(pa.name) !== null ? h : c;
				const unknown: string[] = [];
				const versions = evalTomcatProtocols(pa.value, (t, reading) => {
					unknown.push(t);
					parse.notes.push({
						level: 'error',
						line: lineOf(src),
						message: `${pa.name}="${pa.value}": "${t}" is not a protocol name JSSE knows (names are case-sensitive: SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); Tomcat skips it${reading ? `; graded as if it added ${reading}, never better than the file` : ''}`,
					});
				});
				const tokens = pa.value.split(/[,+\s]+/).filter((t) => t && !t.startsWith('-'));
				if (unknown.length > 0 && tokens.every((t) => unknown.includes(t)))
					parse.notes.push({
						level: 'error',
						line: lineOf(src),
						message: `${pa.name}="${pa.value}": no protocol name Tomcat can enable is left, so the connector fails to start ("none of the protocols specified are supported")`,
					});
				ep.protocols = set(src, pa.name, versions, `${pa.name}="${pa.value}"`);
			}
			const ca = (h ? attr(h, 'ciphers') : null) ?? attr(c, 'ciphers', 'SSLCipherSuite');
			if (ca) {
				const src = h && h.getAttribute(ca.name) !== null ? h : c;
				if (looksLikeSuiteList(ca.value))
					ep.cipherList = set(
						src,
						ca.name,
						ca.value.split(/[\s,]+/).filter(Boolean),
						`${ca.name}="${ca.value}"`,
					);
				else
					ep.cipherString = set(
						src,
						ca.name,
						ca.value.replace(/,/g, ':'),
						`${ca.name}="${ca.value}"`,
					);
			} else {
				ep.cipherString = {
					value: TOMCAT_DEFAULT_CIPHERS,
					origin: origin(null, 'default', null, ep.defaults.ciphers),
				};
			}
			const t13 = h ? attr(h, 'cipherSuites') : null;
			if (t13 && h)
				ep.tls13Suites = set(
					h,
					'cipherSuites',
					t13.value.split(/[:,\s]+/).filter(Boolean),
					`cipherSuites="${t13.value}"`,
				);
			for (const cert of h ? [...h.getElementsByTagName('Certificate')] : []) {
				const f =
					cert.getAttribute('certificateKeystoreFile') ?? cert.getAttribute('certificateFile');
				if (f) ep.certificateFiles.push(basename(f));
			}
			const legacyKs = c.getAttribute('keystoreFile');
			if (legacyKs) ep.certificateFiles.push(basename(legacyKs));
			parse.endpoints.push(ep);
		}
	}
	if (parse.endpoints.length === 0)
		parse.notes.push({ level: 'info', line: null, message: 'no Connector has SSLEnabled="true"' });
	return parse;
}
