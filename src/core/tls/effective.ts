// The effective protocol and suite sets of one declared endpoint (RULES.md section 4): what is
// configured (or the product default) intersected with what the TLS library / runtime permits.
import type { TlsVersion } from '../report/report';
import { allowedAtSecLevel, expandCipherString, type OpenSslProfile } from './cipher-string';
import type { ProtocolFact, RuntimeCaveats, RuntimeFacts, SuiteFact, Vulnerability } from './facts';
import type { Origin } from './model';
import {
	defaultCertpathDisabled,
	defaultDisabledAlgorithms,
	disabledProtocols,
	disablingEntry,
	jdkCanTls13,
	jdkDefaultDhBits,
	jdkDefaultProtocols,
	jdkDefaultSuites,
	jdkSupportedProtocols,
	keySizeLimit,
	missingEntries,
	parseDisabled,
	parseJavaVersion,
	type JavaVersion,
} from './java-defaults';
import {
	origin,
	type DeclaredEndpoint,
	type DotnetDecl,
	type JavaDecl,
	type NodeDecl,
	type OpenSslDecl,
	type Setting,
} from './model';
import { suiteByName, TLS13_DEFAULT, type SuiteRow } from './suites';
import { atLeast, range, sortVersions, versionRank, VERSIONS } from './versions';
import { curveBits } from './formats/testssl';

export interface RuntimeContext {
	java: JavaDecl | null;
	openssl: OpenSslDecl | null;
	node: NodeDecl | null;
	dotnet: DotnetDecl | null;
}

export interface CertKey {
	keyAlgorithm: string;
	keySize: number;
	source: string;
	sha256: string | null;
}

export interface Effective {
	protocols: ProtocolFact[];
	suites: SuiteFact[];
	tls13: SuiteFact[];
	runtime: RuntimeFacts;
	dh: { bits: number; origin: Origin } | null;
	curves: { name: string; bits: number }[];
	declaredMin: { version: TlsVersion; origin: Origin } | null;
	notes: string[];
	validationDisabled: Origin[];
	vulnerabilities: Vulnerability[];
	/** The runtime as stated (connector field, version comment, java.security banner), or null. */
	stated: string | null;
	/** What a runtime could change, for the evidence of findings graded without one. */
	caveats: RuntimeCaveats | null;
	/** Declared weak suites a stated runtime drops: reported as info with the reason. */
	droppedWeak: string[];
}

// RULES.md 4 "When a runtime fact is unknown, grade on the configured set and mark the finding
// 'runtime not supplied'": one sentence per kind of fact a runtime could change.

const JAVA_CAVEATS: RuntimeCaveats = {
	protocols:
		'runtime not supplied: JDK 8u291+, 11.0.11+ and 16+ disable TLS 1.0/1.1 (and JDK 8u31+ SSLv3) in jdk.tls.disabledAlgorithms; state the runtime to lift this',
	suites:
		'runtime not supplied: JDK 8u171+ and 11+ disable 3DES, RC4, DES, anon and NULL suites in jdk.tls.disabledAlgorithms; state the runtime to lift this',
	tls13:
		'runtime not supplied: TLS 1.3 needs JDK 8u261+ (on by default for clients from 8u341) or 11+; state the runtime to lift this',
	dh: 'runtime not supplied: JDK 8 before 8u381, 11 before 11.0.20 and 17 before 17.0.8 use 1024-bit ephemeral DH; state the runtime to lift this',
};

const OPENSSL_CAVEATS: RuntimeCaveats = {
	protocols:
		'runtime not supplied: OpenSSL ≥ 3.0 at security level ≥ 1 cannot negotiate TLS 1.0/1.1, and OpenSSL ≥ 1.1.0 has no SSLv3; state the runtime to lift this',
	suites:
		'runtime not supplied: OpenSSL ≥ 1.1.0 builds no RC4, DES, RC2 or EXPORT suites and security level ≥ 1 drops NULL and MD5; state the runtime to lift this',
	tls13: 'runtime not supplied: TLS 1.3 needs OpenSSL ≥ 1.1.1; state the runtime to lift this',
	dh: 'runtime not supplied: the DH group size depends on the library; state the runtime to lift this',
};

const NODE_CAVEATS: RuntimeCaveats = {
	protocols:
		'runtime not supplied: Node.js 12+ defaults to a TLS 1.2 minimum (11 and older: TLSv1); state the runtime to lift this',
	suites: OPENSSL_CAVEATS.suites,
	tls13: 'runtime not supplied: TLS 1.3 needs Node.js 12+; state the runtime to lift this',
	dh: OPENSSL_CAVEATS.dh,
};

const DOTNET_CAVEATS: RuntimeCaveats = {
	protocols:
		'runtime not supplied: .NET Framework 4.7+ and .NET Core leave protocols to the OS (SystemDefault), 4.6 enables TLS 1.0–1.2; state the framework to lift this',
	suites: 'runtime not supplied: the suites follow the Windows (Schannel) version',
	tls13:
		'runtime not supplied: TLS 1.3 needs .NET Framework 4.8 or .NET 5+ on Windows 11 / Server 2022; state the runtime to lift this',
	dh: 'runtime not supplied',
};

/** A suite RULES.md counts as weak whatever else is enabled (3DES, RC4, EXPORT, NULL, anon, DES, RC2). */
export function isWeakSuite(s: { cipher: string; au: string; bits: number }): boolean {
	return (
		['3DES', 'RC4', 'DES', 'RC2', 'IDEA', 'NULL'].includes(s.cipher) ||
		s.au === 'NULL' ||
		(s.bits > 0 && s.bits < 112)
	);
}

/** The JDK whose defaults stand in for an unstated Java version: the oldest still supported (8), before 8u291. */
const UNSTATED_JDK: JavaVersion = { major: 8, update: 202, text: '8 (version not supplied)' };

export function suiteFact(row: SuiteRow, o: Origin): SuiteFact {
	const { iana, openssl, kx, au, cipher, bits, mode, mac, minVersion } = row;
	return { iana, openssl, kx, au, cipher, bits, mode, mac, minVersion, origin: o };
}

const DEFAULT_CURVES = [
	{ name: 'X25519', bits: 253 },
	{ name: 'prime256v1', bits: 256 },
];

function where2(o: Origin): string {
	return `${o.inputName ?? 'connector form'}${o.line ? ` line ${o.line}` : ''}: ${o.directive}`;
}

function defaultOrigin(value: string): Origin {
	return origin(null, 'default', null, value);
}

/** OpenSSL build profile for a version string (unknown → any build: names are taken as written). */
export function opensslProfile(version: string | null): OpenSslProfile {
	// Unknown library: every suite the configuration names counts (RULES.md 4, configured set).
	if (!version) return 'any';
	if (atLeast(version, '3.0.0')) return '3';
	if (atLeast(version, '1.1.0')) return '1.1.1';
	const m = /^1\.0\.(\d)([a-z]?)/.exec(version);
	if (m && (Number(m[1]) < 2 || (m[2] ?? '') < 'i')) return '1.0.1';
	return '1.0.2';
}

function opensslSupports(version: string | null, v: TlsVersion): boolean {
	if (v === 'SSLv2') return version !== null && !atLeast(version, '1.1.0');
	if (v === 'SSLv3') return version !== null && !atLeast(version, '1.1.0');
	if (v === 'TLSv1.3') return version === null || atLeast(version, '1.1.1');
	if (v === 'TLSv1.1' || v === 'TLSv1.2') return version === null || atLeast(version, '1.0.1');
	return true;
}

/** Narrows a protocol set to [min, max] and records what each bound removed. */
function bound(
	set: ProtocolFact[],
	min: Setting<TlsVersion> | undefined,
	max: Setting<TlsVersion> | undefined,
	notes: string[],
): ProtocolFact[] {
	return set.filter((p) => {
		if (min && versionRank(p.version) < versionRank(min.value)) {
			notes.push(`${p.version} removed by ${min.origin.directive} (${min.origin.value})`);
			return false;
		}
		if (max && versionRank(p.version) > versionRank(max.value)) {
			notes.push(`${p.version} removed by ${max.origin.directive} (${max.origin.value})`);
			return false;
		}
		return true;
	});
}

function facts(versions: TlsVersion[], o: Origin): ProtocolFact[] {
	return sortVersions(versions).map((version) => ({ version, origin: o }));
}

/** Keeps only suites a server with this certificate can negotiate (and no PSK/SRP without setup). */
function usable(
	rows: SuiteRow[],
	ep: DeclaredEndpoint,
	cert: CertKey | null,
	notes: string[],
): SuiteRow[] {
	let out = rows.filter((s) => !['PSK', 'DHEPSK', 'ECDHEPSK', 'RSAPSK', 'SRP'].includes(s.kx));
	if (ep.role === 'server') {
		const key = cert?.keyAlgorithm.toUpperCase() ?? 'RSA';
		const au = key === 'EC' || key === 'ECDSA' ? 'ECDSA' : key === 'DSA' ? 'DSS' : 'RSA';
		const before = out.length;
		out = out.filter((s) => s.au === au || s.au === 'NULL' || (s.kx === 'ECDH' && au === 'ECDSA'));
		if (before !== out.length)
			notes.push(
				`${before - out.length} suites need a non-${au} certificate and are not negotiable${cert ? '' : ' (RSA certificate assumed)'}`,
			);
		if (ep.dhMissing) {
			const dhe = out.filter((s) => s.kx === 'DHE');
			if (dhe.length)
				notes.push(
					`${dhe.length} DHE suites are listed but ${ep.dhMissing.directive} is ${ep.dhMissing.value}`,
				);
			out = out.filter((s) => s.kx !== 'DHE');
		}
	}
	return out;
}

function byProtocols(rows: SuiteRow[], protocols: TlsVersion[]): SuiteRow[] {
	const has12 = protocols.includes('TLSv1.2');
	const legacy = protocols.some((p) => versionRank(p) < versionRank('TLSv1.2'));
	if (!has12 && !legacy) return [];
	return rows.filter((s) => s.minVersion !== 'TLSv1.2' || has12);
}

function namesToRows(names: string[], o: Origin, notes: string[]): SuiteRow[] {
	const rows: SuiteRow[] = [];
	for (const n of names) {
		if (/^TLS_EMPTY_RENEGOTIATION_INFO_SCSV$/i.test(n)) continue;
		const r = suiteByName(n);
		if (r) rows.push(r);
		else notes.push(`unknown cipher suite ${n} in ${o.directive} ignored`);
	}
	return rows;
}

interface JavaResult {
	protocols: ProtocolFact[];
	suites: SuiteFact[];
	tls13Rows: SuiteRow[];
	runtime: RuntimeFacts;
	dh: Effective['dh'];
	declaredMin: Effective['declaredMin'];
	removedCurves: ReturnType<typeof jsseRemovedCurves>;
}

/**
 * The ephemeral DH key a JSSE server uses: `jdk.tls.ephemeralDHKeySize` = n (1024–8192),
 * `legacy` (1024 bits; 768 for exportable suites), `matched` (the certificate key's size), or the
 * JDK's default.
 */
function jsseServerDh(
	prop: { value: string; origin: Origin } | undefined,
	v: ReturnType<typeof parseJavaVersion>,
	label: string,
	cert: CertKey | null,
): { bits: number; origin: Origin } {
	const value = prop?.value.trim().toLowerCase() ?? '';
	if (prop && /^\d+$/.test(value)) return { bits: Number(value), origin: prop.origin };
	if (prop && value === 'legacy') return { bits: 1024, origin: prop.origin };
	if (prop && value === 'matched') {
		const bits =
			cert && (cert.keyAlgorithm === 'RSA' || cert.keyAlgorithm === 'DSA') ? cert.keySize : 2048;
		return { bits, origin: { ...prop.origin, value: `${prop.origin.value} (${bits} bits)` } };
	}
	return { bits: jdkDefaultDhBits(v), origin: defaultOrigin(`${label} default ephemeral DH size`) };
}

function javaEffective(
	ep: DeclaredEndpoint,
	rt: RuntimeContext,
	notes: string[],
	cert: CertKey | null = null,
	droppedWeak: string[] = [],
): JavaResult {
	const java = rt.java;
	const stated = parseJavaVersion(ep.runtime ?? null) ?? parseJavaVersion(java?.version ?? null);
	// Without a stated version the configured sets are graded as written; only what nothing
	// configures falls back to the defaults of the oldest JDK still supported (8 before 8u291).
	const v = stated ?? UNSTATED_JDK;
	if (!stated)
		notes.push(
			'Java version not supplied: the configured protocols and suites are graded as written (JDK 8 defaults where nothing is configured); state the runtime, e.g. "Java 17.0.9" or "Java 8u202"',
		);
	const label = stated ? `Java ${v.text}` : 'Java (version not supplied)';
	const explicitDisabled = java?.disabledAlgorithms;
	const defaultValue = defaultDisabledAlgorithms(v);
	const disabledValue = explicitDisabled?.value ?? defaultValue;
	const disabledOrigin =
		explicitDisabled?.origin ??
		defaultOrigin(
			stated
				? `JDK ${v.text} default jdk.tls.disabledAlgorithms`
				: 'JDK 8 default jdk.tls.disabledAlgorithms (version not supplied: applied to defaults only)',
		);
	// What removes protocols and suites the configuration names: a supplied java.security, or the
	// stated JDK's defaults; nothing when neither is known.
	const configuredEntries = explicitDisabled || stated ? parseDisabled(disabledValue) : [];
	const defaultEntries = parseDisabled(disabledValue);
	const certpath = java?.certpathDisabled;
	const runtime: RuntimeFacts = {
		kind: 'java',
		label,
		version: stated?.text ?? null,
		disabledAlgorithms: {
			value: disabledValue,
			origin: disabledOrigin,
			defaultValue,
			missing: explicitDisabled ? missingEntries(disabledValue, defaultValue) : [],
		},
		...(certpath
			? {
					certpathDisabled: {
						value: certpath.value,
						origin: certpath.origin,
						defaultValue: defaultCertpathDisabled(v),
						missing: missingEntries(certpath.value, defaultCertpathDisabled(v)),
					},
				}
			: {}),
	};
	const roleProps =
		ep.role === 'client' ? (java?.clientProtocols ?? java?.httpsProtocols) : java?.serverProtocols;
	let protocols: ProtocolFact[];
	let protocolsConfigured = true;
	const supported = stated ? jdkSupportedProtocols(v) : VERSIONS;
	if (ep.protocols) {
		protocols = facts(
			ep.protocols.value.filter((p) => supported.includes(p)),
			ep.protocols.origin,
		);
	} else if (roleProps) {
		protocols = facts(
			roleProps.value.filter((p) => supported.includes(p)),
			roleProps.origin,
		);
	} else if (!stated && ep.minVersion) {
		// Pega "Lowest allowable": every version from it up to what the oldest JDK enables.
		protocols = facts(range(ep.minVersion.value, 'TLSv1.2'), ep.minVersion.origin);
	} else {
		protocolsConfigured = false;
		protocols = facts(
			jdkDefaultProtocols(v, ep.role),
			defaultOrigin(`${label} ${ep.role} default`),
		);
	}
	if (v.major === 7 && ep.role === 'client' && v.update < 111 && !ep.protocols && !roleProps)
		runtime.java7ClientTls10 = true;
	let declaredMin: Effective['declaredMin'] = null;
	if (ep.minVersion) {
		declaredMin = { version: ep.minVersion.value, origin: ep.minVersion.origin };
		protocols = bound(protocols, ep.minVersion, ep.maxVersion, notes);
	}
	const off = disabledProtocols(protocolsConfigured ? configuredEntries : defaultEntries);
	protocols = protocols.filter((p) => {
		if (!off.includes(p.version)) return true;
		notes.push(
			`${p.version} removed by jdk.tls.disabledAlgorithms (${disabledOrigin.inputName ?? `${label} default`})`,
		);
		return false;
	});
	const defaults = jdkDefaultSuites(v);
	let rows: SuiteRow[];
	let so: Origin;
	let suitesConfigured = true;
	const roleSuites = ep.role === 'client' ? java?.clientCipherSuites : java?.serverCipherSuites;
	if (ep.cipherList) {
		rows = namesToRows(ep.cipherList.value, ep.cipherList.origin, notes);
		so = ep.cipherList.origin;
	} else if (ep.cipherString) {
		// Tomcat expands OpenSSL syntax itself, over the suites the JVM has.
		const names = new Set([...defaults.suites, ...defaults.tls13].map((s) => s.iana));
		rows = expandCipherString(ep.cipherString.value, '1.0.2').suites.filter((s) =>
			names.has(s.iana),
		);
		so = ep.cipherString.origin;
	} else if (roleSuites) {
		rows = namesToRows(roleSuites.value, roleSuites.origin, notes);
		so = roleSuites.origin;
	} else {
		suitesConfigured = false;
		rows = defaults.suites;
		so = defaultOrigin(`${label} default suites`);
	}
	const entries = suitesConfigured ? configuredEntries : defaultEntries;
	const tls13Rows = rows.filter((s) => s.minVersion === 'TLSv1.3');
	rows = rows.filter((s) => s.minVersion !== 'TLSv1.3');
	const kept: SuiteRow[] = [];
	let removed = 0;
	for (const s of rows) {
		const entry = disablingEntry(s, entries);
		if (!entry) {
			kept.push(s);
			continue;
		}
		removed++;
		if (suitesConfigured && isWeakSuite(s))
			droppedWeak.push(
				`declared ${s.iana} (${so.inputName ?? 'connector form'}${so.line ? ` line ${so.line}` : ''}: ${so.directive}) is not negotiable: ${label} disables it ("${entry.raw}" in jdk.tls.disabledAlgorithms)`,
			);
	}
	if (removed) notes.push(`${removed} suites removed by jdk.tls.disabledAlgorithms`);
	const t13Defaults = jdkDefaultSuites(stated ? v : null).tls13;
	const t13 = tls13Rows.length ? tls13Rows : ep.cipherList || roleSuites ? [] : t13Defaults;
	const dh = ep.role === 'server' ? jsseServerDh(java?.ephemeralDHKeySize, v, label, cert) : null;
	// RULES.md 4.3: `DH keySize < n` in jdk.tls.disabledAlgorithms. A server whose ephemeral DH
	// key is below it cannot complete a DHE handshake, so its DHE suites are not negotiable; a
	// client refuses servers offering smaller groups.
	const dhLimit = keySizeLimit(entries, 'DH');
	if (dh && dhLimit !== null && dh.bits < dhLimit) {
		const before = kept.length;
		for (let i = kept.length - 1; i >= 0; i--) if (kept[i]?.kx === 'DHE') kept.splice(i, 1);
		if (kept.length < before)
			notes.push(
				`${before - kept.length} DHE suites not negotiable: the ephemeral DH key (${dh.bits} bits) is below "DH keySize < ${dhLimit}" of jdk.tls.disabledAlgorithms`,
			);
	} else if (ep.role === 'client' && dhLimit !== null) {
		notes.push(`${label} refuses DHE groups under ${dhLimit} bits (jdk.tls.disabledAlgorithms)`);
	}
	if (!stated) {
		// no claim about TLS 1.3 either way: the caveat on TLS-NO-TLS13 says what would change it
	} else if (!jdkCanTls13(v)) notes.push(`${label} cannot do TLS 1.3 (needs 8u261+ or 11+)`);
	else if (
		v.major === 8 &&
		ep.role === 'client' &&
		v.update < 341 &&
		!protocols.some((p) => p.version === 'TLSv1.3')
	) {
		notes.push(
			`${label} supports TLS 1.3 but does not enable it for clients before 8u341: set -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3`,
		);
	}
	return {
		protocols,
		suites: kept.map((r) => suiteFact(r, so)),
		tls13Rows: t13,
		runtime,
		dh,
		declaredMin,
		removedCurves: jsseRemovedCurves(entries, java, stated),
	};
}

/**
 * The weak curves JDK 11.0.6+/8u241+ (JDK-8233228) list in jdk.disabled.namedCurves and pull into
 * jdk.tls.disabledAlgorithms with `include jdk.disabled.namedCurves`; JDK 16 removed them.
 */
const JDK_LEGACY_CURVES = [
	'secp112r1',
	'secp112r2',
	'secp128r1',
	'secp128r2',
	'secp160k1',
	'secp160r1',
	'secp160r2',
	'secp192k1',
	'secp192r1',
	'secp224k1',
	'secp224r1',
	'secp256k1',
	'sect113r1',
	'sect113r2',
	'sect131r1',
	'sect131r2',
	'sect163k1',
	'sect163r1',
	'sect163r2',
	'sect193r1',
	'sect193r2',
	'sect233k1',
	'sect233r1',
	'sect239k1',
	'sect283k1',
	'sect283r1',
	'sect409k1',
	'sect409r1',
	'sect571k1',
	'sect571r1',
	'X9.62 c2tnb191v1',
	'X9.62 c2tnb191v2',
	'X9.62 c2tnb191v3',
	'X9.62 c2tnb239v1',
	'X9.62 c2tnb239v2',
	'X9.62 c2tnb239v3',
	'X9.62 c2tnb359v1',
	'X9.62 c2tnb431r1',
	'X9.62 prime192v2',
	'X9.62 prime192v3',
	'X9.62 prime239v1',
	'X9.62 prime239v2',
	'X9.62 prime239v3',
	'brainpoolP256r1',
	'brainpoolP320r1',
	'brainpoolP384r1',
	'brainpoolP512r1',
];

/** Curves a JVM will not use: named in disabledAlgorithms, included from the named list, or gone. */
function jsseRemovedCurves(
	entries: readonly { name: string; constraint: string }[],
	java: RuntimeContext['java'],
	v: JavaVersion | null,
): { names: Set<string>; why: Map<string, string> } {
	const why = new Map<string, string>();
	const add = (name: string, reason: string) =>
		why.has(name.toLowerCase()) || why.set(name.toLowerCase(), reason);
	for (const e of entries) if (!e.constraint) add(e.name, 'listed in jdk.tls.disabledAlgorithms');
	const listed = java?.disabledNamedCurves?.value;
	const legacyListed =
		!v || v.major >= 14 || (v.major === 11 && v.update >= 6) || (v.major === 8 && v.update >= 241);
	// the JDKs that ship the list also include it in their default jdk.tls.disabledAlgorithms
	const includes = java?.disabledAlgorithms
		? entries.some(
				(e) => e.name === 'include' && /^jdk\.disabled\.namedCurves$/i.test(e.constraint),
			)
		: legacyListed;
	if (includes)
		for (const c of listed ?? (legacyListed ? JDK_LEGACY_CURVES : []))
			add(c, 'in jdk.disabled.namedCurves, included by jdk.tls.disabledAlgorithms');
	if (!v || v.major >= 16)
		for (const c of JDK_LEGACY_CURVES) add(c, 'not implemented since JDK 16');
	return { names: new Set(why.keys()), why };
}

/** jdk.tls.namedGroups (RULES.md 4.3): its EC curves replace the JSSE defaults. */
function jsseCurves(
	groups: { value: string[] } | undefined,
	removed: ReturnType<typeof jsseRemovedCurves>,
	notes: string[],
): { name: string; bits: number }[] {
	const ec = (groups?.value ?? []).filter((g) => !/^ffdhe/i.test(g));
	const kept = ec.filter((g) => {
		const reason = removed.why.get(g.toLowerCase());
		if (reason) notes.push(`curve ${g} of jdk.tls.namedGroups is not used: ${reason}`);
		return !reason;
	});
	return kept.length ? kept.map((name) => ({ name, bits: curveBits(name) })) : DEFAULT_CURVES;
}

/**
 * With jdk.tls.namedGroups listing FFDHE groups (RFC 7919), a JSSE peer negotiates one of them
 * for DHE when the client offers it: the smallest listed group bounds the DH strength.
 */
function jsseGroupDh(
	dh: { bits: number; origin: Origin } | null,
	groups: { value: string[]; origin: Origin } | undefined,
): { bits: number; origin: Origin } | null {
	const ff = (groups?.value ?? [])
		.map((g) => Number(/^ffdhe(\d+)$/i.exec(g)?.[1] ?? 0))
		.filter((b) => b > 0);
	if (!dh || !groups || ff.length === 0) return dh;
	const min = Math.min(...ff);
	return min < dh.bits ? { bits: min, origin: groups.origin } : dh;
}

/** httpd before 2.4.7 always used 1024-bit DH parameters (later: appended to the cert file). */
const legacyApacheDh = (ep: DeclaredEndpoint): boolean =>
	ep.product === 'Apache httpd' && !!ep.productVersion && !atLeast(ep.productVersion, '2.4.7');

function opensslEffective(
	ep: DeclaredEndpoint,
	rt: RuntimeContext,
	cert: CertKey | null,
	notes: string[],
	droppedWeak: string[] = [],
) {
	const o = rt.openssl;
	const libText =
		/OpenSSL\s+(\d+\.\d+\.\d+[a-z]?)/i.exec(ep.runtime ?? '')?.[1] ?? o?.version ?? null;
	if (!libText)
		notes.push(
			'OpenSSL version not supplied: the configured protocols and suites are graded as written; state the runtime (e.g. a "# OpenSSL 3.0.13" comment, `nginx -V` output, or the runtime choice)',
		);
	const profile = opensslProfile(libText);
	const label = libText ? `OpenSSL ${libText}` : 'OpenSSL (version not supplied)';
	let protocols = ep.protocols
		? facts(ep.protocols.value, ep.protocols.origin)
		: facts(range('TLSv1'), defaultOrigin(libText ? `${label} default` : ep.defaults.protocols));
	protocols = bound(
		protocols,
		ep.minVersion ?? o?.minProtocol,
		ep.maxVersion ?? o?.maxProtocol,
		notes,
	);
	const cipherSetting = ep.cipherString ?? o?.cipherString;
	const expanded = expandCipherString(cipherSetting?.value ?? 'DEFAULT', profile);
	for (const u of expanded.unknown)
		notes.push(`cipher string element ${u} matches nothing (ignored, as OpenSSL does)`);
	notes.push(...expanded.notes);
	const secFromConf = o?.cipherString
		? expandCipherString(o.cipherString.value, profile).secLevel
		: null;
	// OpenSSL before 1.1.0 has no security levels; unknown: only an explicit level counts.
	const implicitLevel = libText && profile !== '1.0.2' && profile !== '1.0.1' ? 1 : 0;
	const level = expanded.secLevel ?? ep.secLevel?.value ?? secFromConf ?? implicitLevel;
	const secOrigin =
		expanded.secLevel !== null && cipherSetting
			? cipherSetting.origin
			: ep.secLevel
				? ep.secLevel.origin
				: secFromConf !== null && o?.cipherString
					? o.cipherString.origin
					: defaultOrigin('OpenSSL default security level 1');
	const runtime: RuntimeFacts = {
		kind: 'openssl',
		label,
		version: libText,
		secLevel: {
			level,
			origin: secOrigin,
			implicit: expanded.secLevel === null && !ep.secLevel && secFromConf === null,
		},
	};
	protocols = protocols.filter((p) => {
		if (!libText) return true;
		if (!opensslSupports(libText, p.version)) {
			notes.push(`${p.version} is not available in ${label}`);
			return false;
		}
		if (profile === '3' && level >= 1 && versionRank(p.version) < versionRank('TLSv1.2')) {
			notes.push(`${p.version} needs @SECLEVEL=0 on OpenSSL 3 (security level ${level} in force)`);
			return false;
		}
		return true;
	});
	if (libText && cipherSetting) {
		// Weak suites the string names that this build does not have or its level refuses.
		const effectiveNames = new Set(
			expanded.suites.filter((s) => allowedAtSecLevel(s, level)).map((s) => s.iana),
		);
		for (const s of expandCipherString(cipherSetting.value, 'any').suites) {
			if (!isWeakSuite(s) || effectiveNames.has(s.iana)) continue;
			const why = expanded.suites.some((x) => x.iana === s.iana)
				? `security level ${level} refuses it`
				: `${label} does not build it`;
			droppedWeak.push(
				`declared ${s.openssl} (${where2(cipherSetting.origin)}) is not negotiable: ${why}`,
			);
		}
	}
	const so = cipherSetting?.origin ?? defaultOrigin(ep.defaults.ciphers);
	let rows = expanded.suites.filter((s) => allowedAtSecLevel(s, level));
	if (rows.length !== expanded.suites.length)
		notes.push(`${expanded.suites.length - rows.length} suites are below security level ${level}`);
	rows = usable(rows, ep, cert, notes);
	const t13Setting = ep.tls13Suites ?? o?.ciphersuites;
	const t13 = (t13Setting?.value ?? TLS13_DEFAULT)
		.map((n) => suiteByName(n))
		.filter((r): r is SuiteRow => !!r && r.minVersion === 'TLSv1.3');
	const dh = ep.dhBits
		? { bits: ep.dhBits.value, origin: ep.dhBits.origin }
		: ep.dhMissing
			? null
			: ep.role === 'server' && legacyApacheDh(ep)
				? {
						bits: 1024,
						origin: defaultOrigin(
							`Apache httpd ${ep.productVersion ?? ''} < 2.4.7: built-in 1024-bit DH parameters (RULES.md 4.7)`,
						),
					}
				: ep.role === 'server'
					? {
							bits: Math.max(
								2048,
								cert?.keyAlgorithm === 'RSA' ? Math.min(cert.keySize, 3072) : 2048,
							),
							origin: defaultOrigin(`${ep.product} automatic DH parameters`),
						}
					: null;
	const curves = ep.curves
		? ep.curves.value.map((name) => ({ name, bits: curveBits(name) }))
		: DEFAULT_CURVES;
	return {
		protocols,
		rows: rows.map((r) => suiteFact(r, so)),
		t13: t13.map((r) =>
			suiteFact(r, t13Setting?.origin ?? defaultOrigin('OpenSSL default TLS 1.3 suites')),
		),
		runtime,
		dh,
		curves,
	};
}

const NODE_DEFAULT_CIPHERS =
	'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

const SCHANNEL_DEFAULT = [
	'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
	'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
	'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
	'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
	'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
	'TLS_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_RSA_WITH_AES_256_CBC_SHA256',
	'TLS_RSA_WITH_AES_128_CBC_SHA256',
	'TLS_RSA_WITH_AES_256_CBC_SHA',
	'TLS_RSA_WITH_AES_128_CBC_SHA',
	'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];

const DOTNET_FLAGS: Record<string, TlsVersion | null> = {
	Ssl3: 'SSLv3',
	Ssl2: 'SSLv2',
	Tls: 'TLSv1',
	Tls11: 'TLSv1.1',
	Tls12: 'TLSv1.2',
	Tls13: 'TLSv1.3',
	SystemDefault: null,
	None: null,
	Default: null,
};

function stackOfRuntimeText(runtime: string): DeclaredEndpoint['stack'] {
	if (/java|jdk|jre|openjdk|pega|zulu|temurin|corretto|\b\d{1,2}u\d+\b/i.test(runtime))
		return 'jsse';
	if (/\.net|dotnet|framework|net\d/i.test(runtime)) return 'dotnet';
	if (/node/i.test(runtime)) return 'node';
	if (/openssl|libressl|boringssl/i.test(runtime)) return 'openssl';
	return 'unknown';
}

/**
 * The runtime as the inputs state it, or null. A connector's runtime field counts only when it
 * names a version the defaults tables know; a stack-wide file (java.security banner, openssl.cnf
 * comment, Node/.NET version) counts for endpoints of that stack.
 */
export function statedRuntime(
	ep: DeclaredEndpoint,
	rt: RuntimeContext,
	stack: DeclaredEndpoint['stack'],
): string | null {
	if (stack === 'jsse') {
		const v = parseJavaVersion(ep.runtime ?? null) ?? parseJavaVersion(rt.java?.version ?? null);
		if (!v) return null;
		return ep.runtime && parseJavaVersion(ep.runtime) ? ep.runtime : `Java ${v.text}`;
	}
	if (stack === 'openssl') {
		const lib =
			/OpenSSL\s+(\d+\.\d+\.\d+[a-z]?)/i.exec(ep.runtime ?? '')?.[1] ?? rt.openssl?.version ?? null;
		if (!lib) return null;
		return ep.runtime && /OpenSSL\s+\d/i.test(ep.runtime) ? ep.runtime : `OpenSSL ${lib}`;
	}
	if (stack === 'node') {
		const v = rt.node?.version ?? ep.productVersion;
		return v ? `Node ${v}` : null;
	}
	if (stack === 'dotnet') {
		const fw = rt.dotnet?.framework ?? ep.productVersion;
		return fw ? `.NET ${fw}` : null;
	}
	return null;
}

export function effectiveDeclared(
	ep: DeclaredEndpoint,
	rt: RuntimeContext,
	cert: CertKey | null,
): Effective {
	const notes: string[] = [];
	const validationDisabled = [...ep.validationDisabled];
	const vulnerabilities: Vulnerability[] = [];
	if (ep.compression?.value)
		vulnerabilities.push({
			id: 'compression',
			tier: 'b',
			evidence: ep.compression.origin.value,
			origin: ep.compression.origin,
		});
	if (ep.insecureRenegotiation?.value)
		vulnerabilities.push({
			id: 'insecure renegotiation',
			tier: 'a',
			evidence: ep.insecureRenegotiation.origin.value,
			origin: ep.insecureRenegotiation.origin,
		});
	const droppedWeak: string[] = [];
	let stack = ep.stack;
	if (ep.runtime && stackOfRuntimeText(ep.runtime) === 'unknown')
		notes.push(
			`runtime "${ep.runtime}" is not recognised (kept as written): graded as if no runtime were stated; name a JDK ("Java 17.0.9", "8u202"), "OpenSSL 3.0.13", "Node 20" or ".NET Framework 4.8"`,
		);
	if (stack === 'unknown') {
		// Connectors (Pega, the form) run on a JVM; anything else is read as an OpenSSL server.
		stack = ep.format === 'connector' || ep.format === 'form' ? 'jsse' : 'openssl';
		notes.push(
			`runtime not supplied: the configured set is graded (${stack === 'jsse' ? 'Java' : 'OpenSSL'} stack, version unknown)`,
		);
	}
	const stated = statedRuntime(ep, rt, stack);
	const caveats = stated
		? null
		: stack === 'jsse'
			? JAVA_CAVEATS
			: stack === 'node'
				? NODE_CAVEATS
				: stack === 'dotnet'
					? DOTNET_CAVEATS
					: OPENSSL_CAVEATS;
	const base = { validationDisabled, vulnerabilities, notes, stated, caveats, droppedWeak };
	if (stack === 'jsse') {
		if (rt.java) validationDisabled.push(...rt.java.validationDisabled);
		const j = javaEffective(ep, rt, notes, cert, droppedWeak);
		const protocols = j.protocols;
		const suites = byProtocols(
			j.suites.map((f) => suiteByName(f.iana)).filter((r): r is SuiteRow => !!r),
			protocols.map((p) => p.version),
		);
		const keep = new Set(usable(suites, ep, cert, notes).map((s) => s.iana));
		const t13 = protocols.some((p) => p.version === 'TLSv1.3')
			? j.tls13Rows.map((r) =>
					suiteFact(
						r,
						j.suites[0]?.origin ?? defaultOrigin(`${j.runtime.label} default TLS 1.3 suites`),
					),
				)
			: [];
		return {
			...base,
			protocols,
			suites: j.suites.filter((f) => keep.has(f.iana)),
			tls13: t13,
			runtime: j.runtime,
			dh: j.suites.some((f) => f.kx === 'DHE') ? jsseGroupDh(j.dh, rt.java?.namedGroups) : null,
			curves: jsseCurves(rt.java?.namedGroups, j.removedCurves, notes),
			declaredMin: j.declaredMin,
		};
	}
	if (stack === 'node') {
		const n = rt.node;
		if (n)
			validationDisabled.push(
				...n.validationDisabled.filter((o) => !validationDisabled.includes(o)),
			);
		// Unknown Node: 11's defaults (TLSv1 minimum), the conservative reading.
		const major = Number((n?.version ?? ep.productVersion ?? '11').split('.')[0]);
		const min = n?.minVersion ??
			ep.minVersion ?? {
				value: (major < 12 ? 'TLSv1' : 'TLSv1.2') as TlsVersion,
				origin: defaultOrigin(ep.defaults.protocols),
			};
		const max = n?.maxVersion ??
			ep.maxVersion ?? {
				value: 'TLSv1.3' as TlsVersion,
				origin: defaultOrigin('Node default maximum TLSv1.3'),
			};
		const lib = major >= 17 ? '3.0.0' : '1.1.1';
		const rtOpen: RuntimeContext = {
			...rt,
			openssl: {
				version: lib,
				...(n?.ciphers
					? { cipherString: n.ciphers }
					: {
							cipherString: {
								value: NODE_DEFAULT_CIPHERS,
								origin: defaultOrigin('Node default cipher list'),
							},
						}),
			},
		};
		const inner: DeclaredEndpoint = {
			...ep,
			stack: 'openssl',
			runtime: `OpenSSL ${lib}`,
			protocols: {
				value: VERSIONS.filter(
					(x) =>
						versionRank(x) >= versionRank(min.value) && versionRank(x) <= versionRank(max.value),
				),
				origin: min.origin,
			},
		};
		delete inner.minVersion;
		delete inner.maxVersion;
		const r = opensslEffective(inner, rtOpen, cert, notes);
		const t13 = n?.ciphers
			? n.ciphers.value
					.split(':')
					.map((x) => suiteByName(x))
					.filter((x): x is SuiteRow => !!x && x.minVersion === 'TLSv1.3')
			: [];
		const protocols = r.protocols.map((p) => ({
			...p,
			origin: versionRank(p.version) === versionRank(min.value) ? min.origin : p.origin,
		}));
		return {
			...base,
			protocols,
			suites: byProtocols(
				r.rows.map((f) => suiteByName(f.iana)).filter((x): x is SuiteRow => !!x),
				protocols.map((p) => p.version),
			).map((x) => suiteFact(x, n?.ciphers?.origin ?? defaultOrigin('Node default cipher list'))),
			tls13: t13.length
				? t13.map((x) => suiteFact(x, n?.ciphers?.origin ?? defaultOrigin('')))
				: r.t13,
			runtime: {
				...r.runtime,
				kind: 'node',
				label: `Node ${n?.version ?? ep.productVersion ?? '(version not supplied)'} (${r.runtime.label})`,
			},
			dh: r.dh,
			curves: r.curves,
			declaredMin: null,
		};
	}
	if (stack === 'dotnet') {
		const d = rt.dotnet;
		if (d)
			validationDisabled.push(
				...d.validationDisabled.filter((o) => !validationDisabled.includes(o)),
			);
		const fw = d?.framework ?? ep.productVersion ?? null;
		if (!fw && !d?.flags)
			notes.push(
				'.NET framework not supplied: .NET Framework 4.6 defaults (TLS 1.0–1.2) graded; state the target framework',
			);
		let protocols: ProtocolFact[];
		const flags = d?.flags?.value.filter((f) => DOTNET_FLAGS[f] !== undefined) ?? [];
		const explicit = flags.map((f) => DOTNET_FLAGS[f]).filter((v): v is TlsVersion => !!v);
		if (d?.flags && explicit.length && !d.flagsAdded) protocols = facts(explicit, d.flags.origin);
		else if (fw && (fw.startsWith('core') || atLeast(fw, '4.7'))) {
			protocols = facts(
				['TLSv1.2', 'TLSv1.3'],
				defaultOrigin(
					`SystemDefault (.NET ${fw ?? '4.7+'}): the OS decides; current Windows offers TLS 1.2/1.3`,
				),
			);
			notes.push(
				'protocols follow the operating system (SystemDefault); TLS 1.2 and 1.3 assumed for a current Windows',
			);
		} else if (!fw || atLeast(fw, '4.6') || d?.strongCrypto?.value) {
			protocols = facts(
				['TLSv1', 'TLSv1.1', 'TLSv1.2'],
				d?.strongCrypto?.value
					? d.strongCrypto.origin
					: defaultOrigin(`.NET Framework ${fw ?? '4.6 (framework not supplied)'} default`),
			);
		} else {
			protocols = facts(
				['SSLv3', 'TLSv1'],
				defaultOrigin(`.NET Framework ${fw} default without SchUseStrongCrypto`),
			);
		}
		// `SecurityProtocol |= X` keeps what the runtime enables and adds X to it.
		if (d?.flags && d.flagsAdded && explicit.length) {
			const added = explicit.filter((v) => !protocols.some((p) => p.version === v));
			protocols = [...protocols, ...facts(added, d.flags.origin)].sort(
				(a, b) => versionRank(a.version) - versionRank(b.version),
			);
			notes.push(
				`${d.flags.value.join(', ')} OR-ed into the runtime default (|=): the default's protocols stay enabled`,
			);
		}
		const runtime: RuntimeFacts = {
			kind: 'dotnet',
			label: `.NET ${fw ?? '(framework not supplied)'}`,
			version: fw,
			dotnet: {
				framework: fw,
				flags: d?.flags
					? {
							names: d.flags.value,
							origin: d.flags.origin,
							...(d.flagsAdded ? { added: true } : {}),
						}
					: null,
				strongCrypto: d?.strongCrypto?.value ?? null,
			},
		};
		const rows = byProtocols(
			SCHANNEL_DEFAULT.map((n) => suiteByName(n)).filter((r): r is SuiteRow => !!r),
			protocols.map((p) => p.version),
		);
		const so = defaultOrigin('Schannel default suites (Windows Server 2016/2019)');
		const t13 = protocols.some((p) => p.version === 'TLSv1.3')
			? ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']
					.map((n) => suiteByName(n))
					.filter((r): r is SuiteRow => !!r)
			: [];
		return {
			...base,
			protocols,
			suites: usable(rows, ep, cert, notes).map((r) => suiteFact(r, so)),
			tls13: t13.map((r) => suiteFact(r, so)),
			runtime,
			dh: null,
			curves: DEFAULT_CURVES,
			declaredMin: ep.minVersion
				? { version: ep.minVersion.value, origin: ep.minVersion.origin }
				: null,
		};
	}
	const r = opensslEffective(ep, rt, cert, notes, droppedWeak);
	// nginx speaks TLS 1.3 only from 1.13.0, whatever the library can do.
	if (ep.product === 'nginx' && ep.productVersion && !atLeast(ep.productVersion, '1.13.0')) {
		const before = r.protocols.length;
		r.protocols = r.protocols.filter((p) => p.version !== 'TLSv1.3');
		notes.push(
			`nginx ${ep.productVersion} cannot do TLS 1.3 (needs 1.13.0)${before !== r.protocols.length ? '; TLSv1.3 removed' : ''}`,
		);
	}
	const versions = r.protocols.map((p) => p.version);
	const suites = byProtocols(
		r.rows.map((f) => suiteByName(f.iana)).filter((x): x is SuiteRow => !!x),
		versions,
	);
	const keep = new Set(suites.map((s) => s.iana));
	return {
		...base,
		protocols: r.protocols,
		suites: r.rows.filter((f) => keep.has(f.iana)),
		tls13: versions.includes('TLSv1.3') ? r.t13 : [],
		runtime: r.runtime,
		dh: r.rows.some((s) => s.kx === 'DHE') ? r.dh : null,
		curves: r.curves,
		declaredMin: ep.minVersion
			? { version: ep.minVersion.value, origin: ep.minVersion.origin }
			: null,
	};
}
