// XSW-NON-BSP-SIGNATURE-STRUCTURE: signature shapes the Basic Security Profile excludes because
// they widen the wrapping surface: XPath/XSLT transforms, Manifests, enveloping signatures (tier a);
// non-exclusive or with-comments canonicalization, non-shorthand reference URIs, a signature outside
// wsse:Security (tier b). Judged in full for a SOAP envelope's own signatures. A SAML assertion's
// signature (SAML core §5.4.4: only enveloped-signature and exc-c14n) and a plain document's are
// judged on tier a's transforms only, where a transform keeps part of the element it references:
// that element is then not signed as a whole, and the consumer reads what was left out.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';
import type { SignatureFacts } from '../../core/xmldsig/facts';

/** References whose transforms keep only part of their target, in words. */
function partialReferences(s: SignatureFacts): string[] {
	return s.references
		.filter((r) => !r.inManifest && r.narrowedBy?.length)
		.map(
			(r) =>
				`reference ${r.uri ? `"${r.uri}"` : 'URI=""'} signs only part of ${r.target ?? 'its target'}${r.targetPath ? ` (${r.targetPath})` : ''}: ${(r.narrowedBy ?? []).join(', ')} keeps part of it, and what it leaves out can change without breaking the signature`,
		);
}

const RISKY = new Set([
	'http://www.w3.org/TR/1999/REC-xpath-19991116',
	'http://www.w3.org/TR/1999/REC-xslt-19991116',
]);
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const C14N = new Set([
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
	'http://www.w3.org/2006/12/xml-c14n11',
	'http://www.w3.org/2006/12/xml-c14n11#WithComments',
	'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);

export const xswNonBspSignatureStructure: Rule = {
	meta: {
		id: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
		area: 'message',
		title: 'Signature structure outside the Basic Security Profile',
		severities: ['medium', 'low'],
		remediation:
			'Restrict to exc-c14n, shorthand ID references and detached signatures inside wsse:Security.',
		references: [
			'BSP 1.1 R3001, R3102, R5403, R5404, R5423',
			'W3C XML Signature Best Practices',
			'SAML 2.0 core §5.4.4',
			'XML Signature 1.1 §8.1.3',
		],
	},
	check(facts, report) {
		const envelopes = new Set(
			facts.envelopes.map((e) => `${e.inputName}\u0000${e.documentOrigin}`),
		);
		for (const s of facts.signatures) {
			const base = { inputName: s.inputName, subject: signatureSubject(s) };
			if (!envelopes.has(`${s.inputName}\u0000${s.documentOrigin}`) || s.inAssertion) {
				const partial = partialReferences(s);
				if (partial.length)
					report({
						...base,
						severity: 'medium',
						effect: 'cap B',
						evidence: `${partial.join('; ')}${s.inAssertion ? ' (SAML core §5.4.4 allows only enveloped-signature and exc-c14n in an assertion signature)' : ''}`,
						title: s.inAssertion
							? 'SAML assertion only partly signed: a transform leaves part of it out'
							: 'Element only partly signed: a transform leaves part of it out',
						remediation: s.inAssertion
							? 'Sign the whole assertion with enveloped-signature and exc-c14n only, and reject assertions signed with other transforms.'
							: 'Sign the whole element with enveloped-signature and exc-c14n only; a verifier should read only what the signature covers.',
					});
				continue;
			}
			const a: string[] = [];
			const risky = s.references.flatMap((r) => r.transforms.filter((t) => RISKY.has(t)));
			if (risky.length) a.push(`transform ${[...new Set(risky)].join(', ')}`);
			if (s.manifests > 0) a.push(`${s.manifests} ds:Manifest`);
			if (s.enveloping) a.push('enveloping signature (signed content inside ds:Object)');
			if (a.length)
				report({ ...base, severity: 'medium', effect: 'cap B', evidence: a.join('; ') });
			const b: string[] = [];
			const c14n = [s.canonicalizationMethod, ...s.references.flatMap((r) => r.transforms)].filter(
				(t) => C14N.has(t),
			);
			if (
				c14n.length ||
				(s.canonicalizationMethod &&
					s.canonicalizationMethod !== EXC &&
					!C14N.has(s.canonicalizationMethod))
			)
				b.push(
					`canonicalization ${[...new Set(c14n.length ? c14n : [s.canonicalizationMethod])].join(', ')} (BSP requires exc-c14n)`,
				);
			const odd = s.references.filter((r) => !r.inManifest && !/^#[^(]+$/.test(r.uri));
			if (odd.length)
				b.push(`reference URI ${odd.map((r) => `"${r.uri}"`).join(', ')} is not a shorthand #id`);
			if (!s.inSecurityHeader)
				b.push(`ds:Signature is a child of ${s.parent ?? 'the document'}, not of wsse:Security`);
			if (b.length) report({ ...base, severity: 'low', effect: 'warn', evidence: b.join('; ') });
		}
	},
};
