// The TLS stage (runs last): groups declared endpoints, runtime settings and scanner results
// into connectors (endpoint host:port + role), merges declared and observed (observed wins),
// computes the effective sets and CGS-1 category scores, and writes facts.tls and detail views.
import type { AnalysisFacts } from '../facts';
import {
	effectiveDeclared,
	suiteFact,
	type CertKey,
	type Effective,
	type RuntimeContext,
} from './effective';
import type { ConnectorForm, ProtocolFact, SuiteFact, TlsDetail, TlsFacts } from './facts';
import type { Origin } from './model';
import { connectorEndpoint, stackOfRuntime } from './formats/connector';
import { nginxDefaultProtocols } from './formats/nginx';
import { hostMatches } from './hostname';
import {
	origin,
	type DeclaredEndpoint,
	type DotnetDecl,
	type JavaDecl,
	type NodeDecl,
	type ObservedEndpoint,
	type OpenSslDecl,
	type TlsParse,
} from './model';
import { channelScores } from './score';
import { suiteByName, type SuiteRow } from './suites';
import { range, sortVersions, versionRank, VERSIONS } from './versions';
import { mailSideEndpoint } from './formats/mail-json';
import { fixesFor } from './fix';
import { hstsFact, hstsNote, scannerCategories } from './scanner-evidence';
import { resolveIncludes } from './includes';
import { wsSecurityProfileNotes } from './ws-security-profile';

interface Source {
	inputName: string | null;
	inputIndex: number | null;
	parse: TlsParse;
	text: string;
}

interface Group {
	key: string;
	declared: { ep: DeclaredEndpoint; inputName: string | null }[];
	observed: { o: ObservedEndpoint; inputName: string }[];
}

export function formEndpoint(form: ConnectorForm): DeclaredEndpoint {
	if (form.type === 'EMAIL') {
		// "smtp://host:587" or "host:587": the account's server, graded like the e-mail JSON.
		const m = /^(?:([a-z0-9]+):\/\/)?([^/:\s]+)(?::(\d+))?/i.exec(form.endpoint.trim());
		const mail = form.mail ?? {
			protocol: 'SMTP',
			security: 'starttls',
			authentication: true,
			checkServerIdentity: false,
		};
		const ep = mailSideEndpoint(
			{
				protocol: mail.protocol,
				...(m?.[2] ? { host: m[2] } : {}),
				...(m?.[3] ? { port: Number(m[3]) } : {}),
				security: mail.security,
				authentication: mail.authentication,
				checkServerIdentity: mail.checkServerIdentity,
				...(form.lowestTlsVersion ? { tlsProtocols: range(form.lowestTlsVersion) } : {}),
				...(form.runtime ? { runtime: form.runtime } : {}),
			},
			null,
		);
		if (ep)
			return {
				...ep,
				label: `E-mail account ${form.name}`.trim(),
				format: 'form',
				mail: ep.mail ? { ...ep.mail, origin: { ...ep.mail.origin, inputName: null } } : undefined,
			};
	}
	return connectorEndpoint(form, null, () => null);
}

/** Later settings override earlier ones, property by property. */
function mergeDecl<T extends object>(list: (T | undefined)[]): T | null {
	const present = list.filter((x): x is T => !!x);
	if (present.length === 0) return null;
	const out = { ...present[0] } as Record<string, unknown>;
	for (const d of present.slice(1)) {
		for (const [k, v] of Object.entries(d) as [string, unknown][]) {
			const prev = out[k];
			if (Array.isArray(v) && Array.isArray(prev))
				out[k] = [...(prev as unknown[]), ...(v as unknown[])];
			else if (v !== undefined && v !== null) out[k] = v;
		}
	}
	return out as T;
}

/**
 * A DH parameter file the configuration names (ssl_dhparam, SSLOpenSSLConfCmd DHParameters,
 * ssl-dh-param-file, or parameters appended to the certificate file) and the user dropped too:
 * its prime size is the DHE strength, whatever the default would have been.
 */
function useDroppedDhParameters(ep: DeclaredEndpoint, facts: AnalysisFacts, notes: string[]): void {
	if (ep.dhBits) return;
	const files = new Set(ep.certificateFiles.map((f) => f.toLowerCase()));
	const dh = facts.dhParameters.find((d) => files.has(d.inputName.toLowerCase()));
	if (!dh) return;
	ep.dhBits = {
		value: dh.bits,
		origin: origin(dh.inputName, 'DH PARAMETERS', null, `${dh.bits}-bit prime`),
	};
	delete ep.dhMissing;
	notes.push(`DHE uses the ${dh.bits}-bit parameters of ${dh.inputName}`);
}

const keyOf = (host: string | null, port: number | null, role: string) =>
	`${host ?? '*'}:${port ?? '*'}:${role}`;

function certificateFor(
	ep: DeclaredEndpoint | null,
	host: string | null,
	role: 'client' | 'server',
	facts: AnalysisFacts,
): CertKey | null {
	const leaves = facts.certificates.filter((c) => !c.isCA);
	const pick = (c: (typeof leaves)[number] | undefined): CertKey | null =>
		c && c.keySize
			? {
					keyAlgorithm: c.keyAlgorithm,
					keySize: c.keySize,
					source: `${c.inputName}: ${c.subject}`,
					sha256: c.sha256,
				}
			: null;
	if (ep) {
		const files = new Set(ep.certificateFiles.map((f) => f.toLowerCase()));
		const byFile = leaves.find((c) => files.has(c.inputName.toLowerCase()));
		if (byFile) return pick(byFile);
	}
	if (host) {
		const byName = leaves.find((c) => hostMatches(c, host));
		if (byName) return pick(byName);
	}
	if (role === 'server' && leaves.length === 1) return pick(leaves[0]);
	return null;
}

function mergeEndpoints(
	list: { ep: DeclaredEndpoint; inputName: string | null }[],
	notes: string[],
): DeclaredEndpoint | null {
	const first = list[0];
	if (!first) return null;
	const out: DeclaredEndpoint = {
		...first.ep,
		validationDisabled: [...first.ep.validationDisabled],
		certificateFiles: [...first.ep.certificateFiles],
	};
	for (const { ep } of list.slice(1)) {
		for (const k of [
			'protocols',
			'minVersion',
			'maxVersion',
			'cipherString',
			'cipherList',
			'tls13Suites',
			'dhBits',
			'curves',
			'runtime',
			'mail',
		] as const) {
			const next = ep[k];
			const prev = out[k];
			if (next === undefined) continue;
			if (
				prev !== undefined &&
				JSON.stringify((prev as { value?: unknown }).value ?? prev) !==
					JSON.stringify((next as { value?: unknown }).value ?? next)
			) {
				const describe = (x: unknown) =>
					typeof x === 'object' && x !== null && 'origin' in x
						? `${(x as { origin: Origin }).origin.value} (${(x as { origin: Origin }).origin.inputName ?? 'form'})`
						: String(x);
				notes.push(
					`conflicting ${k}: ${describe(prev)} versus ${describe(next)}; the later one (${ep.format}) is used`,
				);
			}
			Object.assign(out, { [k]: next });
		}
		out.validationDisabled.push(...ep.validationDisabled);
		out.certificateFiles.push(...ep.certificateFiles);
		if (ep.host && !out.host) out.host = ep.host;
	}
	return out;
}

/** The runtimes that matter per stack ("what the runtime would change"). */
const CANDIDATES: Record<string, string[]> = {
	java: ['Java 8u202', 'Java 8u292', 'Java 11.0.20', 'Java 17.0.9', 'Java 21.0.1', 'Java 25'],
	openssl: ['OpenSSL 1.0.2u', 'OpenSSL 1.1.1w', 'OpenSSL 3.0.13'],
	node: ['Node 10', 'Node 20'],
	dotnet: ['.NET Framework 4.5', '.NET Framework 4.6', '.NET Framework 4.8'],
};

/** The same declaration evaluated on each candidate runtime, as connectors for the rules. */
function whatIf(
	base: TlsFacts,
	ep: DeclaredEndpoint,
	rt: RuntimeContext,
	cert: CertKey | null,
	eff: Effective,
): { runtime: string; connector: TlsFacts }[] {
	const kind = eff.runtime.kind;
	const list = CANDIDATES[kind] ?? [];
	return list.map((runtime) => {
		const stack = stackOfRuntime(runtime);
		const e =
			kind === 'node' || kind === 'dotnet'
				? effectiveDeclared(
						{ ...ep, stack, productVersion: runtime.replace(/^\D+/, '') },
						{
							...rt,
							node: rt.node ? { ...rt.node, version: runtime.replace(/^\D+/, '') } : null,
							dotnet: rt.dotnet ? { ...rt.dotnet, framework: runtime.replace(/^\D+/, '') } : null,
						},
						cert,
					)
				: effectiveDeclared({ ...ep, stack, runtime }, rt, cert);
		const versions = e.protocols.map((p) => p.version);
		const scoreNotes: string[] = [];
		const connector: TlsFacts = {
			...base,
			whatIf: [],
			minVersion: sortVersions(versions)[0] ?? null,
			protocols: sortVersions(versions),
			cipherSuites: [...e.suites, ...e.tls13].map((x) => x.iana),
			protocolFacts: e.protocols,
			suiteFacts: e.suites,
			tls13Facts: e.tls13,
			declaredMinVersion: e.declaredMin,
			runtime: e.runtime,
			statedRuntime: runtime,
			caveats: null,
			dh: e.dh,
			curves: e.curves,
			notes: [...e.notes],
			scores: channelScores(
				versions,
				{ suites: e.suites, tls13: e.tls13, cert, dhBits: e.dh?.bits ?? null, curves: e.curves },
				scoreNotes,
			),
		};
		return { runtime, connector };
	});
}

/**
 * RULES.md rule 3 and 4.2 (Pega "Lowest allowable"): a declared lower bound below TLS 1.2 that a
 * stated runtime does not honour is an info note, not TLS-MIN-VERSION / TLS-SSLV3-ENABLED.
 */
function declaredMinNote(eff: Effective): string | null {
	const d = eff.declaredMin;
	if (!d || !eff.stated || versionRank(d.version) >= versionRank('TLSv1.2')) return null;
	const enabled = eff.protocols.map((p) => p.version);
	const refused = VERSIONS.filter(
		(v) =>
			versionRank(v) >= versionRank(d.version) &&
			versionRank(v) < versionRank('TLSv1.2') &&
			!enabled.includes(v),
	);
	if (refused.length === 0) return null;
	const where = `${d.origin.inputName ?? 'connector form'}${d.origin.line ? ` line ${d.origin.line}` : ''}`;
	return `info: the declared lowest allowable version ${d.origin.value} (${where}) is not effective: ${eff.runtime.label} does not negotiate ${refused.join(', ')}, so ${refused.includes('SSLv3') && enabled.every((v) => versionRank(v) >= versionRank('TLSv1.2')) ? 'TLS-SSLV3-ENABLED and TLS-MIN-VERSION do' : refused.includes('SSLv3') ? 'TLS-SSLV3-ENABLED does' : 'TLS-MIN-VERSION does'} not apply; set it to TLSv1.2 so it stays safe on any runtime`;
}

function observedFacts(
	o: ObservedEndpoint,
	inputName: string,
): { protocols: ProtocolFact[]; suites: SuiteFact[]; tls13: SuiteFact[] } {
	const src = origin(inputName, o.scanner, null, `observed by ${o.scanner}`);
	const rows = (names: string[]) =>
		names.map((n) => suiteByName(n)).filter((r): r is SuiteRow => !!r);
	return {
		protocols: sortVersions(o.protocols).map((version) => ({ version, origin: src })),
		suites: rows(o.suites).map((r) => suiteFact(r, src)),
		tls13: rows(o.tls13).map((r) => suiteFact(r, src)),
	};
}

export function runTlsStage(
	facts: AnalysisFacts,
	sources: Source[],
	form: ConnectorForm | null,
): { connectors: TlsFacts[]; details: Map<number, TlsDetail> } {
	// Included files that were dropped too are read in place; they then add no connector of their own.
	const merged = resolveIncludes(sources);
	const rt: RuntimeContext = {
		java: mergeDecl<JavaDecl>(sources.map((s) => s.parse.java)),
		openssl: mergeDecl<OpenSslDecl>(sources.map((s) => s.parse.openssl)),
		node: mergeDecl<NodeDecl>(sources.map((s) => s.parse.node)),
		dotnet: mergeDecl<DotnetDecl>(sources.map((s) => s.parse.dotnet)),
	};
	const runtimeInputs = sources
		.filter((s) => s.parse.java || s.parse.openssl)
		.map((s) => s.inputName)
		.filter((n): n is string => !!n);
	const groups = new Map<string, Group>();
	const group = (key: string) => {
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { key, declared: [], observed: [] }));
		return g;
	};
	const declared: { ep: DeclaredEndpoint; inputName: string | null }[] = [];
	for (const s of sources) {
		if (s.inputName && merged.has(s.inputName.toLowerCase())) continue;
		for (const ep of s.parse.endpoints) declared.push({ ep, inputName: s.inputName });
	}
	if (form && (form.endpoint || form.lowestTlsVersion || form.runtime))
		declared.push({ ep: formEndpoint(form), inputName: null });
	for (const d of declared) group(keyOf(d.ep.host, d.ep.port, d.ep.role)).declared.push(d);
	const stacks = new Set(declared.map((d) => d.ep.stack));
	// A bare version banner (java -version, nginx -V) states a runtime but declares nothing to grade.
	const beyondVersion = (key: 'java' | 'openssl') =>
		sources.some((x) => x.parse.format !== 'runtime' && x.parse[key]);
	if (
		beyondVersion('java') &&
		rt.java &&
		!stacks.has('jsse') &&
		!declared.some((d) => d.ep.runtime && /java|jdk/i.test(d.ep.runtime))
	) {
		group('java-runtime').declared.push({
			ep: {
				label: 'Java runtime defaults (no endpoint given)',
				format: 'java',
				role: 'client',
				scheme: 'https',
				host: null,
				port: null,
				line: null,
				product: 'Java',
				productVersion: rt.java.version,
				stack: 'jsse',
				validationDisabled: [],
				certificateFiles: [],
				defaults: { protocols: 'JVM default', ciphers: 'JVM default' },
			},
			inputName: runtimeInputs[0] ?? null,
		});
	}
	if (beyondVersion('openssl') && rt.openssl && !stacks.has('openssl')) {
		group('openssl-runtime').declared.push({
			ep: {
				label: 'OpenSSL system defaults (no endpoint given)',
				format: 'openssl',
				role: 'client',
				scheme: 'https',
				host: null,
				port: null,
				line: null,
				product: 'OpenSSL',
				productVersion: rt.openssl.version,
				stack: 'openssl',
				validationDisabled: [],
				certificateFiles: [],
				defaults: { protocols: 'OpenSSL default', ciphers: 'OpenSSL DEFAULT' },
			},
			inputName: sources.find((s) => s.parse.openssl)?.inputName ?? null,
		});
	}
	for (const s of sources) {
		for (const o of s.parse.observed) {
			const match = [...groups.values()].find((g) =>
				g.declared.some(
					(d) =>
						d.ep.role === 'server' &&
						(d.ep.port === null || d.ep.port === o.port) &&
						(d.ep.host === null || d.ep.host === o.host),
				),
			);
			(match ?? group(keyOf(o.host, o.port, 'server'))).observed.push({
				o,
				inputName: s.inputName ?? '',
			});
		}
	}
	const connectors: TlsFacts[] = [];
	let n = 0;
	// The runtime chosen on an input's card overrides what that file states.
	const chosen = form?.runtimes ?? {};
	const nginxVersion = rt.openssl?.nginxVersion;
	const withChoice = (d: { ep: DeclaredEndpoint; inputName: string | null }) => {
		// `nginx -V` dropped beside an nginx.conf that states no version: its compiled-in default.
		if (
			nginxVersion &&
			d.ep.product === 'nginx' &&
			!d.ep.productVersion &&
			d.ep.protocols?.origin.directive === 'default'
		)
			d = {
				...d,
				ep: {
					...d.ep,
					productVersion: nginxVersion,
					protocols: {
						value: nginxDefaultProtocols(nginxVersion),
						origin: origin(null, 'default', null, `nginx ${nginxVersion} default ssl_protocols`),
					},
				},
			};
		const r = d.inputName ? chosen[d.inputName]?.trim() : undefined;
		if (!r) return d;
		const stack = stackOfRuntime(r);
		return { ...d, ep: { ...d.ep, runtime: r, ...(stack !== 'unknown' ? { stack } : {}) } };
	};
	for (const g of groups.values()) {
		const notes: string[] = [];
		const ep = mergeEndpoints(g.declared.map(withChoice), notes);
		if (ep) useDroppedDhParameters(ep, facts, notes);
		const obs = g.observed[g.observed.length - 1] ?? null;
		if (g.observed.length > 1)
			notes.push(
				`${g.observed.length} scanner results for this endpoint; the last one (${obs?.inputName ?? ''}) is used`,
			);
		const role = ep?.role ?? 'server';
		const host = ep?.host ?? obs?.o.host ?? null;
		const port = ep?.port ?? obs?.o.port ?? null;
		const scheme = ep?.scheme ?? (obs?.o.starttls ? obs.o.starttls : 'https');
		const cert = obs?.o.certKey
			? { ...obs.o.certKey, source: `observed by ${obs.o.scanner}`, sha256: null }
			: certificateFor(ep, host, role, facts);
		const eff: Effective | null = ep ? effectiveDeclared(ep, rt, cert) : null;
		if (eff) notes.push(...eff.notes, ...eff.droppedWeak);
		if (eff) {
			const note = declaredMinNote(eff);
			if (note) notes.push(note);
		}
		const ob = obs ? observedFacts(obs.o, obs.inputName) : null;
		const graded = ob ? 'observed' : 'declared';
		const protocols = ob?.protocols ?? eff?.protocols ?? [];
		// A scan that did not enumerate suites leaves S to the declaration (or unknown).
		const listed = !obs || obs.o.suitesListed;
		if (!listed) {
			notes.push(
				`${obs?.o.scanner ?? 'the scanner'} did not list cipher suites (run testssl.sh with -e or -E)${eff ? '; declared suites used' : '; suites unknown, not scored'}`,
			);
		}
		const suites = (listed ? ob?.suites : undefined) ?? eff?.suites ?? [];
		const tls13 = (listed ? ob?.tls13 : undefined) ?? eff?.tls13 ?? [];
		const mail = ep?.mail ?? null;
		const plain = scheme === 'http' || scheme === 'ldap' || mail?.mode === 'plain';
		const channel: TlsFacts['channel'] = plain
			? 'PLAIN'
			: mail && mail.mode !== 'implicit'
				? 'STARTTLS'
				: 'TLS';
		const dhBits = ob
			? obs?.o.dhBits.length
				? Math.min(...obs.o.dhBits)
				: null
			: (eff?.dh?.bits ?? null);
		const curves = ob && obs?.o.curves.length ? obs.o.curves : (eff?.curves ?? []);
		const scoreNotes: string[] = [];
		const unknownSuites = !listed && !eff;
		const scores =
			plain || unknownSuites
				? null
				: channelScores(
						protocols.map((p) => p.version),
						{ suites, tls13, cert, dhBits, curves },
						scoreNotes,
					);
		notes.push(...scoreNotes);
		const inputs = [
			...new Set(
				[
					...g.declared.map((d) => d.inputName),
					obs?.inputName ?? null,
					...(ep?.stack === 'jsse' || ep?.stack === 'openssl' ? runtimeInputs : []),
				].filter((x): x is string => !!x),
			),
		];
		const hsts = obs ? hstsFact(obs.o, obs.inputName) : null;
		const noAPlus = hstsNote(hsts);
		if (noAPlus) notes.push(noAPlus);
		// A scan that skipped the old protocols cannot say they are off: never A+ on that gap.
		const unscanned = ob
			? sortVersions(obs?.o.unscanned ?? []).filter((v) => versionRank(v) < versionRank('TLSv1.2'))
			: [];
		if (unscanned.length)
			notes.push(
				`${obs?.o.scanner ?? 'the scanner'} did not test ${unscanned.join(', ')} (not scheduled, failed or absent from the scan): whether the server offers ${unscanned.length > 1 ? 'them' : 'it'} is unknown, so the grade is at most A; re-scan with those protocols (${obs?.o.scanner === 'testssl' ? 'testssl.sh -p' : 'sslyze --sslv2 --sslv3 --tlsv1 --tlsv1_1, or its default scan'})`,
			);
		const versions = protocols.map((p) => p.version);
		const name = ep
			? `${ep.label}${ep.format === 'form' && host ? ` (${host})` : ''}`
			: `${host ?? '?'}:${port ?? '?'} (observed)`;
		const id = `c${++n}`;
		const vulns = [
			...(eff?.vulnerabilities ?? []),
			...(obs
				? obs.o.vulnerabilities.map((v) => ({
						...v,
						origin: origin(obs.inputName, v.id, null, v.evidence),
					}))
				: []),
		];
		connectors.push({
			id,
			name,
			// The report's tlsSettings row describes the sets graded: the scan's when there is one.
			inputName: (obs ? obs.inputName : g.declared[0]?.inputName) ?? null,
			source: obs ? obs.o.scanner : (ep?.format ?? 'form'),
			minVersion: sortVersions(versions)[0] ?? null,
			protocols: sortVersions(versions),
			cipherSuites: [...suites, ...tls13].map((s) => s.iana),
			scores,
			role,
			channel,
			endpoint: { scheme, host, port },
			...(ep ? { product: ep.product } : {}),
			...(ep?.url ? { endpointUrl: ep.url } : {}),
			graded,
			protocolFacts: protocols,
			suiteFacts: suites,
			tls13Facts: tls13,
			declared: eff
				? {
						protocols: eff.protocols.map((p) => p.version),
						suites: eff.suites.map((s) => s.iana),
						tls13: eff.tls13.map((s) => s.iana),
						inputs: g.declared.map((d) => d.inputName ?? 'form'),
					}
				: null,
			observed:
				ob && obs
					? {
							protocols: obs.o.protocols,
							suites: obs.o.suites,
							tls13: obs.o.tls13,
							inputName: obs.inputName,
						}
					: null,
			declaredMinVersion: eff?.declaredMin ?? null,
			runtime: eff?.runtime ?? {
				kind: 'unknown',
				label: obs ? `observed by ${obs.o.scanner}` : 'unknown',
				version: null,
			},
			// A scan observes what the server does: no runtime caveat applies to observed sets.
			statedRuntime: eff?.stated ?? ep?.runtime ?? null,
			caveats: ob ? null : (eff?.caveats ?? null),
			dh:
				dhBits !== null
					? {
							bits: dhBits,
							origin:
								eff?.dh?.origin ??
								origin(obs?.inputName ?? null, 'DH_groups', null, `${dhBits} bits`),
						}
					: null,
			curves,
			certificate: cert,
			validationDisabled: eff?.validationDisabled ?? [],
			vulnerabilities: vulns,
			fallbackScsv: obs?.o.fallbackScsv ?? null,
			scannerCategories: obs ? scannerCategories(obs.o, obs.inputName) : [],
			hsts,
			...(unscanned.length ? { unscanned } : {}),
			mail,
			inputs,
			notes: [...new Set(notes)],
		});
		const made = connectors[connectors.length - 1];
		if (made && ep && eff && !ob && channel !== 'PLAIN')
			made.whatIf = whatIf(made, ep, rt, cert, eff);
	}
	// RULES.md 3.5: a scan of the remote server does not describe the client; report what the two
	// can negotiate, and grade each on its own set.
	for (const client of connectors.filter((c) => c.role === 'client' && c.endpoint?.host)) {
		const server = connectors.find(
			(c) =>
				c.observed &&
				c.endpoint?.host === client.endpoint?.host &&
				c.endpoint?.port === client.endpoint?.port,
		);
		if (!server) continue;
		const protocols = client.protocols.filter((p) => server.protocols.includes(p));
		const suites = client.cipherSuites.filter((s) => server.cipherSuites.includes(s));
		client.notes.push(
			protocols.length
				? `negotiable with the scanned server: ${protocols.join(', ')}; ${suites.length} common suite(s)${suites[0] ? `, e.g. ${suites[0]}` : ''}`
				: `no protocol in common with the scanned server (${server.protocols.join(', ') || 'none'}): the connection fails`,
		);
	}
	if (form) {
		const profile = wsSecurityProfileNotes(form, facts);
		for (const c of connectors.filter((x) => x.declared?.inputs.includes('form')))
			c.notes.push(...profile);
	}
	const details = new Map<number, TlsDetail>();
	for (const s of sources) {
		if (s.inputIndex === null || !s.inputName) continue;
		const mine = connectors.filter((c) => c.inputs.includes(s.inputName ?? ''));
		const summary = `${s.parse.format}: ${s.parse.endpoints.length} endpoint(s)${s.parse.observed.length ? `, ${s.parse.observed.length} scanned endpoint(s)` : ''}${s.parse.java ? ', Java runtime settings' : ''}${s.parse.openssl ? ', OpenSSL settings' : ''}`;
		details.set(s.inputIndex, {
			summary,
			format: s.parse.format,
			parse: s.parse,
			connectors: mine.map((c) => ({
				id: c.id,
				name: c.name,
				protocols: c.protocolFacts,
				suites: c.suiteFacts,
				tls13: c.tls13Facts,
				scores: c.scores,
				notes: c.notes,
				...(c.graded === 'observed'
					? { scanner: { categories: c.scannerCategories ?? [], hsts: c.hsts ?? null } }
					: {}),
			})),
			fixes: fixesFor(s.parse, s.text, mine),
		});
	}
	return { connectors, details };
}
