// Which captured messages WSS-BODY-NOT-ENCRYPTED-OVER-HTTP looks at, and where each goes (the
// answer itself comes from ./endpoint.ts). A message known only as a parsed input, or only to the
// decryption stage, counts too; the decryption stage's own wsa:To is the fallback.
import type { AnalysisFacts } from '../../../core/facts';
import { endpointScheme } from './endpoint';

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

/** Every captured SOAP message (original, not decrypted), with what the facts say about its Body. */
export function envelopes(facts: AnalysisFacts): EnvelopeView[] {
	const out = new Map<string, EnvelopeView>();
	for (const e of facts.envelopes) {
		if (e.documentOrigin === 'decrypted') continue;
		out.set(e.inputName, {
			inputName: e.inputName,
			bodyEncrypted: e.bodyEncrypted,
			wsaTo: e.wsa.to,
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

/** The transport of a message, from the shared answer in ./endpoint.ts (http or https only). */
export function messageScheme(facts: AnalysisFacts, envelope: EnvelopeView): MessageScheme | null {
	const found = endpointScheme(facts, { inputName: envelope.inputName, wsaTo: envelope.wsaTo });
	if (!found || found.scheme === 'other') return null;
	return { scheme: found.scheme, address: found.address.trim(), source: found.source };
}
