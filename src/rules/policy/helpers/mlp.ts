// MLP-COMPLETE (RULES.md 3.4): whether message-level protection is complete for a plain-HTTP
// endpoint, computed from facts (captured messages first, else the effective policies) so that
// WSDL-HTTP-ENDPOINT stays a pure rule.
import type { AnalysisFacts } from '../../../core/facts';
import type { WsdlFacts, WsdlOperation } from '../../../core/wsdl/facts';
import { ALG, hashStrength, suiteAlgorithms } from '../../../core/policy/suites';
import type { CapturedMessage, PolicyAlternative } from '../../../core/policy/types';

const SHA256 = 4;

/**
 * Condition 5 of 3.4: the facts behind the XSW rules whose effect is F (XSW-DUPLICATE-ID,
 * XSW-SIGNED-ELEMENT-RELOCATED, more than one Body or Header in XSW-MULTIPLE-SECURITY-ELEMENTS).
 */
function wrappingFatal(inputName: string, facts: AnalysisFacts): boolean {
	const envelopes = facts.envelopes.filter((e) => e.inputName === inputName);
	if (envelopes.some((e) => e.duplicateIds.length > 0 || e.bodyCount > 1 || e.headerCount > 1))
		return true;
	return facts.signatures.some(
		(s) => s.inputName === inputName && s.references.some((r) => r.atExpectedPosition === false),
	);
}

/** One captured message shows all five conditions of 3.4. */
export function messageProtected(msg: CapturedMessage, facts: AnalysisFacts): boolean {
	const sigs = facts.signatures.filter((s) => s.inputName === msg.inputName);
	if (sigs.some((s) => s.valid === false)) return false;
	if (wrappingFatal(msg.inputName, facts)) return false;
	const bodySigned =
		msg.signedTargets.includes('Body') &&
		msg.digestAlgorithms.length > 0 &&
		msg.digestAlgorithms.every((d) => hashStrength(d) >= SHA256) &&
		msg.signatureAlgorithms.every((s) => hashStrength(s) >= SHA256);
	const bodyEncrypted = msg.bodyEncrypted && !msg.keyTransports.includes(ALG.rsa15);
	const timestamp = msg.timestamp.present && msg.timestamp.signed;
	const noClearCredential = msg.usernameToken?.passwordType !== 'text';
	return bodySigned && bodyEncrypted && timestamp && noClearCredential;
}

/** One policy alternative demands all of 3.4 (1–4). */
export function alternativeProtected(alt: PolicyAlternative): boolean {
	if (alt.binding !== 'symmetric' && alt.binding !== 'asymmetric') return false;
	const suite = suiteAlgorithms(alt.algorithmSuite);
	if (!suite || hashStrength(suite.digest) < SHA256 || suite.asymKeyWrap === ALG.rsa15)
		return false;
	if (suite.encryption === ALG.tripledes) return false;
	const bodySigned = alt.signedParts.body || alt.signedElements.some((x) => /Body/.test(x));
	const bodyEncrypted =
		alt.encryptedParts.body || alt.encryptedElements.some((x) => /Body/.test(x));
	const clearUsername = alt.tokens.some(
		(t) =>
			t.type === 'UsernameToken' && (t.role === 'supporting' || t.role === 'signed-supporting'),
	);
	return bodySigned && bodyEncrypted && alt.includeTimestamp && !clearUsername;
}

function operationsProtected(ops: readonly WsdlOperation[]): boolean {
	let seen = 0;
	for (const op of ops) {
		for (const side of [op.input, op.output]) {
			if (!side) continue;
			if (side.alternatives.length === 0) return false;
			for (const alt of side.alternatives) {
				seen++;
				if (!alternativeProtected(alt)) return false;
			}
		}
	}
	return seen > 0;
}

/** MLP-COMPLETE for one port of a WSDL (by its binding name). */
export function mlpCompleteForBinding(
	facts: AnalysisFacts,
	wsdl: WsdlFacts,
	binding: string,
): boolean {
	const messages = wsdl.messages.filter((m) => m.match?.binding === binding);
	if (messages.length > 0) return messages.every((m) => messageProtected(m, facts));
	return operationsProtected(wsdl.operations.filter((o) => o.binding === binding));
}

/** MLP-COMPLETE for an endpoint known only by URL (connector form, wsa:To). */
export function mlpCompleteOverall(facts: AnalysisFacts): boolean {
	const messages = facts.wsdls.flatMap((w) => w.messages);
	if (messages.length > 0) return messages.every((m) => messageProtected(m, facts));
	const ops = facts.wsdls.flatMap((w) => w.operations);
	return operationsProtected(ops);
}
