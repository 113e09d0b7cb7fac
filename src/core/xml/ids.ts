// The one ID rule of every stage (RULES.md 4.16): ID-typed attributes are wsu:Id, Id, ID,
// AssertionID, lowercase id and xml:id. The map of value → elements is built before any reference
// is resolved; a value held by more than one element is a wrapping signal and never resolves,
// for signatures, decryption (DataReference, CipherReference, RetrievalMethod) and the policy
// check alike. Also the one element-path format (/soap:Envelope/soap:Header/wsse:Security[2]).
import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import { elementsWithIdAttributes } from './element-index';

const ELEMENT_NODE = 1;
const NS_XML = 'http://www.w3.org/XML/1998/namespace';

export const NS_WSU =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

export interface IdMap {
	byValue: Map<string, Element[]>;
	/** Values held by more than one element. */
	duplicates: { id: string; paths: string[] }[];
}

/** The ID values an element carries (usually one). */
export function idValues(el: Element): string[] {
	const out: string[] = [];
	const attrs = el.attributes;
	for (let i = 0; i < attrs.length; i++) {
		const a = attrs.item(i) as Attr;
		const local = a.localName ?? a.name;
		const ns = a.namespaceURI;
		if (
			(ns === NS_WSU && local === 'Id') ||
			(!ns && (local === 'Id' || local === 'ID' || local === 'AssertionID' || local === 'id')) ||
			(ns === NS_XML && local === 'id')
		) {
			if (!out.includes(a.value)) out.push(a.value);
		}
	}
	return out;
}

/** Child-index path from the root, e.g. /soapenv:Envelope/soapenv:Body[1]. */
export function elementPath(el: Node): string {
	const parts: string[] = [];
	for (let n: Node | null = el; n && n.nodeType === ELEMENT_NODE; n = n.parentNode) {
		const e = n as Element;
		let index = 1;
		let count = 0;
		const parent = e.parentNode;
		if (parent) {
			for (let s = parent.firstChild; s; s = s.nextSibling) {
				if (s.nodeType !== ELEMENT_NODE || (s as Element).tagName !== e.tagName) continue;
				count++;
				if (s === e) index = count;
			}
		}
		parts.push(count > 1 ? `${e.tagName}[${index}]` : e.tagName);
	}
	return '/' + parts.reverse().join('/');
}

export function buildIdMap(doc: Document): IdMap {
	const byValue = new Map<string, Element[]>();
	const add = (el: Element): void => {
		for (const v of idValues(el)) {
			const list = byValue.get(v);
			if (list) list.push(el);
			else byValue.set(v, [el]);
		}
	};
	// the parser lists the few elements that carry an ID-like attribute; walk only without it
	const listed = elementsWithIdAttributes(doc);
	if (listed) for (const el of listed) add(el);
	else {
		const stack: Node[] = [];
		if (doc.documentElement) stack.push(doc.documentElement);
		while (stack.length) {
			const el = stack.pop() as Element;
			add(el);
			for (let c = el.lastChild; c; c = c.previousSibling)
				if (c.nodeType === ELEMENT_NODE) stack.push(c);
		}
	}
	const duplicates: IdMap['duplicates'] = [];
	for (const [id, list] of byValue) {
		if (list.length > 1) duplicates.push({ id, paths: list.map(elementPath) });
	}
	return { byValue, duplicates };
}

export type IdLookup =
	{ ok: true; element: Element } | { ok: false; reason: 'missing' | 'duplicate'; count: number };

export function lookupId(map: IdMap, id: string): IdLookup {
	const list = map.byValue.get(id) ?? [];
	if (list.length === 1) return { ok: true, element: list[0] as Element };
	return list.length === 0
		? { ok: false, reason: 'missing', count: 0 }
		: { ok: false, reason: 'duplicate', count: list.length };
}

/** `#id` (URI-encoded) → the one element carrying it, or null (absent, duplicated, not a fragment). */
export function resolveFragment(map: IdMap, uri: string): Element | null {
	if (!uri.startsWith('#')) return null;
	let id: string;
	try {
		id = decodeURIComponent(uri.slice(1));
	} catch {
		return null;
	}
	const found = lookupId(map, id);
	return found.ok ? found.element : null;
}
