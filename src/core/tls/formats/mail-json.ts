// The declared e-mail account of shared/CONTRACT.md ("Declared e-mail accounts"): a JSON file
// {"emailAccount": {name, address, outgoing: {protocol, host, port, security, authentication,
// user, tlsProtocols}, incoming: {…}}} like Pega's Email Account (sender and receiver). Each side
// becomes the JavaMail properties it stands for and goes through the same reader (RULES.md 4.12),
// so MAIL-* rules and the TLS rules see one kind of fact whatever the input was.
import { emptyParse, type DeclaredEndpoint, type TlsParse } from '../model';
import { mailEndpoints } from './mail';
import type { PropLine } from './text';

const SIDE_FIELDS = new Set([
	'protocol',
	'host',
	'port',
	'security',
	'starttlsRequired',
	'authentication',
	'user',
	'password',
	'tlsProtocols',
	'cipherSuites',
	'checkServerIdentity',
	'trust',
	'runtime',
]);
const ACCOUNT_FIELDS = new Set(['name', 'address', 'outgoing', 'incoming', 'runtime']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Turns one side (outgoing/incoming) into JavaMail properties, with the JSON line of each key. */
function sideProps(
	side: Json,
	which: 'outgoing' | 'incoming',
	lineOf: (path: string) => number | null,
	parse: TlsParse,
): { props: PropLine[]; runtime: string | null } {
	const props: PropLine[] = [];
	const line = (k: string) => lineOf(`${which}.${k}`) ?? lineOf(which) ?? 0;
	const bad = (k: string, expected: string) =>
		parse.notes.push({
			level: 'error',
			line: line(k),
			message: `emailAccount.${which}.${k} must be ${expected} (found ${JSON.stringify(side[k])}); ignored`,
		});
	for (const k of Object.keys(side))
		if (!SIDE_FIELDS.has(k))
			parse.notes.push({
				level: 'info',
				line: line(k),
				message: `unknown field emailAccount.${which}.${k} ignored`,
			});
	const str = (k: string): string | null => {
		const v = side[k];
		if (v === undefined || v === null) return null;
		if (typeof v !== 'string') {
			bad(k, 'a string');
			return null;
		}
		return v;
	};
	const bool = (k: string): boolean | null => {
		const v = side[k];
		if (v === undefined || v === null) return null;
		if (typeof v !== 'boolean') {
			bad(k, 'true or false');
			return null;
		}
		return v;
	};
	const defaultProto = which === 'outgoing' ? 'SMTP' : 'IMAP';
	const protoText = str('protocol') ?? defaultProto;
	const proto = /^(smtp|imap|pop3)s?$/i.test(protoText)
		? protoText.toLowerCase().replace(/s$/, '')
		: null;
	if (!proto) {
		parse.notes.push({
			level: 'error',
			line: line('protocol'),
			message: `emailAccount.${which}.protocol "${protoText}" is not SMTP, IMAP or POP3; ${defaultProto} assumed`,
		});
	}
	const p = proto ?? defaultProto.toLowerCase();
	const implicitProto = /s$/i.test(protoText) && proto !== null;
	const add = (k: string, value: string, from: string) =>
		props.push({ key: `mail.${p}.${k}`, value, line: line(from) });
	const host = str('host');
	if (host) add('host', host, 'host');
	const port = side['port'];
	if (port !== undefined && port !== null) {
		const n = typeof port === 'number' ? port : typeof port === 'string' ? Number(port) : NaN;
		if (!Number.isInteger(n) || n < 1 || n > 65535) bad('port', 'a port number (1–65535)');
		else add('port', String(n), 'port');
	}
	const security = (str('security') ?? '').toLowerCase();
	const required = bool('starttlsRequired');
	if (security === 'ssl' || security === 'tls' || security === 'implicit' || implicitProto)
		add('ssl.enable', 'true', 'security');
	else if (/^starttls/.test(security)) {
		add('starttls.enable', 'true', 'security');
		// JavaMail's default: STARTTLS is only required when the declaration says so (starttlsRequired
		// true or "starttls-required"); otherwise it is opportunistic (RULES.md 4.12), the weaker reading.
		const mandatory = /required|mandatory/.test(security) || required === true;
		add(
			'starttls.required',
			mandatory ? 'true' : 'false',
			required === null ? 'security' : 'starttlsRequired',
		);
	} else if (security && security !== 'none' && security !== 'plain') {
		parse.notes.push({
			level: 'error',
			line: line('security'),
			message: `emailAccount.${which}.security "${security}" is not none, starttls or ssl; graded as none`,
		});
	}
	const auth = bool('authentication');
	if (auth !== null) add('auth', String(auth), 'authentication');
	const check = bool('checkServerIdentity');
	if (check !== null) add('ssl.checkserveridentity', String(check), 'checkServerIdentity');
	const trust = str('trust');
	if (trust) add('ssl.trust', trust, 'trust');
	for (const [k, prop] of [
		['tlsProtocols', 'ssl.protocols'],
		['cipherSuites', 'ssl.ciphersuites'],
	] as const) {
		const v = side[k];
		if (v === undefined || v === null) continue;
		if (Array.isArray(v) && v.every((x) => typeof x === 'string')) add(prop, v.join(' '), k);
		else if (typeof v === 'string') add(prop, v.replace(/,/g, ' '), k);
		else bad(k, 'a list of strings');
	}
	if (side['password'] !== undefined)
		parse.notes.push({
			level: 'warning',
			line: line('password'),
			message: `emailAccount.${which}.password holds a password: keep it out of files you share (it is not read)`,
		});
	return { props, runtime: str('runtime') };
}

/** One side of an account (the connector form's E-mail account type) as a declared endpoint. */
export function mailSideEndpoint(
	side: Record<string, unknown>,
	inputName: string | null,
): DeclaredEndpoint | null {
	const parse = emptyParse('mail');
	const { props, runtime } = sideProps(side, 'outgoing', () => null, parse);
	const ep = mailEndpoints(props, inputName ?? 'connector form', parse)[0];
	if (!ep) return null;
	if (runtime) ep.runtime = runtime;
	return ep;
}

export function parseMailJson(text: string, inputName: string): TlsParse {
	const parse = emptyParse('mail');
	const value = JSON.parse(text) as Json;
	const lines = text.split(/\r?\n/);
	/** Line of `"key"` below its parent's key (good enough for the flat two-level layout). */
	const lineOf = (path: string): number | null => {
		const parts = path.split('.');
		let from = 0;
		for (const part of parts) {
			const i = lines.findIndex((l, n) => n >= from && l.includes(`"${part}"`));
			if (i < 0) return null;
			from = i;
		}
		return from + 1;
	};
	const account = value['emailAccount'];
	if (!isObj(account)) {
		parse.notes.push({
			level: 'error',
			line: lineOf('emailAccount'),
			message: 'emailAccount must be an object with "outgoing" and/or "incoming"',
		});
		return parse;
	}
	for (const k of Object.keys(account))
		if (!ACCOUNT_FIELDS.has(k))
			parse.notes.push({
				level: 'info',
				line: lineOf(k),
				message: `unknown field emailAccount.${k} ignored`,
			});
	const accountRuntime = typeof account['runtime'] === 'string' ? account['runtime'] : null;
	for (const which of ['outgoing', 'incoming'] as const) {
		const side = account[which];
		if (side === undefined || side === null) continue;
		if (!isObj(side)) {
			parse.notes.push({
				level: 'error',
				line: lineOf(which),
				message: `emailAccount.${which} must be an object (found ${JSON.stringify(side)})`,
			});
			continue;
		}
		const { props, runtime } = sideProps(side, which, lineOf, parse);
		for (const ep of mailEndpoints(props, inputName, parse)) {
			const name = typeof account['name'] === 'string' ? account['name'] : inputName;
			ep.label = `${name} ${which} ${ep.label}`;
			ep.product = 'E-mail account';
			const rt = runtime ?? accountRuntime;
			if (rt) ep.runtime = rt;
			parse.endpoints.push(ep);
		}
	}
	if (parse.endpoints.length === 0)
		parse.notes.push({
			level: 'warning',
			line: lineOf('emailAccount'),
			message: 'the e-mail account declares neither an outgoing nor an incoming server',
		});
	return parse;
}
