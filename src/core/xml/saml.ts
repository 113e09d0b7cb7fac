// SAML 1.1 and 2.0 assertions as first-class facts: issuer, subject, conditions, audience, and
// (filled by the signature stage) which signature covers them and whether the consumer reads them.
import type { Document, Element } from '@xmldom/xmldom';
import { elementPath } from './ids';
import { attr, child, childElements, descendants, localName, NS, text } from './dom';

/** A SAML 1.1 / 2.0 assertion as the envelope model and the XML detail show it. */
export interface SamlAssertionFacts {
	path: string;
	version: '1.1' | '2.0';
	id: string | null;
	issuer: string | null;
	/** The assertion has its own ds:Signature child. */
	signed: boolean;
	/** NameID (2.0) / NameIdentifier (1.1) of its subject. */
	subject?: string | null;
	notBefore?: string | null;
	notOnOrAfter?: string | null;
	/** Audience values of its Conditions. */
	audiences?: string[];
	/**
	 * Who signed it, when a signature that verifies covers it (its own or the Response's):
	 * the signer's subject, or the key form when no certificate is known.
	 */
	signedBy?: string | null;
	/** Whether a consumer reads this assertion (xml/positions.ts); null when no rule applies. */
	effective?: boolean | null;
}

function firstDescendant(el: Element, ns: string, local: string): Element | null {
	return descendants(el, ns, local)[0] ?? null;
}

/** The facts of one saml:Assertion (SAML 2.0) or saml1:Assertion (SAML 1.1). */
export function samlAssertion(el: Element): SamlAssertionFacts {
	const v2 = el.namespaceURI === NS.saml2;
	const ns = v2 ? NS.saml2 : NS.saml1;
	const issuerEl = v2 ? child(el, NS.saml2, 'Issuer') : null;
	const subjectId = v2
		? firstDescendant(el, NS.saml2, 'NameID')
		: firstDescendant(el, NS.saml1, 'NameIdentifier');
	const conditions = child(el, ns, 'Conditions');
	const audiences = conditions
		? descendants(conditions, ns, 'Audience')
				.map((a) => text(a))
				.filter(Boolean)
		: [];
	return {
		path: elementPath(el),
		version: v2 ? '2.0' : '1.1',
		id: v2 ? attr(el, 'ID') : attr(el, 'AssertionID'),
		issuer: v2 ? (issuerEl ? text(issuerEl) : null) : attr(el, 'Issuer'),
		signed: !!child(el, NS.ds, 'Signature'),
		subject: subjectId ? text(subjectId) : null,
		notBefore: attr(conditions, 'NotBefore'),
		notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
		audiences,
		signedBy: null,
		effective: null,
	};
}

/** Every SAML assertion of a document (the document element included), in document order. */
export function samlAssertions(doc: Document): SamlAssertionFacts[] {
	const root = doc.documentElement;
	if (!root) return [];
	const isA = (e: Element): boolean =>
		(e.namespaceURI === NS.saml2 || e.namespaceURI === NS.saml1) && localName(e) === 'Assertion';
	const all = [
		...(isA(root) ? [root] : []),
		...descendants(root, NS.saml2, 'Assertion'),
		...descendants(root, NS.saml1, 'Assertion'),
	];
	// document order for the mixed SAML 1.1 / 2.0 case
	const order = new Map<Element, number>();
	let i = 0;
	const walk = (e: Element): void => {
		order.set(e, i++);
		for (const c of childElements(e)) walk(c);
	};
	if (all.length > 1) walk(root);
	all.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
	return all.map(samlAssertion);
}
