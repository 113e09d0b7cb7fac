// OpenSSL configuration (RULES.md 4.9): follow openssl_conf → ssl_conf → system_default to the
// section holding MinProtocol, MaxProtocol, CipherString, Ciphersuites, Options.
import { emptyParse, origin, type OpenSslDecl, type TlsParse } from '../model';
import type { TlsVersion } from '../../report/report';
import { opensslHint } from './text';

/**
 * The values MinProtocol/MaxProtocol accept: OpenSSL's protocol_from_string (ssl/ssl_conf.c)
 * compares them with strcmp, so `tlsv1.2` is refused (the command fails and the library default
 * stays), unlike the directive names, which SSL_CONF_cmd matches with strcasecmp.
 */
const PROTOCOL_VALUES: Record<string, TlsVersion | 'None' | 'DTLS'> = {
	None: 'None',
	SSLv3: 'SSLv3',
	TLSv1: 'TLSv1',
	'TLSv1.1': 'TLSv1.1',
	'TLSv1.2': 'TLSv1.2',
	'TLSv1.3': 'TLSv1.3',
	DTLSv1: 'DTLS',
	'DTLSv1.2': 'DTLS',
};

/** The commands read here, keyed by their lower-case name (OpenSSL matches names case-insensitively). */
const COMMANDS = new Map(
	[
		'MinProtocol',
		'MaxProtocol',
		'CipherString',
		'Ciphersuites',
		'Options',
		'Groups',
		'Curves',
		'SignatureAlgorithms',
		'DHParameters',
	].map((c) => [c.toLowerCase(), c]),
);

interface Entry {
	key: string;
	value: string;
	line: number;
}

export function parseOpensslConf(text: string, inputName: string): TlsParse {
	const parse = emptyParse('openssl');
	const sections = new Map<string, Entry[]>();
	let current = '';
	sections.set('', []);
	text.split(/\r?\n/).forEach((raw, i) => {
		const t = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
		if (!t) return;
		const s = /^\[\s*([^\]]+?)\s*\]$/.exec(t);
		if (s?.[1]) {
			current = s[1];
			if (!sections.has(current)) sections.set(current, []);
			return;
		}
		const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(t);
		if (!kv?.[1]) {
			parse.notes.push({ level: 'error', line: i + 1, message: `not "name = value": ${t}` });
			return;
		}
		if (/^\.include$/i.test(kv[1]) || /^\.include\s/.test(t))
			parse.includes.push({ path: kv[2] ?? '', line: i + 1, evaluated: false });
		sections
			.get(current)
			?.push({ key: kv[1], value: (kv[2] ?? '').replace(/^["']|["']$/g, ''), line: i + 1 });
	});
	const find = (section: string, key: string) => sections.get(section)?.find((e) => e.key === key);
	const decl: OpenSslDecl = { version: opensslHint(text) };
	const init = find('', 'openssl_conf');
	const sslConf = init ? find(init.value, 'ssl_conf') : undefined;
	const sysDefault = sslConf ? find(sslConf.value, 'system_default') : undefined;
	if (!init)
		parse.notes.push({
			level: 'info',
			line: null,
			message: 'no openssl_conf line: the library defaults apply to every program using this file',
		});
	else if (!sslConf)
		parse.notes.push({
			level: 'info',
			line: init.line,
			message: `section [${init.value}] has no ssl_conf: no TLS system defaults set`,
		});
	else if (!sysDefault)
		parse.notes.push({
			level: 'info',
			line: sslConf.line,
			message: `section [${sslConf.value}] has no system_default`,
		});
	if (sysDefault) {
		const entries = sections.get(sysDefault.value);
		if (!entries)
			parse.notes.push({
				level: 'error',
				line: sysDefault.line,
				message: `section [${sysDefault.value}] is referenced but missing`,
			});
		for (const e of entries ?? []) {
			const o = origin(inputName, e.key, e.line, `${e.key} = ${e.value}`);
			const command = COMMANDS.get(e.key.toLowerCase()) ?? e.key;
			switch (command) {
				case 'MinProtocol':
				case 'MaxProtocol': {
					const v = Object.hasOwn(PROTOCOL_VALUES, e.value) ? PROTOCOL_VALUES[e.value] : undefined;
					if (v && v !== 'None' && v !== 'DTLS')
						decl[command === 'MinProtocol' ? 'minProtocol' : 'maxProtocol'] = {
							value: v,
							origin: o,
						};
					else if (v === undefined) {
						const exact = Object.keys(PROTOCOL_VALUES).find(
							(k) => k.toLowerCase() === e.value.toLowerCase(),
						);
						parse.notes.push({
							level: 'error',
							line: e.line,
							message: exact
								? `${e.key} = ${e.value}: OpenSSL refuses the value (protocol names are case-sensitive; it expects ${exact}), so the library default applies and is graded`
								: `${e.key} = ${e.value}: not a protocol OpenSSL accepts (None, SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3), so the library default applies and is graded`,
						});
					}
					break;
				}
				case 'CipherString':
					decl.cipherString = { value: e.value, origin: o };
					break;
				case 'Ciphersuites':
					decl.ciphersuites = { value: e.value.split(':').filter(Boolean), origin: o };
					break;
				case 'Options':
					decl.options = { value: e.value, origin: o };
					break;
				case 'Groups':
				case 'Curves':
				case 'SignatureAlgorithms':
				case 'DHParameters':
					break;
				default:
					parse.notes.push({
						level: 'warning',
						line: e.line,
						message: `unknown directive ${e.key} in [${sysDefault.value}] ignored`,
					});
			}
		}
	}
	parse.openssl = decl;
	return parse;
}
