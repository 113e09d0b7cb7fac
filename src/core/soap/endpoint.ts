// Where a captured message was (or will be) sent, for rules that depend on the transport
// (WSS-USERNAME-PLAINTEXT-OVER-HTTP, WSS-USERNAME-DIGEST): the message's own wsa:To first, then the
// dropped WSDLs' endpoints, then the connector form. Pure: rules import it.
import type { AnalysisFacts } from '../facts';
import type { EnvelopeFacts } from './facts';

export interface EndpointScheme {
	scheme: 'http' | 'https' | 'other';
	address: string;
	source: 'wsa:To' | 'WSDL' | 'connector';
}

function schemeOf(address: string): EndpointScheme['scheme'] | null {
	const m = /^\s*([a-z][a-z0-9+.-]*):/i.exec(address);
	if (!m) return null;
	const s = (m[1] ?? '').toLowerCase();
	return s === 'http' ? 'http' : s === 'https' ? 'https' : 'other';
}

/** The endpoint scheme for a message, or null when nothing says where it goes. */
export function endpointScheme(
	facts: AnalysisFacts,
	envelope: EnvelopeFacts,
): EndpointScheme | null {
	const to = envelope.wsa.to;
	if (to) {
		const s = schemeOf(to);
		// wsa:To may be an anonymous URI (urn:…): fall through to the declared endpoints then
		if (s === 'http' || s === 'https') return { scheme: s, address: to, source: 'wsa:To' };
	}
	const ports = facts.wsdls.filter((w) => w.kind === 'wsdl').flatMap((w) => w.ports);
	const http = ports.find((p) => schemeOf(p.address) === 'http');
	const any = http ?? ports.find((p) => schemeOf(p.address) !== null);
	if (any)
		return { scheme: schemeOf(any.address) ?? 'other', address: any.address, source: 'WSDL' };
	const endpoint = facts.connector?.endpoint;
	if (endpoint) {
		const s = schemeOf(endpoint);
		if (s) return { scheme: s, address: endpoint, source: 'connector' };
	}
	return null;
}
