// Protocol names: normalization of every spelling (RULES.md 4.1), order, and range helpers.
import type { TlsVersion } from '../report/report';

export const VERSIONS: readonly TlsVersion[] = [
	'SSLv2',
	'SSLv3',
	'TLSv1',
	'TLSv1.1',
	'TLSv1.2',
	'TLSv1.3',
];

export const versionRank = (v: TlsVersion): number => VERSIONS.indexOf(v);

/** Canonical name of a protocol token, or null (SSLv2Hello and unknown tokens). */
export function normalizeVersion(token: string): TlsVersion | null {
	const t = token.trim().replace(/^["']|["']$/g, '');
	const m = /^(?:(SSL|TLS)\s*v?\s*(\d(?:[._]?\d)?)|(SSL|TLS)_(\d)_(\d))$/i.exec(t);
	if (!m) return null;
	const family = (m[1] ?? m[3] ?? '').toUpperCase();
	const num = m[2] ? m[2].replace('_', '.') : `${m[4]}.${m[5]}`;
	if (family === 'SSL') {
		if (num === '2' || num === '2.0') return 'SSLv2';
		if (num === '3' || num === '3.0') return 'SSLv3';
		return null;
	}
	switch (num) {
		case '1':
		case '1.0':
		case '10':
			return 'TLSv1';
		case '1.1':
		case '11':
			return 'TLSv1.1';
		case '1.2':
		case '12':
			return 'TLSv1.2';
		case '1.3':
		case '13':
			return 'TLSv1.3';
		default:
			return null;
	}
}

/**
 * Protocol names as each server's own grammar spells them. normalizeVersion is lenient on
 * purpose (connector forms, scanners and UIs write "TLS 1.2", "TLS1_2"); a server config that
 * uses another spelling is refused by the server itself, which these tables let the readers say.
 * nginx (ngx_conf_set_bitmask_slot) and Apache (mod_ssl, strcEQ) compare case-insensitively;
 * HAProxy (ssl-min-ver/ssl-max-ver) and JSSE (Tomcat, Java) compare exactly.
 */
const SERVER_NAMES = {
	openssl: { names: ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], exact: false },
	haproxy: { names: ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], exact: true },
	jsse: { names: ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], exact: true },
} as const;

/** Whether the server named by `grammar` accepts `token` as a protocol name. */
export function serverAcceptsVersion(token: string, grammar: keyof typeof SERVER_NAMES): boolean {
	const { names, exact } = SERVER_NAMES[grammar];
	return (names as readonly string[]).some((n) =>
		exact ? n === token : n.toLowerCase() === token.toLowerCase(),
	);
}

/** The spellings a server accepts, for an error message. */
export const serverVersionNames = (grammar: keyof typeof SERVER_NAMES): string =>
	SERVER_NAMES[grammar].names.join(', ');

export function sortVersions(set: Iterable<TlsVersion>): TlsVersion[] {
	return [...new Set(set)].sort((a, b) => versionRank(a) - versionRank(b));
}

export function range(min: TlsVersion, max: TlsVersion = 'TLSv1.3'): TlsVersion[] {
	return VERSIONS.filter(
		(v) => versionRank(v) >= versionRank(min) && versionRank(v) <= versionRank(max),
	);
}

/** Version strings compare part by part: "1.18.0" < "1.27.3"; "8u202" is 8.0.202. */
export function compareVersions(a: string, b: string): number {
	const parts = (v: string) =>
		v
			.replace(/^1\.(\d+)\.0_(\d+)/, '$1.0.$2')
			.replace(/u/, '.0.')
			.split(/[.\-_+]/)
			.map((p) => Number.parseInt(p, 10))
			.map((n) => (Number.isNaN(n) ? 0 : n));
	const x = parts(a);
	const y = parts(b);
	for (let i = 0; i < Math.max(x.length, y.length); i++) {
		const d = (x[i] ?? 0) - (y[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

export const atLeast = (version: string | null, min: string): boolean =>
	version !== null && compareVersions(version, min) >= 0;
