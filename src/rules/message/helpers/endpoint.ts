// Where a captured message was (or will be) sent, for every rule that depends on the transport
// (WSS-USERNAME-*, WSS-BODY-NOT-ENCRYPTED-OVER-HTTP): the message's own wsa:To first, then the
// ports of the WSDL binding the WSDL stage matched it to, then any dropped WSDL's ports, then the
// connector form. The one place that answers this question. Pure: reads only facts.
import type { AnalysisFacts } from '../../../core/facts';
import type { EnvelopeFacts } from '../../../core/soap/facts';

/** A captured message as far as this question needs it. */
export interface MessageRef {
	inputName: string;
	wsaTo: string | null;
}

export interface EndpointScheme {
	scheme: 'http' | 'https' | 'other';
	/** The URL(s) seen. */
	address: string;
	source: 'wsa:To' | 'WSDL' | 'connector';
}

/** The URL's scheme in lower case, or null when it has none. */
function schemeName(url: string): string | null {
	return /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? null;
}

function schemeOf(address: string): EndpointScheme['scheme'] | null {
	const s = schemeName(address);
	if (s === null) return null;
	return s === 'http' ? 'http' : s === 'https' ? 'https' : 'other';
}

/**
 * The ports of the binding the WSDL stage matched this captured message to (plain HTTP when any
 * of them is, as the weaker transport decides), or null when no WSDL matched it.
 */
export function matchedBindingScheme(
	facts: AnalysisFacts,
	inputName: string,
): { scheme: string; evidence: string } | null {
	for (const w of facts.wsdls) {
		// Facts built by hand (tests, other stages) may omit messages.
		const match = (w.messages ?? []).find((m) => m.inputName === inputName)?.match;
		if (!match) continue;
		const owner = facts.wsdls.find((x) => x.inputName === match.wsdl);
		const ports = owner?.ports.filter((p) => p.binding === match.binding && p.scheme) ?? [];
		const chosen = ports.find((p) => p.scheme === 'http') ?? ports[0];
		if (chosen?.scheme)
			return { scheme: chosen.scheme, evidence: ports.map((p) => p.address).join(', ') };
	}
	return null;
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
	const matched = matchedBindingScheme(facts, message.inputName);
	if (matched) {
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
