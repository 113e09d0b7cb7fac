// Apache httpd mod_ssl (RULES.md 4.7): SSLProtocol +/- grammar, SSLCipherSuite with an optional
// protocol argument, virtual-host inheritance from the server config, proxy verification.
import type { TlsVersion } from '../../report/report';
import { emptyParse, origin, type DeclaredEndpoint, type Setting, type TlsParse } from '../model';
import { atLeast, normalizeVersion, serverAcceptsVersion } from '../versions';
import { basename, opensslHint, versionHint } from './text';
import { applyBaseVhost, type VhostServer } from './apache-sni';

interface Line {
	name: string;
	args: string[];
	line: number;
}

/**
 * `all` = SSLv3 … TLSv1.3 (SSLv3 only where OpenSSL still has it); bare token replaces the set.
 * A token mod_ssl refuses ("Illegal protocol", httpd does not start) is reported through
 * `onIllegal` with the version it looks like: it may only add that version, never remove or
 * narrow, so a refused file is never graded better than what it asks for.
 */
export function evalSslProtocol(
	args: string[],
	onIllegal: (raw: string, reading: TlsVersion | null) => void,
): TlsVersion[] {
	const all: TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
	let set = new Set<TlsVersion>();
	for (const raw of args) {
		const op = raw[0] === '+' || raw[0] === '-' ? raw[0] : '';
		const token = op ? raw.slice(1) : raw;
		if (!/^all$/i.test(token) && !serverAcceptsVersion(token, 'openssl')) {
			const reading = normalizeVersion(token);
			onIllegal(raw, reading);
			if (reading && op !== '-') set.add(reading);
			continue;
		}
		const values = /^all$/i.test(token)
			? all
			: [normalizeVersion(token)].filter((v): v is TlsVersion => v !== null);
		if (op === '') set = new Set(values);
		else if (op === '+') for (const v of values) set.add(v);
		else for (const v of values) set.delete(v);
	}
	return [...set];
}

function lines(text: string): Line[] {
	const out: Line[] = [];
	const raw = text.split(/\r?\n/);
	for (let i = 0; i < raw.length; i++) {
		const start = i;
		let l = raw[i] ?? '';
		while (l.endsWith('\\') && i + 1 < raw.length) l = l.slice(0, -1) + ' ' + (raw[++i] ?? '');
		const t = l.trim();
		if (!t || t.startsWith('#')) continue;
		const words = [...t.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
		const [name = '', ...args] = words;
		out.push({ name, args, line: start + 1 });
	}
	return out;
}

const KNOWN = new Set([
	'sslengine',
	'sslprotocol',
	'sslciphersuite',
	'sslhonorcipherorder',
	'sslcompression',
	'sslinsecurerenegotiation',
	'sslsessiontickets',
	'sslopensslconfcmd',
	'sslcertificatefile',
	'sslcertificatekeyfile',
	'sslcertificatechainfile',
	'sslcacertificatefile',
	'sslcacertificatepath',
	'sslverifyclient',
	'sslverifydepth',
	'sslproxyengine',
	'sslproxyprotocol',
	'sslproxyciphersuite',
	'sslproxyverify',
	'sslproxycheckpeername',
	'sslproxycheckpeercn',
	'sslproxycheckpeerexpire',
	'sslproxycacertificatefile',
	'sslproxycacertificatepath',
	'sslproxymachinecertificatefile',
	'sslusestapling',
	'sslstaplingcache',
	'sslsessioncache',
	'sslsessioncachetimeout',
	'sslrandomseed',
	'sslpassphrasedialog',
	'sslcryptodevice',
	'sslstrictsnivhostcheck',
	'ssloptions',
	'sslrequiressl',
	'sslrequire',
	'sslopenssl',
	'sslsrpverifierfile',
	'sslsrpunknownuserseed',
	'sslstaplingresponderTimeout'.toLowerCase(),
	'sslstaplingreturnrespondererrors',
	'sslstaplingfaketrylater',
	'sslstaplingstandardcachetimeout',
	'sslfips',
	'sslcarevocationfile',
	'sslcarevocationpath',
	'sslcarevocationcheck',
	'sslocspenable',
	'sslocspdefaultresponder',
	'sslocspoverrideresponder',
	'sslrenegbuffersize',
	'sslusername',
	'sslproxycarevocationcheck',
]);

export function parseApache(text: string, inputName: string): TlsParse {
	const parse = emptyParse('apache');
	const version = versionHint(text, /Apache\/(\d+\.\d+\.\d+)/i);
	const lib = opensslHint(text);
	const all = lines(text);
	const global: Line[] = [];
	const vhosts: { open: Line; body: Line[] }[] = [];
	let current: { open: Line; body: Line[] } | null = null;
	const stack: Line[] = [];
	for (const l of all) {
		if (l.name.startsWith('</')) {
			const tag = l.name.slice(2).replace(/>$/, '').toLowerCase();
			const open = stack.pop();
			if (!open)
				parse.notes.push({ level: 'error', line: l.line, message: `${l.name} closes nothing` });
			else if (open.name.slice(1).toLowerCase() !== tag) {
				parse.notes.push({
					level: 'error',
					line: l.line,
					message: `${l.name} closes ${open.name}> opened on line ${open.line}`,
				});
			}
			if (tag === 'virtualhost' && current) {
				vhosts.push(current);
				current = null;
			}
			continue;
		}
		if (l.name.startsWith('<')) {
			const name = l.name.replace(/>$/, '');
			const open = { ...l, name, args: l.args.map((a) => a.replace(/>$/, '')) };
			stack.push(open);
			if (/^<VirtualHost$/i.test(name)) current = { open, body: [] };
			continue;
		}
		if (/^Include(Optional)?$/i.test(l.name))
			parse.includes.push({ path: l.args[0] ?? '', line: l.line, evaluated: false });
		if (/^SSL/i.test(l.name) && !KNOWN.has(l.name.toLowerCase())) {
			parse.notes.push({
				level: 'warning',
				line: l.line,
				message: `unknown directive ${l.name} ignored`,
			});
		}
		(current ? current.body : global).push(l);
	}
	for (const open of stack)
		parse.notes.push({
			level: 'error',
			line: open.line,
			message: `${open.name}> on line ${open.line} is never closed`,
		});
	const protocolDefault = version && !atLeast(version, '2.4.17') ? 'all' : 'all -SSLv3';
	const defaults = {
		protocols: `SSLProtocol default "${protocolDefault}"`,
		ciphers: 'SSLCipherSuite default DEFAULT (OpenSSL)',
	};
	const get = (ls: Line[], name: string, filter: (l: Line) => boolean = () => true) =>
		[...ls].reverse().find((l) => l.name.toLowerCase() === name.toLowerCase() && filter(l));
	const settingOf = <T>(l: Line, value: T): Setting<T> => ({
		value,
		origin: origin(inputName, l.name, l.line, `${l.name} ${l.args.join(' ')}`),
	});
	const build = (
		label: string,
		line: number,
		body: Line[],
		port: number | null,
		host: string | null,
		proxy: boolean,
	): DeclaredEndpoint => {
		const scopeLines = [...global, ...body];
		const ep: DeclaredEndpoint = {
			label,
			format: 'apache',
			role: proxy ? 'client' : 'server',
			scheme: 'https',
			host,
			port,
			line,
			product: 'Apache httpd',
			productVersion: version,
			stack: 'openssl',
			validationDisabled: [],
			certificateFiles: [],
			defaults,
			...(lib ? { runtime: `OpenSSL ${lib}` } : {}),
		};
		const pDir = get(scopeLines, proxy ? 'SSLProxyProtocol' : 'SSLProtocol');
		const protoArgs = pDir ? pDir.args : protocolDefault.split(' ');
		const versions = evalSslProtocol(protoArgs, (t, reading) => {
			const message = `${pDir?.name ?? 'SSLProtocol'}: Illegal protocol '${t}': httpd refuses to start (mod_ssl accepts SSLv2, SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, all); ${reading ? (t.startsWith('-') ? `graded without removing ${reading}` : `graded as if it added ${reading}`) : 'ignored'}, never better than the file`;
			if (!parse.notes.some((n) => n.message === message))
				parse.notes.push({ level: 'error', line: pDir?.line ?? null, message });
		});
		ep.protocols = pDir
			? settingOf(pDir, versions)
			: { value: versions, origin: origin(null, 'default', null, defaults.protocols) };
		const cDir = get(
			scopeLines,
			proxy ? 'SSLProxyCipherSuite' : 'SSLCipherSuite',
			(l) => !/^TLSv1\.3$/i.test(l.args[0] ?? ''),
		);
		if (cDir)
			ep.cipherString = settingOf(
				cDir,
				(/^SSL$/i.test(cDir.args[0] ?? '') ? cDir.args.slice(1) : cDir.args).join(' '),
			);
		else
			ep.cipherString = {
				value: 'DEFAULT',
				origin: origin(null, 'default', null, defaults.ciphers),
			};
		const t13 = get(scopeLines, proxy ? 'SSLProxyCipherSuite' : 'SSLCipherSuite', (l) =>
			/^TLSv1\.3$/i.test(l.args[0] ?? ''),
		);
		if (t13) ep.tls13Suites = settingOf(t13, (t13.args[1] ?? '').split(':'));
		const comp = get(scopeLines, 'SSLCompression');
		if (comp) ep.compression = settingOf(comp, /^on$/i.test(comp.args[0] ?? ''));
		const reneg = get(scopeLines, 'SSLInsecureRenegotiation');
		if (reneg) ep.insecureRenegotiation = settingOf(reneg, /^on$/i.test(reneg.args[0] ?? ''));
		for (const conf of scopeLines.filter((l) => /^SSLOpenSSLConfCmd$/i.test(l.name))) {
			const [cmd = '', value = ''] = conf.args;
			if (/^MinProtocol$/i.test(cmd)) {
				const v = normalizeVersion(value);
				if (v) ep.minVersion = settingOf(conf, v);
			}
			if (/^(Curves|Groups)$/i.test(cmd)) ep.curves = settingOf(conf, value.split(':'));
			if (/^Ciphersuites$/i.test(cmd)) ep.tls13Suites = settingOf(conf, value.split(':'));
			if (/^DHParameters$/i.test(cmd)) ep.certificateFiles.push(basename(value));
		}
		const cert = get(scopeLines, 'SSLCertificateFile');
		if (cert) ep.certificateFiles.push(basename(cert.args[0] ?? ''));
		if (proxy) {
			const verify = get(scopeLines, 'SSLProxyVerify');
			if (!verify || /^(none|optional_no_ca)$/i.test(verify.args[0] ?? '')) {
				ep.validationDisabled.push(
					verify
						? settingOf(verify, 0).origin
						: origin(
								inputName,
								'SSLProxyVerify',
								line,
								'SSLProxyVerify not set (default none) with SSLProxyEngine on',
							),
				);
			}
			const peer = get(scopeLines, 'SSLProxyCheckPeerName');
			if (peer && /^off$/i.test(peer.args[0] ?? ''))
				ep.validationDisabled.push(settingOf(peer, 0).origin);
			// SSLProxyCheckPeerCN is the pre-2.4.5 name check; it decides when CheckPeerName is unset.
			const cn = get(scopeLines, 'SSLProxyCheckPeerCN');
			if (!peer && cn && /^off$/i.test(cn.args[0] ?? ''))
				ep.validationDisabled.push(settingOf(cn, 0).origin);
		}
		return ep;
	};
	const on = (ls: Line[], name: string) => /^on$/i.test(get(ls, name)?.args[0] ?? '');
	const served: VhostServer[] = [];
	for (const v of vhosts) {
		const addr = v.open.args[0] ?? '';
		const port = Number(/:(\d+)$/.exec(addr)?.[1] ?? 0) || null;
		const serverName = get(v.body, 'ServerName')?.args[0]?.toLowerCase() ?? null;
		if (on(v.body, 'SSLEngine') || (port === 443 && on([...global, ...v.body], 'SSLEngine'))) {
			const ep = build(
				`VirtualHost ${addr} (line ${v.open.line})`,
				v.open.line,
				v.body,
				port,
				serverName,
				false,
			);
			parse.endpoints.push(ep);
			served.push({ ep, address: addr.toLowerCase() });
		}
		if (on([...global, ...v.body], 'SSLProxyEngine')) {
			parse.endpoints.push(
				build(
					`SSLProxyEngine in VirtualHost ${addr} (line ${v.open.line})`,
					v.open.line,
					v.body,
					null,
					null,
					true,
				),
			);
		}
	}
	applyBaseVhost(served, parse, version, lib);
	if (
		parse.endpoints.length === 0 &&
		(on(global, 'SSLEngine') || get(global, 'SSLProtocol') || get(global, 'SSLCipherSuite'))
	) {
		parse.endpoints.push(
			build('server config', get(global, 'SSLProtocol')?.line ?? 1, [], 443, null, false),
		);
	}
	return parse;
}
