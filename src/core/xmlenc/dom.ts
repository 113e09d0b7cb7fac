// The XML Encryption model's view of the shared ID rule and element paths (xml/ids.ts); the DOM
// helpers themselves are xml/dom.ts.
import {
	buildIdMap,
	elementPath as sharedElementPath,
	idValues,
	resolveFragment as resolveIdFragment,
} from '../xml/ids';
import type { Document, Element } from '@xmldom/xmldom';

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
