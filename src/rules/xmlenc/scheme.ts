// Where a captured message goes, for WSS-BODY-NOT-ENCRYPTED-OVER-HTTP: the message's wsa:To
// first, then the dropped WSDLs' endpoint addresses, then the connector form. The envelope and
// WSDL facts belong to other issues and are still growing, so they are read structurally here
// (only the fields named below), and the decryption stage's own wsa:To is the fallback.
import type { AnalysisFacts } from '../../core/facts';

export interface MessageScheme {
	scheme: 'http' | 'https';
	address: string;
	source: 'wsa:To' | 'WSDL' | 'connector';
}

/** An envelope as far as this rule needs it. */
export interface EnvelopeView {
	inputName: string;
	bodyEncrypted: boolean | null;
	wsaTo: string | null;
}

function schemeOf(address: string): 'http' | 'https' | null {
	const m = /^\s*(https?):/i.exec(address);
	return m ? ((m[1] ?? '').toLowerCase() as 'http' | 'https') : null;
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Every captured SOAP message (original, not decrypted), with what the facts say about its Body. */
export function envelopes(facts: AnalysisFacts): EnvelopeView[] {
	const out = new Map<string, EnvelopeView>();
	for (const e of facts.envelopes as unknown as Loose[]) {
		const inputName = str(e['inputName']);
		if (!inputName || e['documentOrigin'] === 'decrypted') continue;
		const wsa = (e['wsa'] ?? {}) as Loose;
		out.set(inputName, {
			inputName,
			bodyEncrypted: typeof e['bodyEncrypted'] === 'boolean' ? e['bodyEncrypted'] : null,
			wsaTo: str(wsa['to']),
		});
	}
	for (const input of facts.inputs) {
		if (input.kind !== 'soap-envelope' || input.status !== 'parsed' || out.has(input.name))
			continue;
		out.set(input.name, { inputName: input.name, bodyEncrypted: null, wsaTo: null });
	}
	for (const view of out.values()) {
		const own = facts.decryptions.filter((d) => d.inputName === view.inputName);
		view.wsaTo ??= own.find((d) => d.wsaTo)?.wsaTo ?? null;
		if (own.some((d) => d.location === 'body')) view.bodyEncrypted = true;
		view.bodyEncrypted ??= false;
	}
	return [...out.values()];
}

function wsdlAddresses(facts: AnalysisFacts): string[] {
	const out: string[] = [];
	for (const w of facts.wsdls as unknown as Loose[]) {
		for (const key of ['endpoints', 'ports']) {
			const list = w[key];
			if (!Array.isArray(list)) continue;
			for (const p of list as Loose[]) {
				const address = str(p['address']);
				if (address) out.push(address);
			}
		}
	}
	return out;
}

export function messageScheme(facts: AnalysisFacts, envelope: EnvelopeView): MessageScheme | null {
	const to = envelope.wsaTo;
	const toScheme = to ? schemeOf(to) : null;
	if (to && toScheme) return { scheme: toScheme, address: to.trim(), source: 'wsa:To' };
	const addresses = wsdlAddresses(facts);
	const wsdl = addresses.find((a) => schemeOf(a) === 'http') ?? addresses.find((a) => schemeOf(a));
	if (wsdl) return { scheme: schemeOf(wsdl) ?? 'https', address: wsdl, source: 'WSDL' };
	const endpoint = facts.connector?.endpoint ?? '';
	const s = schemeOf(endpoint);
	return s ? { scheme: s, address: endpoint.trim(), source: 'connector' } : null;
}
