// nginx (RULES.md 4.6): block syntax, http → server inheritance, defaults by nginx version,
// upstream verification (proxy_ssl_verify) and the mail proxy's STARTTLS mode.
import { ParseError } from '../../errors';
import type { TlsVersion } from '../../report/report';
import { emptyParse, origin, type DeclaredEndpoint, type Setting, type TlsParse } from '../model';
import { atLeast, normalizeVersion, serverAcceptsVersion } from '../versions';
import { applyDefaultServer, socketOf, type SocketServer } from './nginx-sni';
import { basename, opensslHint, versionHint, versionList } from './text';

/** Deepest block nesting read (nginx itself has no limit; real files stay under ten). */
export const MAX_NGINX_DEPTH = 64;

interface Directive {
	name: string;
	args: string[];
	line: number;
	children: Directive[] | null;
}

/** Tokenizes nginx syntax into a directive tree; reports unbalanced braces with line numbers. */
export function parseNginxTree(text: string, parse: TlsParse): Directive[] {
	const root: Directive[] = [];
	const stack: { list: Directive[]; line: number }[] = [{ list: root, line: 0 }];
	let words: string[] = [];
	let wordLine = 1;
	let line = 1;
	let i = 0;
	const top = () => stack[stack.length - 1]?.list ?? root;
	while (i < text.length) {
		const c = text[i] ?? '';
		if (c === '\n') {
			line++;
			i++;
		} else if (/\s/.test(c)) i++;
		else if (c === '#') {
			while (i < text.length && text[i] !== '\n') i++;
		} else if (c === ';' || c === '{') {
			if (words.length === 0) {
				parse.notes.push({ level: 'error', line, message: `unexpected "${c}"` });
			} else {
				const [name = '', ...args] = words;
				const d: Directive = { name, args, line: wordLine, children: c === '{' ? [] : null };
				top().push(d);
				if (d.children) {
					// the walks over this tree follow its nesting: bound it (real configurations
					// nest a handful of levels; 5,000 overflowed the stack)
					if (stack.length > MAX_NGINX_DEPTH) {
						throw new ParseError(
							'nginx/too-deep',
							`nginx blocks nested deeper than ${MAX_NGINX_DEPTH} levels (line ${wordLine}): refused to parse`,
							{ line: wordLine },
						);
					}
					stack.push({ list: d.children, line: wordLine });
				}
			}
			words = [];
			i++;
		} else if (c === '}') {
			if (words.length > 0) {
				parse.notes.push({
					level: 'error',
					line,
					message: `missing ";" after "${words.join(' ')}"`,
				});
				words = [];
			}
			if (stack.length === 1) parse.notes.push({ level: 'error', line, message: 'unexpected "}"' });
			else stack.pop();
			i++;
		} else {
			let w = '';
			if (words.length === 0) wordLine = line;
			if (c === '"' || c === "'") {
				i++;
				while (i < text.length && text[i] !== c) {
					if (text[i] === '\n') line++;
					w += text[i] === '\\' ? (text[++i] ?? '') : text[i];
					i++;
				}
				i++;
			} else {
				while (i < text.length && !/[\s;{}#]/.test(text[i] ?? '')) w += text[i++];
			}
			words.push(w);
		}
	}
	if (words.length > 0)
		parse.notes.push({ level: 'error', line, message: `missing ";" after "${words.join(' ')}"` });
	for (const open of stack.slice(1)) {
		parse.notes.push({
			level: 'error',
			line: open.line,
			message: `block opened on line ${open.line} is never closed`,
		});
	}
	return root;
}

/** Compiled-in ssl_protocols default by version (changes.xml; NGX_SSL_DEFAULT_PROTOCOLS). */
export function nginxDefaultProtocols(version: string | null): TlsVersion[] {
	// Unknown version: the default of 1.9.1–1.23.3 (still shipped by many distributions), never
	// the newest one (no better grade on an assumption).
	if (version === null) return ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
	if (atLeast(version, '1.27.3')) return ['TLSv1.2', 'TLSv1.3'];
	if (atLeast(version, '1.23.4')) return ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
	if (atLeast(version, '1.9.1')) return ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
	return ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
}

const KNOWN_SSL = new Set([
	'ssl',
	'ssl_protocols',
	'ssl_ciphers',
	'ssl_prefer_server_ciphers',
	'ssl_ecdh_curve',
	'ssl_dhparam',
	'ssl_conf_command',
	'ssl_certificate',
	'ssl_certificate_key',
	'ssl_session_tickets',
	'ssl_session_cache',
	'ssl_session_timeout',
	'ssl_session_ticket_key',
	'ssl_stapling',
	'ssl_stapling_verify',
	'ssl_trusted_certificate',
	'ssl_client_certificate',
	'ssl_verify_client',
	'ssl_verify_depth',
	'ssl_password_file',
	'ssl_buffer_size',
	'ssl_early_data',
	'ssl_crl',
	'ssl_ocsp',
	'ssl_ocsp_cache',
	'ssl_ocsp_responder',
	'ssl_reject_handshake',
	'ssl_stapling_file',
	'ssl_stapling_responder',
	'ssl_handshake_timeout',
	'ssl_preread',
	'ssl_engine',
	'ssl_certificate_cache',
	'ssl_key_log',
	'ssl_ech_file',
	'ssl_object_cache_inheritable',
]);

interface Scope {
	get(name: string): Directive | undefined;
	/** Every occurrence in the innermost block that has one (array directives are not merged). */
	getAll(name: string): Directive[];
}

/** Directives nginx itself rejects as "directive is duplicate" when repeated in one block. */
const SINGLE =
	/^(ssl_protocols|ssl_ciphers|ssl_dhparam|ssl_ecdh_curve|ssl_prefer_server_ciphers|proxy_ssl_protocols|proxy_ssl_ciphers|proxy_ssl_verify)$/;
let duplicates: ((found: Directive[]) => void) | null = null;

function scope(blocks: Directive[][]): Scope {
	return {
		// Innermost block wins; within a block the last occurrence wins.
		get(name) {
			for (let b = blocks.length - 1; b >= 0; b--) {
				const found = (blocks[b] ?? []).filter((d) => d.name === name);
				if (found.length > 1 && SINGLE.test(name)) duplicates?.(found);
				if (found.length) return found[found.length - 1];
			}
			return undefined;
		},
		getAll(name) {
			for (let b = blocks.length - 1; b >= 0; b--) {
				const found = (blocks[b] ?? []).filter((d) => d.name === name);
				if (found.length) return found;
			}
			return [];
		},
	};
}

/** Upstream TLS (RULES.md 4.6): the same `*_ssl_*` pattern for HTTP, gRPC and uwsgi proxies. */
type UpstreamPrefix = 'proxy_ssl' | 'grpc_ssl' | 'uwsgi_ssl';
const UPSTREAMS: { pass: string; scheme: RegExp; prefix: UpstreamPrefix }[] = [
	{ pass: 'proxy_pass', scheme: /^https:\/\//i, prefix: 'proxy_ssl' },
	{ pass: 'grpc_pass', scheme: /^grpcs:\/\//i, prefix: 'grpc_ssl' },
	{ pass: 'uwsgi_pass', scheme: /^suwsgi:\/\//i, prefix: 'uwsgi_ssl' },
];

export function parseNginx(text: string, inputName: string): TlsParse {
	const parse = emptyParse('nginx');
	const tree = parseNginxTree(text, parse);
	// Contradictory settings are explained with both lines.
	const said = new Set<number>();
	duplicates = (found) => {
		const last = found[found.length - 1];
		if (!last || said.has(last.line)) return;
		said.add(last.line);
		parse.notes.push({
			level: 'error',
			line: last.line,
			message: `${last.name} is set ${found.length} times in one block (${found.map((d) => `line ${d.line}: ${d.name} ${d.args.join(' ')}`).join('; ')}): nginx refuses to start ("directive is duplicate"); the last one (line ${last.line}) is graded`,
		});
	};
	const version = versionHint(text, /nginx\/(\d+\.\d+\.\d+)/i);
	const libVersion = opensslHint(text);
	if (!version)
		parse.notes.push({
			level: 'info',
			line: null,
			message:
				'nginx version not stated: where ssl_protocols is absent, the default of nginx 1.9.1–1.23.3 (TLSv1 TLSv1.1 TLSv1.2) is graded; nginx ≥ 1.27.3 defaults to TLSv1.2 TLSv1.3. State it with the runtime choice, `nginx -V` output or a "# nginx/1.27.3" comment',
		});
	const set = <T>(d: Directive, value: T): Setting<T> => ({
		value,
		origin: origin(inputName, d.name, d.line, `${d.name} ${d.args.join(' ')}`),
	});
	const walk = (
		list: Directive[],
		visit: (d: Directive, path: Directive[][]) => void,
		path: Directive[][] = [list],
	) => {
		for (const d of list) {
			visit(d, path);
			if (d.children) walk(d.children, visit, [...path, d.children]);
		}
	};
	walk(tree, (d) => {
		if (d.name === 'include')
			parse.includes.push({ path: d.args[0] ?? '', line: d.line, evaluated: false });
		if (d.name.startsWith('ssl_') && !KNOWN_SSL.has(d.name)) {
			parse.notes.push({
				level: 'warning',
				line: d.line,
				message: `unknown directive ${d.name} ignored`,
			});
		}
	});
	const endpoints: DeclaredEndpoint[] = [];
	const sockets: SocketServer[] = [];
	// What a default stands for, and what could change it: the version when not stated, and any
	// include that was not read (it may set the directive).
	const unread = parse.includes.map((inc) => `include ${inc.path} (line ${inc.line})`);
	const mayChange = unread.length
		? `; ${unread.join(', ')} not read: it may set this directive`
		: '';
	const defaults = {
		protocols: version
			? `nginx ${version} default${mayChange}`
			: `nginx version not stated: the 1.9.1–1.23.3 default TLSv1 TLSv1.1 TLSv1.2 is assumed (1.23.4+ adds TLSv1.3, 1.27.3+ is TLSv1.2 TLSv1.3)${mayChange}`,
		ciphers: `nginx default HIGH:!aNULL:!MD5${mayChange}`,
	};
	const base = (label: string, line: number, role: 'client' | 'server'): DeclaredEndpoint => ({
		label,
		format: 'nginx',
		role,
		scheme: 'https',
		host: null,
		port: null,
		line,
		product: 'nginx',
		productVersion: version,
		stack: 'openssl',
		validationDisabled: [],
		certificateFiles: [],
		defaults,
		...(libVersion ? { runtime: `OpenSSL ${libVersion}` } : {}),
	});
	const fill = (ep: DeclaredEndpoint, s: Scope, prefix: UpstreamPrefix | 'ssl') => {
		const protocols = s.get(`${prefix}_protocols`);
		if (protocols) {
			// ngx_conf_set_bitmask_slot: any other name is "invalid value" and nginx does not start;
			// a name that looks like a version is graded as that version (it can only add one)
			const versions: TlsVersion[] = [];
			for (const token of protocols.args) {
				const reading = normalizeVersion(token);
				if (reading) versions.push(reading);
				if (serverAcceptsVersion(token, 'openssl')) continue;
				const message = `${protocols.name}: invalid value "${token}": nginx refuses to start (it accepts SSLv2, SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); ${reading ? `graded as ${reading}, never better than the file` : 'ignored'}`;
				if (!parse.notes.some((n) => n.message === message && n.line === protocols.line))
					parse.notes.push({ level: 'error', line: protocols.line, message });
			}
			ep.protocols = set(protocols, [...new Set(versions)]);
		} else {
			ep.protocols = {
				value: nginxDefaultProtocols(version),
				origin: origin(null, 'default', null, defaults.protocols),
			};
		}
		const ciphers = s.get(`${prefix}_ciphers`);
		if (ciphers) ep.cipherString = set(ciphers, ciphers.args.join(' '));
		else
			ep.cipherString = {
				value: prefix === 'ssl' ? 'HIGH:!aNULL:!MD5' : 'DEFAULT',
				origin: origin(
					null,
					'default',
					null,
					prefix === 'ssl' ? defaults.ciphers : `nginx default DEFAULT${mayChange}`,
				),
			};
		const curves = s.get(`${prefix === 'ssl' ? 'ssl_ecdh_curve' : 'proxy_ssl_ecdh_curve'}`);
		if (curves && curves.args[0] !== 'auto')
			ep.curves = set(curves, (curves.args[0] ?? '').split(':'));
		if (prefix === 'ssl') {
			const dh = s.get('ssl_dhparam');
			if (!dh)
				ep.dhMissing = origin(null, 'ssl_dhparam', null, 'not set: DHE suites are not negotiated');
			else ep.certificateFiles.push(basename(dh.args[0] ?? ''));
			const cert = s.get('ssl_certificate');
			if (cert) ep.certificateFiles.push(basename(cert.args[0] ?? ''));
		}
		// ssl_conf_command may be repeated, one OpenSSL command each (nginx applies them in order
		// after its own directives, names matched case-insensitively as in openssl.cnf): all of
		// them count, a later one of the same name wins.
		for (const b of s.getAll(`${prefix}_conf_command`)) {
			const [cmd = '', ...rest] = b.args;
			const value = rest.join(' ');
			if (/^Ciphersuites$/i.test(cmd)) ep.tls13Suites = set(b, value.split(':'));
			// replaces the ssl_ciphers list: SSL_CONF_cmd calls SSL_CTX_set_cipher_list again
			if (/^CipherString$/i.test(cmd)) ep.cipherString = set(b, value);
			if (/^(Min|Max)Protocol$/i.test(cmd)) {
				const v = versionList(value).versions[0];
				if (v) ep[/^min/i.test(cmd) ? 'minVersion' : 'maxVersion'] = set(b, v);
			}
		}
	};
	walk(tree, (d, path) => {
		if (d.name !== 'server' || !d.children) return;
		const parent = path[path.length - 1];
		const inMail =
			path.length >= 2 && tree.some((t) => t.name === 'mail' && t.children === path[1]);
		const inStream =
			path.length >= 2 && tree.some((t) => t.name === 'stream' && t.children === path[1]);
		const blocks = [...path, d.children];
		const s = scope(blocks);
		const listens = d.children.filter((c) => c.name === 'listen');
		const sslOn = s.get('ssl')?.args[0] === 'on';
		const serverName = d.children.find((c) => c.name === 'server_name')?.args[0] ?? null;
		const host =
			serverName && serverName !== '_' && !serverName.startsWith('~')
				? serverName.toLowerCase()
				: null;
		if (inMail) {
			const starttls = s.get('starttls');
			for (const l of listens.length ? listens : [d]) {
				const port = Number(/(\d+)$/.exec(l.args[0] ?? '')?.[1] ?? 0) || null;
				const ssl = l.args.includes('ssl') || sslOn;
				const mode = ssl
					? 'implicit'
					: starttls?.args[0] === 'only'
						? 'starttls-required'
						: starttls?.args[0] === 'on'
							? 'starttls-optional'
							: 'plain';
				const protocol =
					port === 993 || port === 143 ? 'imap' : port === 995 || port === 110 ? 'pop3' : 'smtp';
				const ep = base(`mail server ${l.args[0] ?? ''} (line ${l.line})`, l.line, 'server');
				ep.scheme = protocol;
				ep.host = host;
				ep.port = port;
				ep.mail = {
					protocol,
					host,
					port,
					mode,
					auth: null,
					checkServerIdentity: true,
					trustAll: false,
					origin: origin(
						inputName,
						starttls ? 'starttls' : 'listen',
						starttls?.line ?? l.line,
						starttls ? `starttls ${starttls.args.join(' ')}` : `listen ${l.args.join(' ')}`,
					),
				};
				fill(ep, s, 'ssl');
				endpoints.push(ep);
			}
			return;
		}
		const sslListens = listens.filter(
			(l) => l.args.includes('ssl') || sslOn || l.args.includes('quic'),
		);
		for (const l of sslListens) {
			const port = Number(/(\d+)$/.exec(l.args[0] ?? '')?.[1] ?? 443) || 443;
			const ep = base(
				`server ${host ?? '(default)'} listen ${l.args[0] ?? ''} (line ${l.line})`,
				l.line,
				'server',
			);
			ep.host = host;
			ep.port = port;
			fill(ep, s, 'ssl');
			endpoints.push(ep);
			sockets.push({
				ep,
				socket: socketOf(l.args[0] ?? '443'),
				isDefault: l.args.includes('default_server') || l.args.includes('default'),
			});
		}
		// Upstream TLS: the server block acts as a client of its proxy_pass target.
		const walkLocations = (list: Directive[], scopes: Directive[][]) => {
			for (const c of list) {
				// stream { proxy_pass host:port; proxy_ssl on; }: TLS to the upstream without a scheme.
				const streamTls =
					inStream && c.name === 'proxy_pass' && scope(scopes).get('proxy_ssl')?.args[0] === 'on';
				const upstream = streamTls
					? UPSTREAMS[0]
					: UPSTREAMS.find((u) => u.pass === c.name && u.scheme.test(c.args[0] ?? ''));
				if (upstream) {
					const prefix = upstream.prefix;
					const ps = scope(scopes);
					const ep = base(`upstream ${c.args[0] ?? ''} (line ${c.line})`, c.line, 'client');
					const m = /^(?:[a-z]+:\/\/)?([^/:]+)(?::(\d+))?/i.exec(c.args[0] ?? '');
					ep.host = m?.[1]?.toLowerCase() ?? null;
					ep.port = m?.[2] ? Number(m[2]) : 443;
					fill(ep, ps, prefix);
					const verify = ps.get(`${prefix}_verify`);
					if (!verify || verify.args[0] !== 'on') {
						ep.validationDisabled.push(
							verify
								? origin(
										inputName,
										`${prefix}_verify`,
										verify.line,
										`${prefix}_verify ${verify.args.join(' ')}`,
									)
								: origin(
										inputName,
										`${prefix}_verify`,
										c.line,
										`${prefix}_verify not set (default off) for ${c.name} ${c.args[0] ?? ''}`,
									),
						);
					}
					endpoints.push(ep);
				}
				if (c.children) walkLocations(c.children, [...scopes, c.children]);
			}
		};
		walkLocations(d.children, blocks);
		void parent;
	});
	applyDefaultServer(sockets, parse, version, libVersion);
	parse.endpoints = endpoints;
	if (endpoints.length === 0) {
		parse.notes.push({
			level: 'info',
			line: null,
			message: 'no server block listens with ssl; nothing to grade in this file alone',
		});
	}
	duplicates = null;
	return parse;
}
