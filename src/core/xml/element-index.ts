// Document-order element lists recorded by the fast parser. The analysis stages ask "every X
// under Y" many times over the same multi-MB message; with the list they scan one flat array
// instead of re-walking millions of linked nodes each time. A document that changed since it was
// parsed (xmldom counts every mutation) or an element the list does not hold falls back to a walk.
import type { Document, Element, Node } from '@xmldom/xmldom';

/** Position fields the parser stores on each element it makes. */
export interface Ordered {
	/** Index of the element in its document's list. */
	_order: number;
	/** Index of its last descendant element (itself when it has none). */
	_end: number;
}

interface Recorded {
	elements: readonly Element[];
	/** Elements carrying an attribute named Id, ID, id or AssertionID (any namespace). */
	withIds: readonly Element[];
	stamp: number;
}

/** Local names of the attributes that may hold an XML ID (RULES.md 4.16, xml:id, SAML 1). */
export const ID_LIKE_ATTRIBUTES: ReadonlySet<string> = new Set(['Id', 'ID', 'id', 'AssertionID']);

const RECORDED = new WeakMap<Document, Recorded>();

/** xmldom's mutation counter: a cache keyed on a document is stale once this moves. */
export function mutations(doc: Document): number {
	return (doc as unknown as { _inc: number })._inc;
}

export function recordElements(
	doc: Document,
	elements: readonly Element[],
	withIds: readonly Element[],
): void {
	RECORDED.set(doc, { elements, withIds, stamp: mutations(doc) });
}

/**
 * The elements of the document, in document order, that carry an ID-like attribute (see
 * ID_LIKE_ATTRIBUTES), or null when the list cannot answer: ID indexes then need not look at
 * the other hundred thousand elements of a large message.
 */
export function elementsWithIdAttributes(doc: Document): readonly Element[] | null {
	const recorded = RECORDED.get(doc);
	if (!recorded || recorded.stamp !== mutations(doc)) return null;
	return recorded.withIds;
}

/**
 * The elements strictly inside root (document or element) in document order, as a slice of the
 * recorded list, or null when the list cannot answer for this root.
 */
export function elementsInside(root: Node): readonly Element[] | null {
	const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
	if (!doc) return null;
	const recorded = RECORDED.get(doc);
	if (!recorded || recorded.stamp !== mutations(doc)) return null;
	const { elements } = recorded;
	if (root === doc) return elements;
	const o = root as unknown as Partial<Ordered>;
	// a clone carries its original's fields: trust them only when they point back at this node
	if (o._order === undefined || o._end === undefined || elements[o._order] !== root) return null;
	return elements.slice(o._order + 1, o._end + 1);
}
