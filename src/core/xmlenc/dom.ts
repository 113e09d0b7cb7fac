// Small DOM helpers over @xmldom/xmldom for the XML Encryption model: namespaced children, IDs,
// element paths. No DOMParser exists in a worker, so nothing here touches browser globals.
import {
	buildIdMap,
	elementPath as sharedElementPath,
	idValues,
	resolveFragment as resolveIdFragment,
} from '../xml/ids';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { elementsInside } from '../xml/element-index';

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

/** The ID values of an element: the shared rule of xml/ids.ts (RULES.md 4.16, with id and xml:id). */
export function idsOf(el: Element): string[] {
	return idValues(el);
}

export function idOf(el: Element): string | null {
	return idsOf(el)[0] ?? null;
}

/** Every ID value → its elements (a list longer than one is ambiguous and never resolved). */
export function buildIdIndex(doc: Document): Map<string, Element[]> {
	return buildIdMap(doc).byValue;
}

/** `#id` → the one element carrying it, or null (absent or duplicated): xml/ids.ts resolveFragment. */
export function resolveFragment(index: Map<string, Element[]>, uri: string): Element | null {
	return resolveIdFragment({ byValue: index, duplicates: [] }, uri);
}

/** The shared element-path format (xml/ids.ts), e.g. /soap:Envelope/soap:Body/xenc:EncryptedData. */
export const elementPath = sharedElementPath;
