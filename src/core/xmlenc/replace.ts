// Puts decrypted content back in place, namespace-correct: the plaintext of an Element/Content
// EncryptedData is a fragment that uses prefixes declared on its ancestors, so it is parsed
// inside a wrapper that re-declares the in-scope namespaces of the EncryptedData's parent, then
// replaces the EncryptedData (or its wsse11:EncryptedHeader) in a copy of the document.
import { XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { parseXml, type SafeXmlDocument } from '../xml/safe-parse';
import { NS } from './algorithms';
import { descendants, childElements, isElement } from '../xml/dom';
import { isBug, reasonOf } from '../errors';

/** prefix ('' = default namespace) → URI in scope at `el`, nearest declaration wins. */
export function inScopeNamespaces(el: Element | null): Map<string, string> {
	const out = new Map<string, string>();
	for (let n: Node | null = el; isElement(n); n = n.parentNode) {
		const attrs = n.attributes;
		for (let i = 0; i < attrs.length; i++) {
			const a = attrs.item(i);
			if (!a) continue;
			const prefix = a.name === 'xmlns' ? '' : a.name.startsWith('xmlns:') ? a.name.slice(6) : null;
			if (prefix !== null && !out.has(prefix)) out.set(prefix, a.value);
		}
		if (n.prefix && n.namespaceURI && !out.has(n.prefix)) out.set(n.prefix, n.namespaceURI);
	}
	return out;
}

function escapeAttr(v: string): string {
	return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

const WRAPPER = 'wssec-decrypted-fragment';

/** Parses decrypted text as content of `parent` (its namespaces in scope); throws ParseError if it is not XML. */
export function parseFragment(text: string, parent: Element | null): SafeXmlDocument {
	const body = stripDeclaration(text);
	const decls = [...inScopeNamespaces(parent)]
		.filter(([prefix]) => prefix !== 'xml')
		.map(([prefix, uri]) => ` ${prefix ? 'xmlns:' + prefix : 'xmlns'}="${escapeAttr(uri)}"`)
		.join('');
	return parseXml(`<${WRAPPER}${decls}>${body}</${WRAPPER}>`);
}

export interface Replacement {
	/** Index of the EncryptedData among the document's EncryptedData elements, in document order. */
	index: number;
	/** The decrypted text in pieces (xmlenc/data-cipher.ts Plaintext), joined only when spliced. */
	pieces: readonly string[];
	type: 'element' | 'content';
}

/** The element the plaintext replaces: the EncryptedData, or its wsse11:EncryptedHeader. */
function replacedElement(ed: Element): Element {
	const header = ed.parentNode;
	return isElement(header) &&
		header.localName === 'EncryptedHeader' &&
		header.namespaceURI === NS.wsse11
		? header
		: ed;
}

function stripDeclaration(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^?]*\?>/, '');
}

/** The pieces with an XML declaration at the start taken off (it may span the first pieces). */
function strippedPieces(pieces: readonly string[]): string[] {
	let head = '';
	let k = 0;
	// enough of the start for stripDeclaration: 256 characters, more while they are only
	// whitespace or an unfinished declaration
	const open = /^\uFEFF?\s*(<\?xml[^?]*)?$/;
	while (k < pieces.length && (head.length < 256 || open.test(head))) head += pieces[k++];
	return [stripDeclaration(head), ...pieces.slice(k)];
}

/**
 * Fast path: the plaintext is spliced as text in place of the replaced element (the parent and
 * its namespace declarations stay where they are, so prefixes resolve as in the original), and
 * the result is parsed once. Large messages cost one parse instead of one per fragment.
 */
function spliceAll(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
): SafeXmlDocument | null {
	const copy = original.doc.cloneNode(true) as typeof original.doc;
	const eds = descendants(copy, NS.xenc, 'EncryptedData');
	let token = 'wssec-decrypted-';
	while (original.text.includes(token)) token += 'x';
	const pieces = new Map<string, string[]>();
	for (const r of replacements) {
		const ed = eds[r.index];
		if (!ed) continue;
		const target = replacedElement(ed);
		if (!target.parentNode) continue;
		const marker = `${token}${r.index}`;
		target.parentNode.replaceChild(copy.createComment(marker), target);
		pieces.set(`<!--${marker}-->`, strippedPieces(r.pieces));
	}
	if (!pieces.size) return null;
	const serialized = new XMLSerializer().serializeToString(copy);
	const pattern = new RegExp(`<!--${token}\\d+-->`, 'g');
	// one join of the document around the pieces: the decrypted text is not copied twice
	const parts: string[] = [];
	let last = 0;
	for (const m of serialized.matchAll(pattern)) {
		parts.push(serialized.slice(last, m.index));
		parts.push(...(pieces.get(m[0]) ?? [m[0]]));
		last = m.index + m[0].length;
	}
	parts.push(serialized.slice(last));
	const text = parts.join('');
	// Plaintext is attacker-controlled: the same DOCTYPE/ENTITY refusal and limits apply.
	return parseXml(text);
}

/** A copy of the document with each decrypted EncryptedData replaced; per-index errors for the rest. */
export function replaceDecrypted(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
): { document: SafeXmlDocument | null; errors: Map<number, string> } {
	try {
		const fast = spliceAll(original, replacements);
		if (fast) return { document: fast, errors: new Map() };
	} catch (error) {
		if (isBug(error)) throw error;
		// Some plaintext is not well-formed here: the slow path below finds which one.
	}
	return replaceOneByOne(original, replacements);
}

/** Slow path: each fragment parsed on its own, so a broken one is named and the others still replace. */
function replaceOneByOne(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
): { document: SafeXmlDocument | null; errors: Map<number, string> } {
	const errors = new Map<number, string>();
	const copy = parseXml(original.text);
	const eds = descendants(copy.doc, NS.xenc, 'EncryptedData');
	let replaced = 0;
	// Later elements first, so a replacement never moves one still to be replaced.
	for (const r of [...replacements].sort((a, b) => b.index - a.index)) {
		const ed = eds[r.index];
		if (!ed) continue;
		const target = replacedElement(ed);
		const parent = target.parentNode;
		let fragment: SafeXmlDocument;
		try {
			fragment = parseFragment(r.pieces.join(''), isElement(parent) ? parent : null);
		} catch (error) {
			errors.set(r.index, `the decrypted content is not well-formed XML: ${reasonOf(error)}`);
			continue;
		}
		const nodes = Array.from(fragment.doc.documentElement?.childNodes ?? []);
		if (
			r.type === 'element' &&
			childElements(fragment.doc.documentElement as Element).length !== 1
		) {
			errors.set(r.index, 'Type is Element, but the decrypted content is not exactly one element');
			continue;
		}
		if (!parent) continue;
		if (!isElement(parent)) {
			// The EncryptedData is the document element: only a single element can replace it.
			const only = childElements(fragment.doc.documentElement as Element);
			if (only.length !== 1 || !only[0]) {
				errors.set(
					r.index,
					'the decrypted content replaces the document element but is not one element',
				);
				continue;
			}
			copy.doc.replaceChild(copy.doc.importNode(only[0], true), target);
		} else {
			for (const n of nodes) parent.insertBefore(copy.doc.importNode(n, true), target);
			parent.removeChild(target);
		}
		replaced++;
	}
	if (replaced === 0) return { document: null, errors };
	const text = new XMLSerializer().serializeToString(copy.doc);
	try {
		return { document: parseXml(text), errors };
	} catch (error) {
		for (const r of replacements) {
			errors.set(r.index, `the decrypted document does not parse: ${reasonOf(error)}`);
		}
		return { document: null, errors };
	}
}
