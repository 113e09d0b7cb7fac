// The one DOM helper dialect of src/core, over @xmldom/xmldom (no DOMParser or XPath in a worker):
// children and descendants by namespace (one URI or a list, '*' or omitted for any) and local name,
// attributes, and text as two explicit functions: trimmedText for values (a Username, a
// DigestValue) and rawText where whitespace is content (base64 decoders that skip it themselves).
import type { Document, Element, Node } from '@xmldom/xmldom';
import { elementsInside } from './element-index';

// the namespace table lives in namespaces.ts; re-exported so DOM callers need one import
export { NS, WSA_NAMESPACES } from './namespaces';

/** A namespace filter: one URI, a list of URIs, or '*' / undefined for any namespace. */
export type NsFilter = string | readonly string[] | undefined;

function nsMatches(ns: string | null, filter: NsFilter): boolean {
	if (filter === undefined || filter === '*') return true;
	return typeof filter === 'string' ? ns === filter : filter.includes(ns ?? '');
}

function matches(el: Element, ns: NsFilter, local: string | undefined): boolean {
	return (
		(local === undefined || local === '*' || localName(el) === local) &&
		nsMatches(el.namespaceURI, ns)
	);
}

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

/** Element children, optionally filtered by namespace(s) and local name. */
export function children(el: Node | null | undefined, ns?: NsFilter, local?: string): Element[] {
	if (!el) return [];
	const out: Element[] = [];
	for (let c = el.firstChild; c; c = c.nextSibling)
		if (isElement(c) && matches(c, ns, local)) out.push(c);
	return out;
}

/** The first element child in the namespace(s) with the local name, or null. */
export function child(el: Node | null | undefined, ns: NsFilter, local: string): Element | null {
	if (!el) return null;
	for (let c = el.firstChild; c; c = c.nextSibling)
		if (isElement(c) && matches(c, ns, local)) return c;
	return null;
}

/**
 * Every descendant element of root (not root itself) in document order, optionally filtered: the
 * parser's flat element list when it can answer, else a walk through sibling and parent links (no
 * recursion, so deep documents never overflow the stack).
 */
export function descendants(root: Node | Document, ns?: NsFilter, local?: string): Element[] {
	const listed = elementsInside(root);
	if (listed) return listed.filter((e) => matches(e, ns, local));
	const out: Element[] = [];
	let n: Node | null = root.firstChild;
	while (n && n !== root) {
		if (isElement(n)) {
			if (matches(n, ns, local)) out.push(n);
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

/** Text content with surrounding whitespace removed ('' for no element). */
export function trimmedText(el: Node | null | undefined): string {
	return (el?.textContent ?? '').trim();
}

/** Text content exactly as written ('' for no element). */
export function rawText(el: Node | null | undefined): string {
	return el?.textContent ?? '';
}

/** An unqualified attribute's value, or null when absent. */
export function attr(el: Element | null | undefined, name: string): string | null {
	if (!el || !el.hasAttribute(name)) return null;
	return el.getAttribute(name);
}

/** A namespaced attribute, tried in each namespace given; null when absent. */
export function attrNS(
	el: Element | null | undefined,
	ns: string | readonly string[],
	local: string,
): string | null {
	if (!el) return null;
	for (const n of typeof ns === 'string' ? [ns] : ns) {
		if (el.hasAttributeNS(n, local)) return el.getAttributeNS(n, local);
	}
	return null;
}

/** Whether `inner` is `outer` or lies inside it. */
export function contains(outer: Node, inner: Node): boolean {
	for (let n: Node | null = inner; n; n = n.parentNode) if (n === outer) return true;
	return false;
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

/**
 * The namespace prefixes in scope at an element (prefix → URI, '' for the default namespace), as
 * its own and its ancestors' xmlns declarations make them: what an XPath written there means.
 */
export function namespacesInScope(el: Element): Record<string, string> {
	const out: Record<string, string> = {};
	for (let n: Node | null = el; isElement(n); n = n.parentNode) {
		const attrs = n.attributes;
		for (let i = 0; i < attrs.length; i++) {
			const a = attrs.item(i);
			if (!a) continue;
			const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : null;
			if (prefix !== null && !(prefix in out)) out[prefix] = a.value;
		}
	}
	return out;
}
