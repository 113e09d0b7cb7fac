// Small, allocation-light helpers for walking an @xmldom/xmldom tree by namespace and local name.
import type { Element, Node } from '@xmldom/xmldom';
import { elementsInside } from './element-index';

export const NS = {
	soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
	soap12: 'http://www.w3.org/2003/05/soap-envelope',
	wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
	wsse11: 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd',
	wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
	ds: 'http://www.w3.org/2000/09/xmldsig#',
	dsig11: 'http://www.w3.org/2009/xmldsig11#',
	xenc: 'http://www.w3.org/2001/04/xmlenc#',
	xenc11: 'http://www.w3.org/2009/xmlenc11#',
	exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
	saml1: 'urn:oasis:names:tc:SAML:1.0:assertion',
	saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
	wsa: 'http://www.w3.org/2005/08/addressing',
	wsa2004: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
	wsa2003: 'http://schemas.xmlsoap.org/ws/2004/03/addressing',
} as const;

/**
 * Every WS-Addressing namespace a message may use: the W3C Recommendation (2005/08), the W3C
 * drafts (2005/03, 2004/12) and the member-submission versions (2004/08, 2004/03, 2003/03).
 */
export const WSA_NAMESPACES: ReadonlySet<string> = new Set([
	NS.wsa,
	'http://www.w3.org/2005/03/addressing',
	'http://www.w3.org/2004/12/addressing',
	NS.wsa2004,
	NS.wsa2003,
	'http://schemas.xmlsoap.org/ws/2003/03/addressing',
]);

export function isElement(n: Node | null | undefined): n is Element {
	return !!n && n.nodeType === 1;
}

export function localName(el: Element): string {
	return el.localName ?? el.tagName.replace(/^.*:/, '');
}

export function is(el: Node | null | undefined, ns: string, local: string): boolean {
	return isElement(el) && el.namespaceURI === ns && localName(el) === local;
}

export function childElements(el: Node): Element[] {
	const out: Element[] = [];
	for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
	return out;
}

export function child(el: Node | null | undefined, ns: string, local: string): Element | null {
	if (!el) return null;
	for (let c = el.firstChild; c; c = c.nextSibling) if (is(c, ns, local)) return c as Element;
	return null;
}

export function children(el: Node | null | undefined, ns: string, local: string): Element[] {
	if (!el) return [];
	const out: Element[] = [];
	for (let c = el.firstChild; c; c = c.nextSibling) if (is(c, ns, local)) out.push(c as Element);
	return out;
}

/** All descendants (document order) matching ns + local name. */
export function descendants(root: Node, ns: string, local: string): Element[] {
	const listed = elementsInside(root);
	if (listed) return listed.filter((e) => e.localName === local && e.namespaceURI === ns);
	const out: Element[] = [];
	const stack: Node[] = [root];
	while (stack.length) {
		const n = stack.pop() as Node;
		for (let c = n.lastChild; c; c = c.previousSibling) {
			if (!isElement(c)) continue;
			stack.push(c);
		}
		if (n !== root && is(n, ns, local)) out.push(n as Element);
	}
	return out;
}

/** Text content, trimmed. */
export function text(el: Node | null | undefined): string {
	return (el?.textContent ?? '').trim();
}

export function attr(el: Element | null | undefined, name: string): string | null {
	if (!el || !el.hasAttribute(name)) return null;
	return el.getAttribute(name);
}

export function attrNS(el: Element | null | undefined, ns: string, local: string): string | null {
	if (!el || !el.hasAttributeNS(ns, local)) return null;
	return el.getAttributeNS(ns, local);
}

/** Whether `inner` is `outer` or lies inside it. */
export function contains(outer: Node, inner: Node): boolean {
	for (let n: Node | null = inner; n; n = n.parentNode) if (n === outer) return true;
	return false;
}
