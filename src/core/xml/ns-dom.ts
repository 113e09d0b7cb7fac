// Small namespace-aware DOM helpers over @xmldom/xmldom (no DOMParser or XPath in a worker).
import type { Element, Node } from '@xmldom/xmldom';
import { elementsInside } from './element-index';

const ELEMENT_NODE = 1;

export function isElement(node: Node | null | undefined): node is Element {
	return !!node && node.nodeType === ELEMENT_NODE;
}

/** Element children, optionally filtered by namespace(s) and local name. */
export function kids(el: Element, ns?: string | readonly string[], local?: string): Element[] {
	const out: Element[] = [];
	const nsList = ns === undefined ? null : typeof ns === 'string' ? [ns] : ns;
	for (let n = el.firstChild; n; n = n.nextSibling) {
		if (!isElement(n)) continue;
		if (nsList && !nsList.includes(n.namespaceURI ?? '')) continue;
		if (local !== undefined && n.localName !== local) continue;
		out.push(n);
	}
	return out;
}

export function kid(el: Element, ns: string | readonly string[], local: string): Element | null {
	return kids(el, ns, local)[0] ?? null;
}

/**
 * Every descendant element in document order, walked through sibling and parent links: no
 * recursion (deep documents never overflow the stack) and no per-level arrays.
 */
export function descendants(
	root: Element,
	ns?: string | readonly string[],
	local?: string,
): Element[] {
	const nsList = ns === undefined ? null : typeof ns === 'string' ? [ns] : ns;
	const listed = elementsInside(root);
	if (listed)
		return listed.filter(
			(e) =>
				(!nsList || nsList.includes(e.namespaceURI ?? '')) &&
				(local === undefined || e.localName === local),
		);
	const out: Element[] = [];
	let n: Node | null = root.firstChild;
	while (n && n !== root) {
		if (isElement(n)) {
			if (
				(!nsList || nsList.includes(n.namespaceURI ?? '')) &&
				(local === undefined || n.localName === local)
			)
				out.push(n);
			if (n.firstChild) {
				n = n.firstChild;
				continue;
			}
		}
		while (n && n !== root && !n.nextSibling) n = n.parentNode;
		if (!n || n === root) break;
		n = n.nextSibling;
	}
	return out;
}

/** An unqualified attribute's value, or null when absent. */
export function attr(el: Element, name: string): string | null {
	return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** A namespaced attribute, tried in each namespace given. */
export function attrNS(el: Element, ns: string | readonly string[], local: string): string | null {
	for (const n of typeof ns === 'string' ? [ns] : ns) {
		if (el.hasAttributeNS(n, local)) return el.getAttributeNS(n, local);
	}
	return null;
}

export interface QName {
	ns: string | null;
	local: string;
}

/** Resolves a QName-valued attribute ("tns:Foo") against the element's in-scope namespaces. */
export function resolveQName(el: Element, value: string | null): QName | null {
	if (!value) return null;
	const v = value.trim();
	const colon = v.indexOf(':');
	if (colon === -1) return { ns: el.lookupNamespaceURI(null), local: v };
	return { ns: el.lookupNamespaceURI(v.slice(0, colon)), local: v.slice(colon + 1) };
}

export function qnameKey(q: QName): string {
	return `{${q.ns ?? ''}}${q.local}`;
}

/** A readable path from the root, e.g. /definitions/binding[@name='B']/operation[@name='op']. */
export function elementPath(el: Element): string {
	const parts: string[] = [];
	for (let n: Node | null = el; isElement(n); n = n.parentNode) {
		const name = n.getAttribute('name');
		parts.push(name ? `${n.tagName}[@name='${name}']` : n.tagName);
	}
	return '/' + parts.reverse().join('/');
}

export function textOf(el: Element | null): string {
	return (el?.textContent ?? '').trim();
}
