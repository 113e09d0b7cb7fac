// XSW-NON-BSP-SIGNATURE-STRUCTURE: signature shapes the Basic Security Profile excludes because
// they widen the wrapping surface: XPath/XSLT transforms, Manifests, enveloping signatures (tier a);
// non-exclusive or with-comments canonicalization, non-shorthand reference URIs, a signature outside
// wsse:Security (tier b). Judged for signatures in SOAP envelopes.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

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
		references: ['BSP 1.1 R3001, R3102, R5403, R5404, R5423', 'W3C XML Signature Best Practices'],
	},
	check(facts, report) {
		const envelopes = new Set(
			facts.envelopes.map((e) => `${e.inputName}\u0000${e.documentOrigin}`),
		);
		for (const s of facts.signatures) {
			if (!envelopes.has(`${s.inputName}\u0000${s.documentOrigin}`) || s.inAssertion) continue;
			const base = { inputName: s.inputName, subject: signatureSubject(s) };
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
