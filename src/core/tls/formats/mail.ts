// E-mail account settings (RULES.md 4.12): JavaMail / Jakarta Mail properties (also under
// spring.mail.properties.), generic smtp/imap/pop3 host/port/ssl/starttls keys, Pega fields.
import { emptyParse, origin, type DeclaredEndpoint, type MailFacts, type TlsParse } from '../model';
import { parseProperties, versionList, type PropLine } from './text';

type Proto = MailFacts['protocol'];
const IMPLICIT_PORTS: Record<Proto, number> = { smtp: 465, imap: 993, pop3: 995 };
const PLAIN_PORTS: Record<Proto, number[]> = { smtp: [25, 587], imap: [143], pop3: [110] };

const isTrue = (v: string | undefined) => v !== undefined && /^(true|yes|on|1)$/i.test(v.trim());

/** Mail endpoints from flat key/value lines (JavaMail names, with or without a prefix). */
export function mailEndpoints(
	props: PropLine[],
	inputName: string,
	parse: TlsParse,
	prefix = '',
): DeclaredEndpoint[] {
	const map = new Map<string, PropLine>();
	for (const p of props) {
		const k = p.key.toLowerCase();
		map.set(k.startsWith(prefix) ? k.slice(prefix.length) : k, p);
	}
	const get = (k: string) => map.get(k);
	const out: DeclaredEndpoint[] = [];
	const protocols = new Set<string>();
	for (const k of map.keys()) {
		const m = /^mail\.(smtps?|imaps?|pop3s?)\./.exec(k);
		if (m?.[1]) protocols.add(m[1]);
		const g = /^(smtp|imap|pop3)[._-]?(host|server|port)$/.exec(k);
		if (g?.[1]) protocols.add(`generic:${g[1]}`);
	}
	for (const t of [get('mail.transport.protocol'), get('mail.store.protocol')]) {
		if (t && /^(smtps?|imaps?|pop3s?)$/i.test(t.value)) protocols.add(t.value.toLowerCase());
	}
	const byBase = new Map<Proto, string[]>();
	for (const p of protocols) {
		const name = p.replace(/^generic:/, '');
		const base = name.replace(/s$/, '') as Proto;
		byBase.set(base, [...(byBase.get(base) ?? []), p]);
	}
	for (const [base, names] of byBase) {
		const val = (suffix: string) => {
			for (const n of names) {
				const key = n.startsWith('generic:') ? `${base}.${suffix}` : `mail.${n}.${suffix}`;
				const hit = get(key) ?? (n.startsWith('generic:') ? get(`${base}_${suffix}`) : undefined);
				if (hit) return hit;
			}
			return undefined;
		};
		const host = val('host') ?? val('server');
		const portLine = val('port');
		const implicitProto = names.some((n) => /s$/.test(n) && !n.startsWith('generic:'));
		const sslEnable = val('ssl.enable') ?? val('ssl') ?? val('usessl') ?? val('use_smtps');
		const starttls = val('starttls.enable') ?? val('starttls');
		const starttlsRequired = val('starttls.required');
		const auth = val('auth');
		const check = val('ssl.checkserveridentity');
		const trust = val('ssl.trust');
		// the pre-1.4 JavaMail way to ask for implicit TLS: an SSL socket factory for the protocol
		const factory = val('ssl.socketfactory.class') ?? val('socketfactory.class');
		const factoryTls = !!factory && /SSLSocketFactory|SSLContext|Ssl|TLS/i.test(factory.value);
		const factoryTrustsAll =
			!!factory && /TrustAll|Dummy|Insecure|NoVerif|Naive|Trusting|Permissive/i.test(factory.value);
		const fallback = val('socketfactory.fallback');
		const implicit = implicitProto || isTrue(sslEnable?.value) || factoryTls;
		let mode: MailFacts['mode'] = implicit
			? 'implicit'
			: isTrue(starttls?.value)
				? isTrue(starttlsRequired?.value)
					? 'starttls-required'
					: 'starttls-optional'
				: 'plain';
		let port = portLine ? Number(portLine.value) || null : null;
		if (port === null)
			port = mode === 'implicit' ? IMPLICIT_PORTS[base] : (PLAIN_PORTS[base][0] ?? null);
		/** The mode was corrected to what the port implies (said in the evidence too). */
		let impliedBy: number | null = null;
		if (mode === 'implicit' && port !== null && PLAIN_PORTS[base].includes(port)) {
			impliedBy = port;
			// The client opens with a TLS handshake, the server with a plaintext greeting: the
			// handshake fails before anything (credentials included) is sent, so this is never a
			// plaintext session. What the port implies is STARTTLS (RFC 8314); nothing here says it
			// would be required, so it is graded as not required.
			mode = isTrue(starttlsRequired?.value) ? 'starttls-required' : 'starttls-optional';
			parse.notes.push({
				level: 'error',
				line: (sslEnable ?? portLine)?.line ?? null,
				message: `implicit TLS on port ${port}, where ${base.toUpperCase()} expects STARTTLS: the TLS handshake fails against the server's plaintext greeting, so no session (and no credential) gets through; graded as STARTTLS${mode === 'starttls-required' ? ' (required)' : ' not required (nothing requires it)'}, the mode the port implies. Use port ${IMPLICIT_PORTS[base]} for implicit TLS, or STARTTLS on ${port}`,
			});
		} else if (mode !== 'implicit' && port === IMPLICIT_PORTS[base]) {
			parse.notes.push({
				level: 'error',
				line: portLine?.line ?? null,
				message: `port ${port} expects implicit TLS but the settings ask for ${mode === 'plain' ? 'plaintext' : 'STARTTLS'}; graded as implicit TLS`,
			});
			mode = 'implicit';
		}
		const src = sslEnable ?? factory ?? starttls ?? host ?? portLine;
		const line = src?.line ?? null;
		const mail: MailFacts = {
			protocol: base,
			host: host?.value.toLowerCase() ?? null,
			port,
			mode,
			auth: auth ? isTrue(auth.value) : null,
			checkServerIdentity: check ? isTrue(check.value) : null,
			trustAll: trust?.value.trim() === '*',
			origin: origin(
				inputName,
				src?.key ?? 'mail',
				line,
				(src ? `${src.key}=${src.value}` : 'mail settings') +
					(impliedBy !== null ? ` on port ${impliedBy}: graded as STARTTLS, the port's mode` : ''),
			),
		};
		const ep: DeclaredEndpoint = {
			label: `${base.toUpperCase()} ${mail.host ?? '?'}:${port ?? '?'}`,
			format: 'mail',
			role: 'client',
			scheme: base,
			host: mail.host,
			port,
			line,
			product: 'JavaMail',
			productVersion: null,
			stack: 'jsse',
			validationDisabled: [],
			certificateFiles: [],
			mail,
			defaults: { protocols: 'JVM client default', ciphers: 'JVM client default' },
		};
		if (trust?.value.trim() === '*')
			ep.validationDisabled.push(
				origin(inputName, trust.key, trust.line, `${trust.key}=${trust.value}`),
			);
		if (factory && factoryTrustsAll) {
			// a socket factory named for trusting everything is what Stack Overflow answers hand out
			mail.trustAll = true;
			ep.validationDisabled.push(
				origin(inputName, factory.key, factory.line, `${factory.key}=${factory.value}`),
			);
		}
		if (factory && factoryTls && mode === 'implicit' && isTrue(fallback?.value))
			parse.notes.push({
				level: 'warning',
				line: fallback?.line ?? null,
				message: `${fallback?.key}=true: when the TLS socket cannot be made, JavaMail falls back to a plain socket (credentials in clear); set it to false`,
			});
		const protoList = val('ssl.protocols');
		if (protoList)
			ep.protocols = {
				value: versionList(protoList.value).versions,
				origin: origin(
					inputName,
					protoList.key,
					protoList.line,
					`${protoList.key}=${protoList.value}`,
				),
			};
		const suites = val('ssl.ciphersuites');
		if (suites)
			ep.cipherList = {
				value: suites.value.split(/\s+/).filter(Boolean),
				origin: origin(inputName, suites.key, suites.line, `${suites.key}=${suites.value}`),
			};
		out.push(ep);
	}
	return out;
}

export function parseMail(text: string, inputName: string): TlsParse {
	const parse = emptyParse('mail');
	const props = parseProperties(text);
	parse.endpoints = mailEndpoints(
		props,
		inputName,
		parse,
		props.some((p) => p.key.startsWith('spring.mail.properties.')) ? 'spring.mail.properties.' : '',
	);
	const springHost = props.find((p) => p.key === 'spring.mail.host');
	if (springHost && parse.endpoints.length === 0) {
		const port = props.find((p) => p.key === 'spring.mail.port');
		const proto = props.find((p) => p.key === 'spring.mail.protocol')?.value ?? 'smtp';
		parse.endpoints = mailEndpoints(
			[
				{ key: `mail.${proto}.host`, value: springHost.value, line: springHost.line },
				...(port ? [{ key: `mail.${proto}.port`, value: port.value, line: port.line }] : []),
			],
			inputName,
			parse,
		);
	}
	if (parse.endpoints.length === 0)
		parse.notes.push({
			level: 'warning',
			line: null,
			message: 'no SMTP/IMAP/POP3 host or port found',
		});
	return parse;
}
