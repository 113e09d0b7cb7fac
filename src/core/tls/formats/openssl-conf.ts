// OpenSSL configuration (RULES.md 4.9): follow openssl_conf → ssl_conf → system_default to the
// section holding MinProtocol, MaxProtocol, CipherString, Ciphersuites, Options.
import { emptyParse, origin, type OpenSslDecl, type TlsParse } from '../model';
import { normalizeVersion } from '../versions';
import { opensslHint } from './text';

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
			switch (e.key) {
				case 'MinProtocol':
				case 'MaxProtocol': {
					const v = normalizeVersion(e.value);
					if (v)
						decl[e.key === 'MinProtocol' ? 'minProtocol' : 'maxProtocol'] = { value: v, origin: o };
					else if (!/^None$/i.test(e.value))
						parse.notes.push({
							level: 'warning',
							line: e.line,
							message: `unknown protocol ${e.value} ignored`,
						});
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
