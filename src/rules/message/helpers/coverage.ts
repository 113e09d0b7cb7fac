// Pure helpers the message and XSW rules share: which envelope to judge per input, which
// signatures belong to it, and whether a reference resolves uniquely to a given element.
import type { AnalysisFacts } from '../../../core/facts';
import type { ReferenceFacts, SignatureFacts } from '../../../core/xmldsig/facts';
import type { EnvelopeFacts, UsernameTokenFacts } from '../../../core/soap/facts';

/** One envelope per input: the decrypted one when decryption produced it (it shows more). */
export function effectiveEnvelopes(facts: AnalysisFacts): EnvelopeFacts[] {
	const byInput = new Map<string, EnvelopeFacts>();
	for (const e of facts.envelopes) {
		const have = byInput.get(e.inputName);
		if (!have || e.documentOrigin === 'decrypted') byInput.set(e.inputName, e);
	}
	return [...byInput.values()];
}

/** Signatures of the same document as the envelope (SAML assertion signatures excluded). */
export function envelopeSignatures(facts: AnalysisFacts, env: EnvelopeFacts): SignatureFacts[] {
	return facts.signatures.filter(
		// one input's signatures, whichever copy (received or decrypted) the stage kept
		(s) => s.inputName === env.inputName && !s.inAssertion,
	);
}

/**
 * Core (non-manifest) references that resolved to exactly one element and cover all of it. A
 * signature that could not be verified (valid null: key absent, content still encrypted,
 * algorithm not implemented) covers nothing: its references are only claims until it is checked.
 * A reference whose transforms keep only part of its target (XPath, Filter 2.0, XSLT) does not
 * sign that element either: what they leave out can change without breaking the signature.
 */
export function resolvedReferences(sig: SignatureFacts): ReferenceFacts[] {
	if (sig.valid === null) return [];
	return sig.references.filter(
		(r) =>
			!r.inManifest &&
			!r.duplicateId &&
			!r.narrowedBy?.length &&
			(r.targetPath !== null || r.wholeDocument),
	);
}

export function referencesPath(sig: SignatureFacts, path: string): boolean {
	return resolvedReferences(sig).some((r) => r.targetPath === path && !r.wholeDocument);
}

/** Whether some signature covers the Body the service processes (Body itself, its sole child, or the whole document). */
export function bodySigned(sigs: readonly SignatureFacts[], env: EnvelopeFacts): boolean {
	if (!env.bodyPath || env.bodyCount !== 1) return false;
	const sole =
		env.bodyChildCount === 1 && env.bodyFirstChildName
			? `${env.bodyPath}/${env.bodyFirstChildName}`
			: null;
	return sigs.some((s) =>
		resolvedReferences(s).some(
			(r) =>
				r.wholeDocument ||
				r.targetPath === env.bodyPath ||
				(sole !== null && r.targetPath === sole),
		),
	);
}

export function timestampPaths(env: EnvelopeFacts): string[] {
	return env.securityHeaders.flatMap((h) => h.timestamps.map((t) => t.path));
}

export function signedTimestamp(sigs: readonly SignatureFacts[], env: EnvelopeFacts): boolean {
	const paths = timestampPaths(env);
	return sigs.some((s) => paths.some((p) => referencesPath(s, p)));
}

/** Every UsernameToken of the envelope (inside Security headers or elsewhere), once. */
export function usernameTokens(env: EnvelopeFacts): UsernameTokenFacts[] {
	const seen = new Set<string>();
	const out: UsernameTokenFacts[] = [];
	for (const u of [
		...env.securityHeaders.flatMap((h) => h.usernameTokens),
		...env.usernameTokens,
	]) {
		if (seen.has(u.path)) continue;
		seen.add(u.path);
		out.push(u);
	}
	return out;
}

/**
 * UsernameTokens that travel in clear: in the message as received (an EncryptedData elsewhere,
 * e.g. the Body, does not protect a token beside it), so the original envelope of the input is
 * read even when the decrypted one is the effective envelope.
 */
export function clearUsernameTokens(
	facts: AnalysisFacts,
	env: EnvelopeFacts,
): UsernameTokenFacts[] {
	const received =
		env.documentOrigin === 'decrypted'
			? facts.envelopes.find((e) => e.inputName === env.inputName && e.documentOrigin === 'input')
			: env;
	return usernameTokens(received ?? env).filter((u) => !u.protectedByEncryption);
}

/** Short subject for a signature: its Id or its path. */
export function signatureSubject(sig: SignatureFacts): string {
	return sig.signatureId
		? `ds:Signature Id=${sig.signatureId} (${sig.path})`
		: `ds:Signature at ${sig.path}`;
}
