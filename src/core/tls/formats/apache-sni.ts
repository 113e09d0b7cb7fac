// mod_ssl SSLProtocol for name-based virtual hosts (RULES.md 4.7): unless httpd ≥ 2.4.42 is
// linked with OpenSSL ≥ 1.1.1, the protocol of the base virtual host (the first one declared on
// the IP:port) applies to every name-based virtual host on that IP:port.
import type { DeclaredEndpoint, TlsParse } from '../model';
import { atLeast } from '../versions';

export interface VhostServer {
	ep: DeclaredEndpoint;
	/** The `<VirtualHost>` address as written, lower-cased (`*:443`, `10.0.0.1:443`). */
	address: string;
}

export function vhostProtocolHonoured(
	httpd: string | null,
	openssl: string | null,
): boolean | null {
	if (httpd === null || openssl === null) return null;
	return atLeast(httpd, '2.4.42') && atLeast(openssl.replace(/[a-z]+$/i, ''), '1.1.1');
}

export function applyBaseVhost(
	vhosts: readonly VhostServer[],
	parse: TlsParse,
	httpd: string | null,
	openssl: string | null,
): void {
	const honoured = vhostProtocolHonoured(httpd, openssl);
	const byAddress = new Map<string, VhostServer[]>();
	for (const v of vhosts) byAddress.set(v.address, [...(byAddress.get(v.address) ?? []), v]);
	for (const [address, list] of byAddress) {
		const base = list[0];
		if (!base?.ep.protocols || list.length < 2) continue;
		const differ = list
			.slice(1)
			.filter((v) => v.ep.protocols?.value.join(' ') !== base.ep.protocols?.value.join(' '));
		if (differ.length === 0) continue;
		if (honoured === true) continue;
		if (honoured === null) {
			parse.notes.push({
				level: 'info',
				line: base.ep.line,
				message: `${address}: name-based virtual hosts set different SSLProtocol values; before httpd 2.4.42 with OpenSSL 1.1.1 the base virtual host's (line ${base.ep.line}) applies to all of them. Versions not stated (add "# Apache/2.4.x" and "# OpenSSL x.y.z"): each is graded on its own setting`,
			});
			continue;
		}
		for (const v of differ) {
			const own = v.ep.protocols?.value.join(' ') ?? '';
			v.ep.protocols = base.ep.protocols;
			parse.notes.push({
				level: 'warning',
				line: v.ep.line,
				message: `${v.ep.label}: Apache ${httpd ?? ''} with OpenSSL ${openssl ?? ''} uses the SSLProtocol of the base virtual host on ${address} (${base.ep.label}): ${base.ep.protocols.value.join(' ')} instead of ${own} (per-host protocols need httpd ≥ 2.4.42 and OpenSSL ≥ 1.1.1)`,
			});
		}
	}
}
