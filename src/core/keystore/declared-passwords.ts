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

export function findDeclaredPasswords(text: string): DeclaredPassword[] {
	const out: DeclaredPassword[] = [];
	const lines = text.split(/\r?\n/);
	const re = new RegExp(
		`${PASSWORD_KEYS.source}\\s*(=|:)\\s*("([^"]*)"|'([^']*)'|([^\\s"'>]+))`,
		'g',
	);
	lines.forEach((line, i) => {
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
