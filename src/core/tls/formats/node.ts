// Node.js TLS options (RULES.md 4.11): minVersion/maxVersion/secureProtocol/ciphers in code,
// tls.DEFAULT_MIN_VERSION, --tls-min-v1.x and NODE_TLS_REJECT_UNAUTHORIZED.
import type { TlsVersion } from '../../report/report';
import { emptyParse, origin, type DeclaredEndpoint, type NodeDecl, type TlsParse } from '../model';
import { normalizeVersion } from '../versions';
import { blankComments } from './code-comments';
import { lineOf, parseUrl, versionHint } from './text';

const METHODS: Record<string, TlsVersion> = {
	TLSv1_method: 'TLSv1',
	TLSv1_1_method: 'TLSv1.1',
	TLSv1_2_method: 'TLSv1.2',
	SSLv3_method: 'SSLv3',
};

export function parseNode(source: string, inputName: string): TlsParse {
	const parse = emptyParse('node');
	// The version may be stated in a comment ("// Node 20.11.0"); the options must be live code.
	const version = versionHint(source, /\bnode(?:js)?\s*v?(\d+\.\d+(?:\.\d+)?)/i);
	// JavaScript comments, and the shell's whole-line ones (`# NODE_OPTIONS=…`, a `#!` line), are
	// blanked to spaces: offsets and lines stay those of the source.
	const text = blankComments(source, 'js').replace(/^[ \t]*#(?:[ \t!].*)?$/gm, (line) =>
		line.replace(/./g, ' '),
	);
	const decl: NodeDecl = { version, validationDisabled: [] };
	const at = (m: RegExpMatchArray, key: string) =>
		origin(inputName, key, lineOf(text, m.index ?? 0), m[0].trim());
	for (const m of text.matchAll(
		/\b(minVersion|maxVersion|DEFAULT_MIN_VERSION|DEFAULT_MAX_VERSION)\s*[:=]\s*['"`]([^'"`]+)['"`]/g,
	)) {
		const v = normalizeVersion(m[2] ?? '');
		if (!v) continue;
		if (/min/i.test(m[1] ?? '')) decl.minVersion = { value: v, origin: at(m, m[1] ?? '') };
		else decl.maxVersion = { value: v, origin: at(m, m[1] ?? '') };
	}
	for (const m of text.matchAll(/--tls-(min|max)-v(1\.[0-3])/g)) {
		const v = normalizeVersion(`TLSv${m[2] ?? ''}`);
		if (!v) continue;
		// "If multiple of the options are provided, the lowest minimum is used."
		if (m[1] === 'min' && (!decl.minVersion || v < decl.minVersion.value))
			decl.minVersion = { value: v, origin: at(m, `--tls-min-v${m[2] ?? ''}`) };
		if (m[1] === 'max') decl.maxVersion = { value: v, origin: at(m, `--tls-max-v${m[2] ?? ''}`) };
	}
	for (const m of text.matchAll(/secureProtocol\s*:\s*['"`](\w+)['"`]/g)) {
		const v = METHODS[m[1] ?? ''];
		if (v) {
			decl.minVersion = { value: v, origin: at(m, 'secureProtocol') };
			decl.maxVersion = { value: v, origin: at(m, 'secureProtocol') };
		}
	}
	// secureOptions: SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 … raises the floor (or lowers the top).
	const secure = /secureOptions\s*:\s*([^,}\n]+)/.exec(text);
	if (secure) {
		const off = new Set(
			[...(secure[1] ?? '').matchAll(/SSL_OP_NO_(SSLv3|TLSv1(?:_[123])?)\b/g)].map((m) =>
				(m[1] ?? '').replace('_', '.'),
			),
		);
		const order: TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
		const floor = order.find((v) => !off.has(v));
		const rank = (v: TlsVersion) => order.indexOf(v);
		if (
			floor &&
			off.has('TLSv1') &&
			(!decl.minVersion || rank(floor) > rank(decl.minVersion.value))
		)
			decl.minVersion = { value: floor, origin: at(secure, 'secureOptions') };
		if (off.has('TLSv1.3') && !off.has('TLSv1.2'))
			decl.maxVersion = { value: 'TLSv1.2', origin: at(secure, 'secureOptions') };
	}
	const ciphers = /\bciphers\s*:\s*['"`]([^'"`]+)['"`]|--tls-cipher-list=(\S+)/.exec(text);
	if (ciphers)
		decl.ciphers = {
			value: (ciphers[1] ?? ciphers[2] ?? '').replace(/^['"]|['"]$/g, ''),
			origin: at(ciphers, ciphers[1] ? 'ciphers' : '--tls-cipher-list'),
		};
	for (const m of text.matchAll(
		/rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0['"]?/g,
	)) {
		decl.validationDisabled.push(
			at(m, m[0].startsWith('NODE') ? 'NODE_TLS_REJECT_UNAUTHORIZED' : 'rejectUnauthorized'),
		);
	}
	parse.node = decl;
	const server = /\b(tls|https)\.createServer\s*\(/.exec(text);
	const url = /['"`](https:\/\/[^'"`\s]+)['"`]/.exec(text);
	const hostM = /\bhost(?:name)?\s*:\s*['"`]([^'"`]+)['"`]/.exec(text);
	const portM = /\bport\s*:\s*(\d+)/.exec(text);
	const u = url?.[1] ? parseUrl(url[1]) : null;
	const ep: DeclaredEndpoint = {
		label: server
			? `Node ${server[1] ?? 'tls'}.createServer (line ${lineOf(text, server.index)})`
			: `Node TLS client${u ? ` to ${u.host}` : ''}`,
		format: 'node',
		role: server ? 'server' : 'client',
		scheme: 'https',
		host: u?.host ?? hostM?.[1]?.toLowerCase() ?? null,
		port: portM ? Number(portM[1]) : (u?.port ?? 443),
		line: server ? lineOf(text, server.index) : null,
		product: 'Node.js',
		productVersion: version,
		stack: 'node',
		validationDisabled: decl.validationDisabled,
		certificateFiles: [],
		defaults: {
			// what the stage grades: Node 11's TLSv1 minimum when the version is unknown
			protocols: version
				? `Node ${version} default minimum ${Number(version.split('.')[0]) < 12 ? 'TLSv1' : 'TLSv1.2'}`
				: 'Node version not stated: the Node ≤ 11 default minimum TLSv1 is assumed (Node 12+ defaults to TLSv1.2)',
			ciphers: 'Node default cipher list (tls.DEFAULT_CIPHERS)',
		},
	};
	parse.endpoints.push(ep);
	return parse;
}
