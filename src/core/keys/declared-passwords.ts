// Keystore passwords declared in configuration files (Tomcat server.xml, Spring Boot properties
// or YAML, JVM -D flags): whether each is a clear-text literal or a reference (${ENV}, ENC(…),
// vault URI, password file), and which keystore file it belongs to (KEYSTORE-PASSWORD-PLAINTEXT).
import { DEFAULT_PASSWORDS } from './default-passwords';

export interface DeclaredPassword {
	/** The directive as written, e.g. 'certificateKeystorePassword' or 'server.ssl.key-store-password'. */
	directive: string;
	/** File name (last path segment) of the keystore the password belongs to, when declared. */
	keystoreFile: string | null;
	plaintext: boolean;
	/** The literal is one of the default passwords (RULES.md 3.6); the value itself is never kept. */
	defaultListed: boolean;
	line: number;
}

const PASSWORD_KEYS =
	/(certificateKeystorePassword|certificateKeyPassword|keystorePass|keyPass|truststorePass|truststorePassword|server\.ssl\.(?:key-store-password|key-password|trust-store-password)|server\.ssl\.(?:keyStorePassword|keyPassword|trustStorePassword)|javax\.net\.ssl\.(?:keyStorePassword|trustStorePassword))/;
const FILE_FOR: Record<string, RegExp> = {
	trust:
		/(truststoreFile|certificateVerificationKeystoreFile|trust-store|trustStore|javax\.net\.ssl\.trustStore)\s*[=:]\s*["']?([^"'\s]+)/i,
	key: /(certificateKeystoreFile|keystoreFile|key-store|keyStore|javax\.net\.ssl\.keyStore)\s*[=:]\s*["']?([^"'\s]+)/i,
};

/** A value that points elsewhere instead of holding the secret. */
export function isReference(value: string): boolean {
	return (
		/^\$\{[^}]+\}$|^ENC\(.*\)$|^vault:|^\{cipher\}|^\{aes\}|^env:|^file:/i.test(value.trim()) ||
		value.includes('${')
	);
}

function baseName(path: string): string {
	return path.replace(/^.*[/\\]/, '').replace(/^classpath:/, '');
}

/**
 * Spring Boot keys that hold a store or key password once YAML nesting is flattened to dotted
 * keys (RULES.md 4.5): `server.ssl.key-store-password`, `…trust-store-password`, `…key-password`,
 * relaxed `keyStorePassword` forms, and SSL bundles `spring.ssl.bundle.<type>.<name>.(keystore|
 * truststore|key).password` / `…private-key-password`.
 */
const SPRING_PASSWORD =
	/^(server\.ssl\.(?:key-store-password|trust-store-password|key-password|keyStorePassword|trustStorePassword|keyPassword)|spring\.ssl\.bundle\.[\w-]+\.[\w-]+\.(?:keystore|truststore|key)\.(?:password|private-key-password))$/;

/** YAML `key: value` lines with their dotted path from the indentation (no flow style). */
function yamlPasswords(text: string): { key: string; value: string; line: number }[] {
	const out: { key: string; value: string; line: number }[] = [];
	const stack: { indent: number; key: string }[] = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		const m = /^(\s*)([\w.\-[\]]+)\s*:(?:\s+(.*?))?\s*$/.exec(raw.replace(/\s+#.*$/, ''));
		if (!m || /^\s*#/.test(raw)) return;
		const indent = (m[1] ?? '').length;
		while (stack.length && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
		const key = [...stack.map((x) => x.key), m[2] ?? ''].join('.');
		const value = (m[3] ?? '').replace(/^["']|["']$/g, '');
		if (value === '') stack.push({ indent, key: m[2] ?? '' });
		else out.push({ key, value, line: i + 1 });
	});
	return out;
}

/** An SSL bundle's store location: `….keystore.location` beside `….keystore.password`. */
function bundleLocation(directive: string, values: Map<string, string>): string | null {
	const m = /^(spring\.ssl\.bundle\.[\w-]+\.[\w-]+)\.(keystore|truststore|key)\./.exec(directive);
	if (!m) return null;
	const store = m[2] === 'key' ? 'keystore' : m[2];
	const loc = values.get(`${m[1] ?? ''}.${store ?? ''}.location`);
	return loc ? baseName(loc.replace(/^file:/, '')) : null;
}

export function findDeclaredPasswords(text: string): DeclaredPassword[] {
	const out: DeclaredPassword[] = [];
	const values = new Map<string, string>();
	const yaml = yamlPasswords(text);
	for (const y of yaml) values.set(y.key, y.value);
	for (const l of text.split(/\r?\n/)) {
		const m = /^\s*(spring\.ssl\.bundle\.[\w.-]+)\s*[=:]\s*(.*?)\s*$/.exec(l);
		if (m?.[1]) values.set(m[1], (m[2] ?? '').replace(/^["']|["']$/g, ''));
	}
	const push = (directive: string, value: string, line: number) => {
		const trust = /trust/i.test(directive);
		const file = (trust ? FILE_FOR.trust : FILE_FOR.key)?.exec(text);
		const bundled = bundleLocation(directive, values);
		out.push({
			directive,
			keystoreFile: bundled ?? (file?.[2] && !/^location/.test(file[2]) ? baseName(file[2]) : null),
			plaintext: value !== '' && !isReference(value),
			defaultListed: !isReference(value) && DEFAULT_PASSWORDS.includes(value),
			line,
		});
	};
	// Nested YAML (application.yml) and SSL-bundle properties the flat pattern below cannot see.
	const seen = new Set<number>();
	for (const y of yaml.filter((x) => SPRING_PASSWORD.test(x.key))) {
		seen.add(y.line);
		push(y.key, y.value, y.line);
	}
	text.split(/\r?\n/).forEach((l, i) => {
		const m =
			/^\s*(spring\.ssl\.bundle\.[\w.-]+?\.(?:password|private-key-password))\s*[=:]\s*(.*?)\s*$/.exec(
				l,
			);
		if (m?.[1] && SPRING_PASSWORD.test(m[1]) && !seen.has(i + 1)) {
			seen.add(i + 1);
			push(m[1], (m[2] ?? '').replace(/^["']|["']$/g, ''), i + 1);
		}
	});
	const lines = text.split(/\r?\n/);
	const re = new RegExp(
		`${PASSWORD_KEYS.source}\\s*(=|:)\\s*("([^"]*)"|'([^']*)'|([^\\s"'>]+))`,
		'g',
	);
	lines.forEach((line, i) => {
		if (seen.has(i + 1)) return;
		for (const m of line.matchAll(re)) {
			const directive = m[1] ?? '';
			const value = m[4] ?? m[5] ?? m[6] ?? '';
			const trust = /trust/i.test(directive);
			const file = (trust ? FILE_FOR.trust : FILE_FOR.key)?.exec(text);
			out.push({
				directive,
				keystoreFile: file?.[2] ? baseName(file[2]) : null,
				plaintext: value !== '' && !isReference(value),
				defaultListed: !isReference(value) && DEFAULT_PASSWORDS.includes(value),
				line: i + 1,
			});
		}
	});
	return out;
}
