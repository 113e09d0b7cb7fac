// The JSON connector declaration {"connector": {...}} and the page's connector form: both become
// one declared client (or server) endpoint with its runtime (RULES.md 4.2, Pega semantics).
import type { ConnectorForm } from '../facts';
import { emptyParse, origin, type DeclaredEndpoint, type TlsParse } from '../model';
import { normalizeVersion } from '../versions';
import { parseUrl } from './text';

export type ConnectorLike = Partial<Omit<ConnectorForm, 'wsSecurity'>> & {
	lowestAllowableTlsVersion?: string;
	wsSecurity?: Partial<ConnectorForm['wsSecurity']>;
};

export function stackOfRuntime(runtime: string): DeclaredEndpoint['stack'] {
	if (/java|jdk|jre|openjdk|pega|zulu|temurin|corretto/i.test(runtime)) return 'jsse';
	if (/\.net|dotnet|framework|net\d/i.test(runtime)) return 'dotnet';
	if (/node/i.test(runtime)) return 'node';
	if (/openssl|libressl|boringssl/i.test(runtime)) return 'openssl';
	return 'unknown';
}

export function connectorEndpoint(
	c: ConnectorLike,
	inputName: string | null,
	lineOfKey: (k: string) => number | null,
): DeclaredEndpoint {
	const u = c.endpoint ? parseUrl(c.endpoint) : null;
	const runtime = c.runtime ?? '';
	const directive = (k: string) => (inputName ? `connector.${k}` : `form: ${k}`);
	const ep: DeclaredEndpoint = {
		label: `${c.type ?? 'REST'} connector ${c.name ?? ''}`.trim(),
		format: inputName ? 'connector' : 'form',
		role: c.role === 'server' ? 'server' : 'client',
		scheme: u?.scheme ?? null,
		host: u?.host ?? null,
		port: u?.port ?? null,
		...(c.endpoint ? { url: c.endpoint.trim() } : {}),
		line: lineOfKey('connector'),
		product: c.type === 'SOAP' ? 'SOAP connector' : 'REST connector',
		productVersion: null,
		stack: stackOfRuntime(runtime),
		validationDisabled: [],
		certificateFiles: [c.keystoreInput, c.truststoreInput].filter((x): x is string => !!x),
		defaults: {
			protocols: runtime ? `${runtime} default` : 'runtime default',
			ciphers: runtime ? `${runtime} default suites` : 'runtime default suites',
		},
		...(runtime ? { runtime } : {}),
	};
	const lowest = c.lowestTlsVersion ?? c.lowestAllowableTlsVersion;
	const v = lowest ? normalizeVersion(lowest) : null;
	if (v)
		ep.minVersion = {
			value: v,
			origin: origin(
				inputName,
				directive(c.lowestAllowableTlsVersion ? 'lowestAllowableTlsVersion' : 'lowestTlsVersion'),
				lineOfKey(c.lowestAllowableTlsVersion ? 'lowestAllowableTlsVersion' : 'lowestTlsVersion'),
				lowest ?? '',
			),
		};
	if (c.cipherSuites?.trim()) {
		const value = c.cipherSuites.trim();
		const o = origin(inputName, directive('cipherSuites'), lineOfKey('cipherSuites'), value);
		if (/:/.test(value) || !/^(TLS|SSL)_/.test(value)) ep.cipherString = { value, origin: o };
		else ep.cipherList = { value: value.split(/[\s,]+/).filter(Boolean), origin: o };
	}
	return ep;
}

export function parseConnectorJson(text: string, inputName: string): TlsParse {
	const parse = emptyParse('connector');
	const value = JSON.parse(text) as { connector?: Record<string, unknown> };
	const c = value.connector ?? {};
	const str = (k: string): string | undefined => {
		const v = c[k];
		return typeof v === 'string' ? v : undefined;
	};
	const lines = text.split(/\r?\n/);
	const lineOfKey = (k: string) => {
		const i = lines.findIndex((l) => l.includes(`"${k}"`));
		return i >= 0 ? i + 1 : null;
	};
	const known = new Set([
		'name',
		'type',
		'endpoint',
		'role',
		'lowestAllowableTlsVersion',
		'lowestTlsVersion',
		'runtime',
		'cipherSuites',
		'keystore',
		'truststore',
		'keystoreInput',
		'truststoreInput',
		'wsSecurity',
	]);
	for (const k of Object.keys(c)) {
		if (!known.has(k))
			parse.notes.push({
				level: 'info',
				line: lineOfKey(k),
				message: `unknown connector field "${k}" ignored`,
			});
	}
	// A field of the wrong type is named with its line; the rest of the declaration is still read.
	const expected: Record<string, string> = {
		name: 'string',
		type: 'string',
		endpoint: 'string',
		role: 'string',
		lowestAllowableTlsVersion: 'string',
		lowestTlsVersion: 'string',
		runtime: 'string',
		keystore: 'string',
		truststore: 'string',
		keystoreInput: 'string',
		truststoreInput: 'string',
		wsSecurity: 'object',
	};
	for (const [k, type] of Object.entries(expected)) {
		const v = c[k];
		if (v === undefined || v === null) continue;
		const ok = type === 'object' ? typeof v === 'object' && !Array.isArray(v) : typeof v === type;
		if (!ok)
			parse.notes.push({
				level: 'error',
				line: lineOfKey(k),
				message: `connector.${k} must be a ${type} (found ${JSON.stringify(v)}); ignored`,
			});
	}
	const cs = c['cipherSuites'];
	if (
		cs !== undefined &&
		cs !== null &&
		typeof cs !== 'string' &&
		!(Array.isArray(cs) && cs.every((x) => typeof x === 'string'))
	)
		parse.notes.push({
			level: 'error',
			line: lineOfKey('cipherSuites'),
			message: `connector.cipherSuites must be a string or a list of strings (found ${JSON.stringify(cs)}); ignored`,
		});
	for (const [k, allowed] of [
		['type', ['REST', 'SOAP']],
		['role', ['client', 'server']],
	] as const) {
		// the first allowed value is the one used in its place (REST, client), as the form does
		const v = str(k);
		if (v !== undefined && !(allowed as readonly string[]).includes(v))
			parse.notes.push({
				level: 'error',
				line: lineOfKey(k),
				message: `connector.${k} "${v}" is not ${allowed.join(' or ')}; ${allowed[0]} used`,
			});
	}
	const suites = Array.isArray(c['cipherSuites'])
		? (c['cipherSuites'] as unknown[]).filter((s): s is string => typeof s === 'string').join(',')
		: str('cipherSuites');
	const lowest = str('lowestAllowableTlsVersion') ?? str('lowestTlsVersion');
	if (lowest && !normalizeVersion(lowest))
		parse.notes.push({
			level: 'error',
			line: lineOfKey('lowestAllowableTlsVersion'),
			message: `"${lowest}" is not a protocol version (TLSv1.3, TLSv1.2, TLSv1.1, TLSv1, SSLv3)`,
		});
	const ep = connectorEndpoint(
		{
			name: str('name') ?? inputName,
			type: str('type') === 'SOAP' ? 'SOAP' : 'REST',
			endpoint: str('endpoint') ?? '',
			role: str('role') === 'server' ? 'server' : 'client',
			...(lowest ? { lowestAllowableTlsVersion: lowest } : {}),
			runtime: str('runtime') ?? '',
			cipherSuites: suites ?? '',
			keystoreInput: str('keystore') ?? str('keystoreInput') ?? '',
			truststoreInput: str('truststore') ?? str('truststoreInput') ?? '',
		},
		inputName,
		lineOfKey,
	);
	if (!str('endpoint'))
		parse.notes.push({
			level: 'warning',
			line: lineOfKey('connector'),
			message:
				'no "endpoint" URL: the connector cannot be matched to scanner results or certificates',
		});
	parse.endpoints.push(ep);
	return parse;
}
