// SunJSSE defaults by JDK version (RULES.md 4.3): enabled protocols per role, the default
// jdk.tls.disabledAlgorithms, default suites, ephemeral DH size; and the disabledAlgorithms
// grammar (entries, `keySize` constraints, `TLS_RSA_*` wildcards) applied to suites.
import type { TlsVersion } from '../report/report';
import { suiteByName, type SuiteRow } from './suites';
import { atLeast, compareVersions } from './versions';

export interface JavaVersion {
	major: number;
	/** Update number (8u202 → 202; 17.0.8 → 8). */
	update: number;
	text: string;
}

export function parseJavaVersion(text: string | null): JavaVersion | null {
	if (!text) return null;
	const t = text.trim();
	const legacy = /(?:^|\D)1\.(\d)\.0_(\d+)/.exec(t);
	if (legacy)
		return {
			major: Number(legacy[1]),
			update: Number(legacy[2]),
			text: `${legacy[1] ?? ''}u${legacy[2] ?? ''}`,
		};
	const u = /(?:^|\D)(\d{1,2})u(\d+)/.exec(t);
	if (u) return { major: Number(u[1]), update: Number(u[2]), text: `${u[1] ?? ''}u${u[2] ?? ''}` };
	const modern = /(?:^|\D)(\d{1,2})(?:\.(\d+)\.(\d+))?(?!\d)/.exec(t.replace(/^[^\d]*/, ''));
	if (modern?.[1]) {
		const major = Number(modern[1]);
		if (major < 6 || major > 40) return null;
		return {
			major,
			update: Number(modern[3] ?? 0),
			text: modern[2] ? `${major}.${modern[2]}.${modern[3] ?? 0}` : String(major),
		};
	}
	return null;
}

const ge = (v: JavaVersion, major: number, update: number) =>
	v.major > major || (v.major === major && v.update >= update);

/** Default jdk.tls.disabledAlgorithms (OpenJDK/Oracle java.security of that update). */
export function defaultDisabledAlgorithms(v: JavaVersion | null): string {
	const base =
		'SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL';
	const tls10 =
		'SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL';
	if (!v) return `${tls10}, ECDH`;
	if (v.major <= 6) return ge(v, 6, 121) ? 'SSLv3, RC4, DH keySize < 1024' : '';
	if (v.major === 7)
		return ge(v, 7, 111) ? 'SSLv3, RC4, DH keySize < 1024' : ge(v, 7, 75) ? 'SSLv3' : '';
	if (v.major === 8) {
		if (ge(v, 8, 291)) return tls10;
		if (ge(v, 8, 171)) return base;
		if (ge(v, 8, 121)) return 'SSLv3, RC4, DH keySize < 1024, EC keySize < 224';
		if (ge(v, 8, 51)) return 'SSLv3, RC4, DH keySize < 768';
		return ge(v, 8, 31) ? 'SSLv3' : '';
	}
	if (v.major < 11) return base;
	if (v.major < 17) return ge(v, 11, 11) || v.major > 11 ? tls10 : base;
	if (v.major < 24)
		return `SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH`;
	return 'SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, rsa_pkcs1_sha1 usage HandshakeSignature, ecdsa_sha1 usage HandshakeSignature, dsa_sha1 usage HandshakeSignature';
}

export function defaultCertpathDisabled(v: JavaVersion | null): string {
	if (v && v.major < 8) return 'MD2, RSA keySize < 1024';
	if (v && v.major === 8 && !ge(v, 8, 131)) return 'MD2, MD5, RSA keySize < 1024';
	return 'MD2, MD5, SHA1 jdkCA & usage TLSServer, RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224, SHA1 usage SignedJAR & denyAfter 2019-01-01';
}

/** Protocols SunJSSE enables by default for a role (before disabledAlgorithms). */
export function jdkDefaultProtocols(
	v: JavaVersion | null,
	role: 'client' | 'server',
): TlsVersion[] {
	if (!v || v.major >= 11) return ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
	const ssl3 =
		(v.major === 7 && !ge(v, 7, 75)) || (v.major === 8 && !ge(v, 8, 31))
			? (['SSLv3'] as TlsVersion[])
			: [];
	if (v.major <= 7) {
		if (role === 'client' && !ge(v, 7, 111) && v.major === 7) return [...ssl3, 'TLSv1'];
		if (role === 'client' && v.major === 6)
			return ge(v, 6, 121) ? ['TLSv1', 'TLSv1.1', 'TLSv1.2'] : ['SSLv3', 'TLSv1'];
		return [...ssl3, 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
	}
	const tls13 = role === 'server' ? ge(v, 8, 261) : ge(v, 8, 341);
	return [...ssl3, 'TLSv1', 'TLSv1.1', 'TLSv1.2', ...(tls13 ? (['TLSv1.3'] as TlsVersion[]) : [])];
}

/** Protocols the JDK can do when asked explicitly. */
export function jdkSupportedProtocols(v: JavaVersion | null): TlsVersion[] {
	if (!v || v.major >= 11 || ge(v, 8, 261))
		return ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
	return ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
}

export function jdkCanTls13(v: JavaVersion | null): boolean {
	return jdkSupportedProtocols(v).includes('TLSv1.3');
}

const JDK_TLS13 = [
	'TLS_AES_256_GCM_SHA384',
	'TLS_AES_128_GCM_SHA256',
	'TLS_CHACHA20_POLY1305_SHA256',
];
const JDK_SUITES = [
	'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
	'TLS_DHE_DSS_WITH_AES_256_GCM_SHA384',
	'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
	'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
	'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256',
	'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256',
	'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
	'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
	'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
	'TLS_DHE_DSS_WITH_AES_256_CBC_SHA',
	'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
	'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
	'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
	'TLS_DHE_DSS_WITH_AES_128_CBC_SHA',
	'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA',
	'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA',
	'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA',
	'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA',
	'TLS_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_RSA_WITH_AES_256_CBC_SHA256',
	'TLS_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_RSA_WITH_AES_256_CBC_SHA',
	'TLS_RSA_WITH_AES_128_CBC_SHA',
];
/** JDK 8 and 7 still listed 3DES (and, before 8u51/7u91, RC4) among the enabled suites. */
const JDK8_LEGACY = [
	'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA',
	'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
	'SSL_RSA_WITH_3DES_EDE_CBC_SHA',
	'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA',
	'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA',
	'SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
	'SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
	'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
	'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
	'SSL_RSA_WITH_RC4_128_SHA',
	'TLS_ECDH_ECDSA_WITH_RC4_128_SHA',
	'TLS_ECDH_RSA_WITH_RC4_128_SHA',
	'SSL_RSA_WITH_RC4_128_MD5',
];

export function jdkDefaultSuites(v: JavaVersion | null): { suites: SuiteRow[]; tls13: SuiteRow[] } {
	const names = JDK_SUITES.filter((n) => !n.includes('CHACHA20') || !v || v.major >= 12);
	const legacy = v && v.major <= 8 ? JDK8_LEGACY : [];
	const rows = [...names, ...legacy].map((n) => suiteByName(n)).filter((r): r is SuiteRow => !!r);
	const t13 = jdkCanTls13(v)
		? JDK_TLS13.filter((n) => !n.includes('CHACHA20') || !v || v.major >= 12)
		: [];
	return { suites: rows, tls13: t13.map((n) => suiteByName(n)).filter((r): r is SuiteRow => !!r) };
}

/** Ephemeral DH size a JSSE server uses by default (JDK-8301700 raised it to 2048). */
export function jdkDefaultDhBits(v: JavaVersion | null): number {
	if (!v || v.major >= 21) return 2048;
	if (v.major >= 17) return ge(v, 17, 8) ? 2048 : 1024;
	if (v.major >= 11) return v.major === 11 && ge(v, 11, 20) ? 2048 : 1024;
	return v.major === 8 && ge(v, 8, 381) ? 2048 : 1024;
}

export interface DisabledEntry {
	name: string;
	constraint: string;
	raw: string;
}

/** Splits a disabledAlgorithms value into entries (commas; `include` lines kept as entries). */
export function parseDisabled(value: string): DisabledEntry[] {
	return value
		.split(',')
		.map((e) => e.trim().replace(/\s+/g, ' '))
		.filter(Boolean)
		.map((raw) => {
			const [name = '', ...rest] = raw.split(' ');
			return { name, constraint: rest.join(' '), raw };
		});
}

/** Entries of the default that a configured value no longer has (RULES.md rule 19). */
export function missingEntries(configured: string, defaults: string): string[] {
	const have = new Set(parseDisabled(configured).map((e) => e.raw.toLowerCase()));
	const haveNames = new Set(
		parseDisabled(configured)
			.filter((e) => !e.constraint)
			.map((e) => e.name.toLowerCase()),
	);
	return parseDisabled(defaults)
		.filter((e) => e.name !== 'include' && e.name !== 'DTLSv1.0')
		.filter(
			(e) =>
				!have.has(e.raw.toLowerCase()) && !(e.constraint && haveNames.has(e.name.toLowerCase())),
		)
		.filter((e) => !keySizeCovered(e, parseDisabled(configured)))
		.map((e) => e.raw);
}

/** `DH keySize < 2048` covers a default `DH keySize < 1024`. */
function keySizeCovered(e: DisabledEntry, configured: DisabledEntry[]): boolean {
	const m = /^keySize < (\d+)$/.exec(e.constraint);
	if (!m) return false;
	return configured.some(
		(c) =>
			c.name === e.name && Number(/^keySize < (\d+)$/.exec(c.constraint)?.[1] ?? 0) >= Number(m[1]),
	);
}

export function disabledProtocols(entries: DisabledEntry[]): TlsVersion[] {
	const out: TlsVersion[] = [];
	for (const e of entries) {
		if (e.constraint) continue;
		if (e.name === 'SSLv3') out.push('SSLv3');
		if (e.name === 'TLSv1') out.push('TLSv1');
		if (e.name === 'TLSv1.1') out.push('TLSv1.1');
		if (e.name === 'TLSv1.2') out.push('TLSv1.2');
		if (e.name === 'TLSv1.3') out.push('TLSv1.3');
	}
	return out;
}

/** The entry that disables a suite, or null. */
export function disablingEntry(s: SuiteRow, entries: DisabledEntry[]): DisabledEntry | null {
	for (const e of entries) {
		if (e.constraint && !/^usage /.test(e.constraint)) continue;
		const n = e.name;
		const hit =
			(n === 'RC4' && s.cipher === 'RC4') ||
			(n === 'DES' && s.cipher === 'DES') ||
			((n === '3DES_EDE_CBC' || n === 'DESede') && s.cipher === '3DES') ||
			(n === 'anon' && s.au === 'NULL') ||
			(n === 'NULL' && s.cipher === 'NULL') ||
			(n === 'ECDH' && s.kx === 'ECDH') ||
			(n === 'MD5' && s.mac === 'MD5') ||
			(n === 'SHA1' && s.mac === 'SHA1' && !e.constraint) ||
			(n === 'CBC' && s.mode === 'CBC') ||
			(n.endsWith('*') &&
				(s.iana.startsWith(n.slice(0, -1)) ||
					`SSL_${s.iana.slice(4)}`.startsWith(n.slice(0, -1)))) ||
			n === s.iana ||
			n === `SSL_${s.iana.slice(4)}`;
		if (hit) return e;
	}
	return null;
}

/** `DH keySize < n` from the entries, for the group a JSSE peer accepts. */
export function keySizeLimit(entries: DisabledEntry[], name: 'DH' | 'EC' | 'RSA'): number | null {
	const e = entries.find((x) => x.name === name && /^keySize < \d+$/.test(x.constraint));
	return e ? Number(/\d+/.exec(e.constraint)?.[0]) : null;
}

export { compareVersions, atLeast };
