// The one ID rule of every stage (RULES.md 4.16): ID-typed attributes are wsu:Id, Id, ID,
// AssertionID, lowercase id and xml:id. The map of value → elements is built before any reference
// is resolved; a value held by more than one element is a wrapping signal and never resolves,
// for signatures, decryption (DataReference, CipherReference, RetrievalMethod) and the policy
// check alike. Element paths are xml/paths.ts (re-exported here for the callers of the ID map).
import type { Attr, Document, Element } from '@xmldom/xmldom';
import { isElement } from './dom';
import { elementsWithIdAttributes, mutations } from './element-index';
import { NS } from './namespaces';
import { elementPath } from './paths';

export { elementPath };

const NS_XML = NS.xml;

export const NS_WSU = NS.wsu;

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

const BUILT = new WeakMap<Document, { stamp: number; map: IdMap }>();

/**
 * The ID map of a document, built once and shared by every stage that asks (envelope model,
 * signatures, decryption, policy) until the document changes; callers treat it as read-only.
 */
export function buildIdMap(doc: Document): IdMap {
	const stamp = mutations(doc);
	const cached = BUILT.get(doc);
	if (cached && cached.stamp === stamp) return cached.map;
	const map = indexIds(doc);
	BUILT.set(doc, { stamp, map });
	return map;
}

function indexIds(doc: Document): IdMap {
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
		const stack: Element[] = [];
		if (doc.documentElement) stack.push(doc.documentElement);
		for (let el = stack.pop(); el; el = stack.pop()) {
			add(el);
			for (let c = el.lastChild; c; c = c.previousSibling) if (isElement(c)) stack.push(c);
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
	} catch (error) {
		// a malformed %-escape names no element, which the null says
		if (!(error instanceof URIError)) throw error;
		return null;
	}
	const found = lookupId(map, id);
	return found.ok ? found.element : null;
}
