// HAProxy (RULES.md 4.8): global ssl-default-bind-*/server-* defaults, bind and server lines,
// ssl-min-ver/ssl-max-ver and the deprecated no-*/force-* options, verification.
import type { TlsVersion } from '../../report/report';
import { emptyParse, origin, type DeclaredEndpoint, type Setting, type TlsParse } from '../model';
import { atLeast, normalizeVersion, range, serverAcceptsVersion, VERSIONS } from '../versions';
import { basename, opensslHint, versionHint } from './text';

interface Line {
	words: string[];
	line: number;
	section: string;
	name: string;
}

/**
 * Applies bind/server options (ssl-min-ver, no-tlsv10, force-tlsv12 …) to a protocol set. A
 * version HAProxy refuses ("unknown ssl/tls version string", HAProxy does not start) goes to
 * `onInvalid`; an invalid minimum may only lower the floor and an invalid maximum is ignored,
 * so a refused file is never graded better than what it asks for.
 */
export function applyHaproxyOptions(
	words: string[],
	base: TlsVersion[],
	onInvalid: (option: string, value: string, reading: TlsVersion | null) => void = () => {},
): TlsVersion[] {
	let set = new Set(base);
	for (let i = 0; i < words.length; i++) {
		const w = (words[i] ?? '').toLowerCase();
		const next = words[i + 1] ?? '';
		if ((w === 'ssl-min-ver' || w === 'ssl-max-ver') && !serverAcceptsVersion(next, 'haproxy')) {
			const reading = normalizeVersion(next);
			onInvalid(w, next, reading);
			if (reading && w === 'ssl-min-ver') {
				// lower the floor to the reading, keep the top: never narrower than before
				const top = VERSIONS.filter((x) => set.has(x)).pop() ?? 'TLSv1.3';
				set = new Set([...set, ...range(reading, top)]);
			}
			continue;
		}
		if (w === 'ssl-min-ver') {
			const v = normalizeVersion(next);
			if (v)
				set = new Set(
					[...set, ...range(v)].filter((x) => VERSIONS.indexOf(x) >= VERSIONS.indexOf(v)),
				);
		} else if (w === 'ssl-max-ver') {
			const v = normalizeVersion(next);
			if (v) set = new Set([...set].filter((x) => VERSIONS.indexOf(x) <= VERSIONS.indexOf(v)));
		} else if (/^no-(sslv3|tlsv1[0-3])$/.test(w)) {
			const v = normalizeVersion(
				w
					.slice(3)
					.replace(/^tlsv1(\d)$/, 'TLSv1.$1')
					.replace('TLSv1.0', 'TLSv1'),
			);
			if (v) set.delete(v);
		} else if (/^force-(sslv3|tlsv1[0-3])$/.test(w)) {
			const v = normalizeVersion(w.slice(6).replace(/^tlsv1(\d)$/, 'TLSv1.$1'));
			if (v) set = new Set([v]);
		}
	}
	return VERSIONS.filter((v) => set.has(v));
}

export function parseHaproxy(text: string, inputName: string): TlsParse {
	const parse = emptyParse('haproxy');
	const version = versionHint(text, /HA-?Proxy(?: version)?[ /](\d+\.\d+(?:\.\d+)?)/i);
	const lib = opensslHint(text);
	const lines: Line[] = [];
	let section = '';
	let name = '';
	text.split(/\r?\n/).forEach((raw, i) => {
		const t = raw.replace(/(^|\s)#.*$/, '').trim();
		if (!t) return;
		const words = t.split(/\s+/);
		const head = (words[0] ?? '').toLowerCase();
		if (
			[
				'global',
				'defaults',
				'frontend',
				'backend',
				'listen',
				'resolvers',
				'peers',
				'userlist',
				'program',
				'http-errors',
				'ring',
				'cache',
				'mailers',
			].includes(head)
		) {
			section = head;
			name = words[1] ?? '';
			return;
		}
		lines.push({ words, line: i + 1, section, name });
	});
	const global = lines.filter((l) => l.section === 'global');
	const g = (key: string) =>
		[...global].reverse().find((l) => (l.words[0] ?? '').toLowerCase() === key);
	const set = <T>(l: Line, value: T): Setting<T> => ({
		value,
		origin: origin(inputName, l.words[0] ?? '', l.line, l.words.join(' ')),
	});
	// Unknown version: before 2.2 a bind line had the library's minimum (TLSv1); only a stated
	// 2.2+ earns the TLSv1.2 default (no better grade on an assumption).
	const defaultMin: TlsVersion = !version || !atLeast(version, '2.2') ? 'TLSv1' : 'TLSv1.2';
	if (!version)
		parse.notes.push({
			level: 'info',
			line: null,
			message:
				'HAProxy version not stated: where no ssl-min-ver or no-tlsv1x is set, the pre-2.2 minimum (TLSv1) is graded; HAProxy 2.2+ defaults to TLSv1.2. State it with "# HAProxy version 2.8.5" or the runtime choice',
		});
	const libTop: TlsVersion = lib && !atLeast(lib, '1.1.1') ? 'TLSv1.2' : 'TLSv1.3';
	const dh = g('tune.ssl.default-dh-param');
	const verifyGlobal = g('ssl-server-verify');
	for (const l of lines) {
		const head = (l.words[0] ?? '').toLowerCase();
		const isBind = head === 'bind' && l.words.includes('ssl');
		const isServer = (head === 'server' || head === 'default-server') && l.words.includes('ssl');
		if (!isBind && !isServer) continue;
		const kind = isBind ? 'bind' : 'server';
		const optsLine = g(`ssl-default-${kind}-options`);
		const base = range(defaultMin, libTop);
		const invalid =
			(line: number) => (option: string, value: string, reading: TlsVersion | null) => {
				const message = `${option} ${value}: HAProxy refuses to start ("unknown ssl/tls version string"; it accepts SSLv3, TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3); ${reading && option === 'ssl-min-ver' ? `graded as a minimum of ${reading}, never better than the file` : 'ignored'}`;
				if (!parse.notes.some((n) => n.message === message && n.line === line))
					parse.notes.push({ level: 'error', line, message });
			};
		const fromGlobal = optsLine
			? applyHaproxyOptions(optsLine.words.slice(1), base, invalid(optsLine.line))
			: base;
		const protocols = applyHaproxyOptions(l.words, fromGlobal, invalid(l.line));
		const addr = isBind ? (l.words[1] ?? '') : (l.words[2] ?? '');
		const m = /^(.*):(\d+)$/.exec(addr);
		const ep: DeclaredEndpoint = {
			label: `${l.section} ${l.name}: ${l.words.slice(0, 3).join(' ')} (line ${l.line})`,
			format: 'haproxy',
			role: isBind ? 'server' : 'client',
			scheme: 'https',
			host: m?.[1] && !/^(\*|0\.0\.0\.0|::)?$/.test(m[1]) ? m[1].toLowerCase() : null,
			port: m?.[2] ? Number(m[2]) : null,
			line: l.line,
			product: 'HAProxy',
			productVersion: version,
			stack: 'openssl',
			validationDisabled: [],
			certificateFiles: [],
			defaults: {
				protocols: `HAProxy ${version ?? '(version not stated)'} default minimum ${defaultMin}`,
				ciphers: 'OpenSSL DEFAULT',
			},
			...(lib ? { runtime: `OpenSSL ${lib}` } : {}),
		};
		const touched = l.words.some((w) =>
			/^(ssl-min-ver|ssl-max-ver|no-sslv3|no-tlsv1\d|force-)/i.test(w),
		);
		ep.protocols = touched
			? set(l, protocols)
			: optsLine
				? set(optsLine, protocols)
				: { value: protocols, origin: origin(null, 'default', null, ep.defaults.protocols) };
		const ci = l.words.findIndex((w) => w === 'ciphers');
		const gc = g(`ssl-default-${kind}-ciphers`);
		if (ci >= 0) ep.cipherString = set(l, l.words[ci + 1] ?? '');
		else if (gc) ep.cipherString = set(gc, gc.words[1] ?? '');
		else
			ep.cipherString = {
				value: 'DEFAULT',
				origin: origin(null, 'default', null, 'OpenSSL DEFAULT'),
			};
		const si = l.words.findIndex((w) => w === 'ciphersuites');
		const gs = g(`ssl-default-${kind}-ciphersuites`);
		if (si >= 0) ep.tls13Suites = set(l, (l.words[si + 1] ?? '').split(':'));
		else if (gs) ep.tls13Suites = set(gs, (gs.words[1] ?? '').split(':'));
		if (dh) ep.dhBits = set(dh, Number(dh.words[1] ?? 0));
		const level = g('ssl-security-level');
		if (level && /^\d$/.test(level.words[1] ?? ''))
			ep.secLevel = set(level, Number(level.words[1]));
		const cv = l.words.findIndex((w) => w === 'curves');
		const gcv = g(`ssl-default-${kind}-curves`);
		if (cv >= 0) ep.curves = set(l, (l.words[cv + 1] ?? '').split(':'));
		else if (gcv) ep.curves = set(gcv, (gcv.words[1] ?? '').split(':'));
		const dhFile = g('ssl-dh-param-file');
		if (dhFile) ep.certificateFiles.push(basename(dhFile.words[1] ?? ''));
		const crt = l.words.findIndex((w) => w === 'crt');
		if (crt >= 0) ep.certificateFiles.push(basename(l.words[crt + 1] ?? ''));
		if (isServer) {
			const vi = l.words.findIndex((w) => w === 'verify');
			const v = vi >= 0 ? l.words[vi + 1] : verifyGlobal?.words[1];
			if (v === 'none')
				ep.validationDisabled.push(
					vi >= 0 ? set(l, 0).origin : set(verifyGlobal as Line, 0).origin,
				);
			// RULES.md 4.8: with verification on but neither `sni` nor `verifyhost`, HAProxy checks
			// the chain but not the name.
			else if (!l.words.includes('sni') && !l.words.includes('verifyhost'))
				parse.notes.push({
					level: 'warning',
					line: l.line,
					message: `${l.words.slice(0, 3).join(' ')}: the certificate chain is verified but not its name (add "sni req.hdr(host)" or "verifyhost <name>")`,
				});
		}
		parse.endpoints.push(ep);
	}
	if (parse.endpoints.length === 0)
		parse.notes.push({ level: 'info', line: null, message: 'no bind or server line uses ssl' });
	return parse;
}
