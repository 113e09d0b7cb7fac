// nginx < 1.29.2 (RULES.md 4.6): with OpenSSL ≥ 1.1.1, `ssl_protocols` (and the cipher list,
// which OpenSSL keeps from the connection's first context) of a name-based server is not used;
// the default server of the listen socket decides. This module applies that to parsed endpoints.
import type { DeclaredEndpoint, TlsParse } from '../model';
import { atLeast } from '../versions';

export interface SocketServer {
	ep: DeclaredEndpoint;
	/** Normalised listen address, e.g. `*:443`, `[::]:443`, `10.0.0.1:8443`. */
	socket: string;
	isDefault: boolean;
}

/** `listen` first argument → socket key: bare port = all IPv4 addresses. */
export function socketOf(listenArg: string): string {
	const a = listenArg.trim();
	if (/^\d+$/.test(a)) return `*:${a}`;
	if (/^\[[^\]]+\]$/.test(a)) return `${a}:443`;
	const m = /^(.*):(\d+)$/.exec(a);
	if (m?.[1] !== undefined && m[2]) return `${m[1] === '0.0.0.0' ? '*' : m[1]}:${m[2]}`;
	return `${a === '0.0.0.0' ? '*' : a}:443`;
}

/** The version/library combination in which the default server's settings win. */
export function sniIgnoresServerSettings(nginx: string | null, openssl: string | null): boolean {
	if (nginx === null || atLeast(nginx, '1.29.2')) return false;
	return openssl === null || atLeast(openssl.replace(/[a-z]+$/i, ''), '1.1.1');
}

export function applyDefaultServer(
	servers: readonly SocketServer[],
	parse: TlsParse,
	nginx: string | null,
	openssl: string | null,
): void {
	if (!sniIgnoresServerSettings(nginx, openssl)) {
		if (nginx === null && servers.length > 1)
			parse.notes.push({
				level: 'info',
				line: null,
				message:
					'nginx version not stated: before 1.29.2 a name-based server’s ssl_protocols (and cipher list) is not used, the default server’s is; each server is graded on its own settings here',
			});
		return;
	}
	const bySocket = new Map<string, SocketServer[]>();
	for (const s of servers) bySocket.set(s.socket, [...(bySocket.get(s.socket) ?? []), s]);
	for (const [socket, list] of bySocket) {
		const def = list.find((s) => s.isDefault) ?? list[0];
		if (!def) continue;
		for (const s of list) {
			if (s === def) continue;
			const changed: string[] = [];
			const own = s.ep.protocols?.value.join(' ') ?? '';
			if (def.ep.protocols && own !== def.ep.protocols.value.join(' ')) {
				changed.push(`ssl_protocols ${own || '(default)'} → ${def.ep.protocols.value.join(' ')}`);
				s.ep.protocols = def.ep.protocols;
			}
			if (def.ep.cipherString && s.ep.cipherString?.value !== def.ep.cipherString.value) {
				changed.push(
					`ssl_ciphers ${s.ep.cipherString?.value ?? '(default)'} → ${def.ep.cipherString.value}`,
				);
				s.ep.cipherString = def.ep.cipherString;
			}
			if (changed.length === 0) continue;
			parse.notes.push({
				level: 'warning',
				line: s.ep.line,
				message: `${s.ep.label}: nginx ${nginx ?? ''} with OpenSSL ${openssl ?? '≥ 1.1.1 (assumed)'} does not apply a name-based server’s settings on ${socket}; the default server (${def.ep.label}) decides: ${changed.join('; ')} (fixed in nginx 1.29.2)`,
			});
		}
	}
}
