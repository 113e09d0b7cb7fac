// Small DOM helpers over @xmldom/xmldom for the XML Encryption model: namespaced children, IDs,
// element paths. No DOMParser exists in a worker, so nothing here touches browser globals.
import type { Document, Element, Node } from '@xmldom/xmldom';
import { elementsInside, elementsWithIdAttributes } from '../xml/element-index';
import { NS } from './algorithms';

const ELEMENT_NODE = 1;

export function isElement(node: Node | null | undefined): node is Element {
	return !!node && node.nodeType === ELEMENT_NODE;
}

export function elementChildren(el: Element): Element[] {
	const out: Element[] = [];
	for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
	return out;
}

export function childrenNs(el: Element, ns: string | readonly string[], local: string): Element[] {
	const set = typeof ns === 'string' ? [ns] : ns;
	return elementChildren(el).filter(
		(c) => c.localName === local && set.includes(c.namespaceURI ?? ''),
	);
}

export function childNs(
	el: Element,
	ns: string | readonly string[],
	local: string,
): Element | null {
	return childrenNs(el, ns, local)[0] ?? null;
}

export function descendantsNs(root: Document | Element, ns: string, local: string): Element[] {
	// the parser's element list when it can answer: xmldom's live list re-walks the whole tree
	const listed = elementsInside(root);
	if (listed)
		return listed.filter(
			(e) => (local === '*' || e.localName === local) && (ns === '*' || e.namespaceURI === ns),
		);
	return Array.from(root.getElementsByTagNameNS(ns, local));
}

export function textOf(el: Element | null): string {
	return el?.textContent ?? '';
}

/** The ID-typed attributes of RULES.md 4.16 (wsu:Id, Id, ID, AssertionID). */
export function idsOf(el: Element): string[] {
	const out: string[] = [];
	const wsu = el.getAttributeNS(NS.wsu, 'Id');
	if (wsu) out.push(wsu);
	for (const name of ['Id', 'ID', 'AssertionID']) {
		const v = el.getAttribute(name);
		if (v) out.push(v);
	}
	return out;
}

export function idOf(el: Element): string | null {
	return idsOf(el)[0] ?? null;
}

/** Every ID value → its elements (a list longer than one is ambiguous and never resolved). */
export function buildIdIndex(doc: Document): Map<string, Element[]> {
	const index = new Map<string, Element[]>();
	// the parser lists the few elements that carry an ID-like attribute; walk only without it
	const all = elementsWithIdAttributes(doc) ?? Array.from(doc.getElementsByTagName('*'));
	for (const el of all) {
		for (const id of idsOf(el)) {
			const list = index.get(id);
			if (list) list.push(el);
			else index.set(id, [el]);
		}
	}
	return index;
}

/** `#id` → the one element carrying it, or null (absent or duplicated). */
export function resolveFragment(index: Map<string, Element[]>, uri: string): Element | null {
	if (!uri.startsWith('#')) return null;
	const list = index.get(decodeURIComponent(uri.slice(1)));
	return list?.length === 1 ? (list[0] ?? null) : null;
}

/** Slash path of qualified names from the root, e.g. /soap:Envelope/soap:Body/xenc:EncryptedData. */
export function elementPath(el: Element): string {
	const parts: string[] = [];
	for (let n: Node | null = el; isElement(n); n = n.parentNode) parts.unshift(n.nodeName);
	return '/' + parts.join('/');
}
