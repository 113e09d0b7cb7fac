// Where a captured message was sent, for message rules that depend on the transport (the
// WSDL-HTTP-ENDPOINT amendment: WSDL addresses, the connector's endpoint URL, the message's
// wsa:To). Pure: reads only facts.
import type { AnalysisFacts } from '../../../core/facts';

export interface EndpointScheme {
	/** "http", "https", another scheme, or null when nothing says where the message went. */
	scheme: string | null;
	/** Which declaration said so. */
	source: 'wsa:To' | 'WSDL port' | 'connector endpoint' | null;
	/** The URL(s) seen. */
	evidence: string;
}

function schemeOf(url: string): string | null {
	return /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase() ?? null;
}

/**
 * The endpoint scheme of a captured envelope (by input name): its own wsa:To first, then the
 * ports of the WSDL binding it matched (plain HTTP when any of them is), then the connector form.
 */
export function endpointSchemeOf(facts: AnalysisFacts, inputName: string): EndpointScheme {
	for (const w of facts.wsdls) {
		// Facts built by hand (tests, other stages) may omit messages.
		const msg = (w.messages ?? []).find((m) => m.inputName === inputName);
		if (!msg) continue;
		if (msg.to && schemeOf(msg.to))
			return { scheme: schemeOf(msg.to), source: 'wsa:To', evidence: msg.to };
		const match = msg.match;
		const owner = match ? facts.wsdls.find((x) => x.inputName === match.wsdl) : undefined;
		const ports = owner?.ports.filter((p) => p.binding === match?.binding && p.scheme) ?? [];
		if (ports.length) {
			const http = ports.find((p) => p.scheme === 'http');
			const chosen = http ?? ports[0]!;
			return {
				scheme: chosen.scheme,
				source: 'WSDL port',
				evidence: ports.map((p) => p.address).join(', '),
			};
		}
	}
	const endpoint = facts.connector?.endpoint ?? '';
	if (schemeOf(endpoint))
		return { scheme: schemeOf(endpoint), source: 'connector endpoint', evidence: endpoint };
	return { scheme: null, source: null, evidence: '' };
}
