// Where a captured message was (or will be) sent, for every rule that depends on the transport
// (WSS-USERNAME-*, WSS-BODY-NOT-ENCRYPTED-OVER-HTTP): the message's own wsa:To first, then the
// ports of the WSDL binding it matched, then any dropped WSDL's ports, then the connector form.
// The one place that answers this question. Pure: rules import it.
import type { AnalysisFacts } from '../../../core/facts';
import { endpointSchemeOf } from './endpoint-scheme';
import type { EnvelopeFacts } from '../../../core/soap/facts';

/** A captured message as far as this question needs it. */
export interface MessageRef {
	inputName: string;
	wsaTo: string | null;
}

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
	message: EnvelopeFacts | MessageRef,
): EndpointScheme | null {
	const to = 'wsa' in message ? message.wsa.to : message.wsaTo;
	if (to) {
		const s = schemeOf(to);
		// wsa:To may be an anonymous URI (urn:…): fall through to the declared endpoints then
		if (s === 'http' || s === 'https') return { scheme: s, address: to, source: 'wsa:To' };
	}
	// The binding the WSDL stage matched this message to says more than any port of any WSDL.
	const matched = endpointSchemeOf(facts, message.inputName);
	if (matched.source === 'WSDL port' && matched.scheme) {
		const s = schemeOf(`${matched.scheme}:`) ?? 'other';
		return { scheme: s, address: matched.evidence, source: 'WSDL' };
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
