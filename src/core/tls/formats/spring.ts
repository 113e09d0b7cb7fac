// Spring Boot (RULES.md 4.5): application.properties / application.yml with relaxed binding,
// server.ssl.*, SSL bundles, and spring.mail.* (handed to the mail reader).
import { javaVersionHint } from './java';
import type { Node } from 'yaml';
import { ParseError } from '../../errors';
import { emptyParse, origin, type DeclaredEndpoint, type TlsParse } from '../model';
import { basename, parseProperties, versionList, type PropLine } from './text';
import { mailEndpoints } from './mail';
import { isSpringYaml, yamlLib } from './yaml';
import { assertYamlDepth } from './yaml-depth';

const scalarText = (v: unknown): string =>
	typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** Flattens YAML into dotted keys with the line of each scalar. */
function flattenYaml(text: string): PropLine[] {
	assertYamlDepth(text);
	const { LineCounter, parseDocument, isMap, isSeq, isScalar } = yamlLib();
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc });
	if (doc.errors.length > 0) {
		const e = doc.errors[0];
		throw new ParseError(
			'tls/yaml-syntax',
			`YAML syntax error on line ${e?.linePos?.[0].line ?? '?'}: ${e?.message.split('\n')[0] ?? ''}`,
		);
	}
	const out: PropLine[] = [];
	const walk = (node: Node | null | undefined, path: string) => {
		if (!node) return;
		if (isMap(node)) {
			for (const item of node.items) {
				const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
				walk(item.value as Node, path ? `${path}.${k}` : k);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => walk(item as Node, `${path}[${i}]`));
		} else if (isScalar(node)) {
			out.push({
				key: path,
				value: scalarText(node.value),
				line: lc.linePos(node.range?.[0] ?? 0).line,
			});
		}
	};
	walk(doc.contents, '');
	return out;
}

/** Relaxed binding: `enabledProtocols`, `enabled-protocols`, `ENABLED_PROTOCOLS` are one key. */
/** Relaxed binding: `server.ssl.enabledProtocols`, `enabled-protocols` and `SERVER_SSL_ENABLED_PROTOCOLS` compare equal. */
const canon = (k: string) => k.toLowerCase().replace(/[-_.]/g, '');

export function parseSpring(text: string, inputName: string): TlsParse {
	const javaHint = javaVersionHint(text);
	const parse = emptyParse('spring');
	const isYaml = isSpringYaml(text);
	const props = isYaml ? flattenYaml(text) : parseProperties(text);
	const lists = new Map<string, { values: string[]; line: number; key: string }>();
	for (const p of props) {
		const key = canon(p.key.replace(/\[\d+\]$/, ''));
		const indexed = /\[\d+\]$/.test(p.key);
		const prev = lists.get(key);
		if (prev && !indexed) {
			// Set twice: the later line wins, as Spring's property sources do; say so with both.
			parse.notes.push({
				level: 'warning',
				line: p.line,
				message: `${p.key} is set twice: line ${prev.line} (${prev.values.join(',')}) and line ${p.line} (${p.value}); the later one is used`,
			});
			lists.delete(key);
		}
		const entry = lists.get(key) ?? {
			values: [],
			line: p.line,
			key: p.key.replace(/\[\d+\]$/, ''),
		};
		entry.values.push(
			...p.value
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean),
		);
		lists.set(key, entry);
	}
	const get = (k: string) => lists.get(canon(k));
	const set = <T>(k: string, value: T) => {
		const e = get(k);
		return {
			value,
			origin: origin(
				inputName,
				e?.key ?? k,
				e?.line ?? null,
				`${e?.key ?? k}=${e?.values.join(',') ?? ''}`,
			),
		};
	};
	const sslKeys = [...lists.keys()].filter((k) => k.startsWith('serverssl'));
	const enabled = get('server.ssl.enabled');
	if (sslKeys.length > 0 && !(enabled && /^false$/i.test(enabled.values[0] ?? ''))) {
		const port = Number(get('server.port')?.values[0] ?? '') || 8443;
		const ep: DeclaredEndpoint = {
			label: `server.ssl on port ${port}`,
			format: 'spring',
			role: 'server',
			scheme: 'https',
			host: null,
			port,
			line: get('server.ssl.enabled')?.line ?? get(sslKeys[0] ?? '')?.line ?? null,
			product: 'Spring Boot (embedded Tomcat)',
			productVersion: null,
			// A JDK named in the file (java -version text, JAVA_HOME path, comment) is its runtime.
			...(javaHint ? { runtime: `Java ${javaHint}` } : {}),
			stack: 'jsse',
			validationDisabled: [],
			certificateFiles: [],
			defaults: {
				protocols: 'embedded server default (Tomcat "all" limited by the JVM)',
				ciphers: 'JVM default suites',
			},
		};
		// Boot 3.1+: server.ssl.bundle names an SSL bundle whose options apply to the server.
		const bundleName = get('server.ssl.bundle')?.values[0];
		const bundleKey = (leaf: string) =>
			['jks', 'pem']
				.map((t) => `spring.ssl.bundle.${t}.${bundleName ?? ''}.${leaf}`)
				.find((k) => get(k));
		const protoKey = get('server.ssl.enabled-protocols')
			? 'server.ssl.enabled-protocols'
			: bundleName
				? bundleKey('options.enabled-protocols')
				: undefined;
		const protos = protoKey ? get(protoKey) : undefined;
		if (protoKey && protos)
			ep.protocols = set(protoKey, versionList(protos.values.join(',')).versions);
		const cipherKey = get('server.ssl.ciphers')
			? 'server.ssl.ciphers'
			: bundleName
				? bundleKey('options.ciphers')
				: undefined;
		const ciphers = cipherKey ? get(cipherKey) : undefined;
		if (cipherKey && ciphers) ep.cipherList = set(cipherKey, ciphers.values);
		const bundleStore = bundleName ? bundleKey('keystore.location') : undefined;
		const bs = bundleStore ? get(bundleStore)?.values[0] : undefined;
		if (bs) ep.certificateFiles.push(basename(bs.replace(/^(classpath|file):/, '')));
		const ks = get('server.ssl.key-store');
		if (ks?.values[0])
			ep.certificateFiles.push(basename(ks.values[0].replace(/^(classpath|file):/, '')));
		const cert = get('server.ssl.certificate');
		if (cert?.values[0])
			ep.certificateFiles.push(basename(cert.values[0].replace(/^(classpath|file):/, '')));
		parse.endpoints.push(ep);
	}
	for (const entry of lists.values()) {
		const m =
			/^spring\.ssl\.bundle\.(jks|pem)\.([^.]+)\.options\.(enabled-?protocols|ciphers)$/i.exec(
				entry.key,
			);
		if (!m) continue;
		if (canon(m[2] ?? '') === canon(get('server.ssl.bundle')?.values[0] ?? '-')) continue;
		parse.notes.push({
			level: 'info',
			line: entry.line,
			message: `SSL bundle "${m[2] ?? ''}" sets ${entry.key}; bundles are graded only where server.ssl.bundle names them`,
		});
	}
	const mailProps = props.filter((p) => canon(p.key).startsWith('springmail'));
	if (mailProps.length > 0) {
		const host = mailProps.find((p) => canon(p.key) === canon('spring.mail.host'));
		const port = mailProps.find((p) => canon(p.key) === canon('spring.mail.port'));
		const proto =
			mailProps.find((p) => canon(p.key) === canon('spring.mail.protocol'))?.value ?? 'smtp';
		const translated: PropLine[] = mailProps
			.filter((p) => p.key.startsWith('spring.mail.properties.'))
			.map((p) => ({ ...p, key: p.key.slice('spring.mail.properties.'.length) }));
		if (host) translated.push({ key: `mail.${proto}.host`, value: host.value, line: host.line });
		if (port) translated.push({ key: `mail.${proto}.port`, value: port.value, line: port.line });
		parse.endpoints.push(...mailEndpoints(translated, inputName, parse));
	}
	if (parse.endpoints.length === 0)
		parse.notes.push({
			level: 'info',
			line: null,
			message: 'no server.ssl.* or spring.mail.* settings found',
		});
	return parse;
}
