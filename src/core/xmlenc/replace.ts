// Puts decrypted content back in place, namespace-correct: the plaintext of an Element/Content
// EncryptedData is a fragment that uses prefixes declared on its ancestors, so it is parsed
// inside a wrapper that re-declares the in-scope namespaces of the EncryptedData's parent, then
// replaces the EncryptedData (or its wsse11:EncryptedHeader) in a copy of the document.
import { XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { parseXml, type SafeXmlDocument } from '../xml/safe-parse';
import { NS } from './algorithms';
import { descendants, childElements, isElement } from '../xml/dom';
import { isBug, reasonOf } from '../errors';
import { releaseWhole } from '../bytes/text-backed';

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

/**
 * Parses decrypted text as content of `parent` (its namespaces in scope); throws ParseError if it
 * is not XML. `declared`: the text may still start with its XML declaration (taken off here).
 */
export function parseFragment(
	text: string,
	parent: Element | null,
	declared = true,
): SafeXmlDocument {
	const body = declared ? stripDeclaration(text) : text;
	const decls = [...inScopeNamespaces(parent)]
		.filter(([prefix]) => prefix !== 'xml')
		.map(([prefix, uri]) => ` ${prefix ? 'xmlns:' + prefix : 'xmlns'}="${escapeAttr(uri)}"`)
		.join('');
	return parseXml(`<${WRAPPER}${decls}>${body}</${WRAPPER}>`);
}

export interface Replacement {
	/** Index of the EncryptedData among the document's EncryptedData elements, in document order. */
	index: number;
	/**
	 * The decrypted octets (xmlenc/data-cipher.ts Plaintext), in a buffer nobody else holds:
	 * replaceDecrypted frees it once copied into the document.
	 */
	octets: Uint8Array;
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

/** Decodes octets as the page shows decrypted text (a leading byte order mark dropped). */
function decodePlaintext(octets: Uint8Array): string {
	return new TextDecoder('utf-8').decode(octets);
}

/** Frees the buffer under a replacement's octets (the replacement owns all of it). */
const release = releaseWhole;

/**
 * The octets of a plaintext without what stripDeclaration takes off its text (byte order marks,
 * white space and an XML declaration at the start): a view of them, or, when that start does not
 * decode cleanly (bytes that are not UTF-8 inside the declaration), the re-encoded stripped text,
 * which decodes to the same text.
 */
export function strippedOctets(octets: Uint8Array): Uint8Array {
	return stripOctets(octets).octets;
}

/** strippedOctets, and the text it took off (a first byte order mark not included). */
function stripOctets(octets: Uint8Array): { octets: Uint8Array; removed: string } {
	// enough of the start: 256 characters, more while only white space or an unfinished declaration
	const open = /^\uFEFF?\s*(<\?xml[^?]*)?$/;
	let head: string;
	for (let n = 256; ; n *= 2) {
		head = new TextDecoder('utf-8').decode(octets.subarray(0, n), { stream: true });
		if (n >= octets.length || !open.test(head)) break;
	}
	const removed = head.slice(0, head.length - stripDeclaration(head).length);
	if (!removed) {
		// the decoder's byte order mark alone
		const bom = octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf;
		return { octets: bom ? octets.subarray(3) : octets, removed };
	}
	const bom = octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf ? 3 : 0;
	const end = bom + new TextEncoder().encode(removed).length;
	const exact = new TextDecoder('utf-8', { ignoreBOM: true }).decode(octets.subarray(bom, end));
	if (exact === removed) return { octets: octets.subarray(end), removed };
	return { octets: new TextEncoder().encode(stripDeclaration(decodePlaintext(octets))), removed };
}

/**
 * A plaintext's text as the decrypted document holds it (`text`, declaration taken off) and
 * what was taken off its start (`removed`: white space, an XML declaration, a second byte order
 * mark); `removed + text` is the whole plaintext as TextDecoder makes it.
 */
export interface PlaintextText {
	removed: string;
	text: string;
}

/**
 * data-cipher.ts plaintextHead of a plaintext from its text in the decrypted document, without
 * its octets: the page's head is then a slice of the document's text (alive as long as that
 * document), not a second string made while the plaintext's octets and the document coexist.
 */
export function headOf(t: PlaintextText, limit: number): { text: string; truncated: boolean } {
	const text =
		t.removed.length >= limit
			? t.removed.slice(0, limit)
			: t.removed + t.text.slice(0, limit - t.removed.length);
	return { text, truncated: t.removed.length + t.text.length > limit };
}

/** The text of a plaintext's octets (for one no document holds). */
function plaintextText(octets: Uint8Array): PlaintextText {
	const full = decodePlaintext(octets);
	const text = stripDeclaration(full);
	return { removed: full.slice(0, full.length - text.length), text };
}

/**
 * Length in UTF-16 code units of what TextDecoder (replacement mode, no byte order mark at the
 * start) makes of `bytes`: the WHATWG UTF-8 decoder's steps, counting instead of writing, so an
 * ill-formed sequence counts one U+FFFD as it does there.
 */
export function decodedLength(bytes: Uint8Array): number {
	let units = 0;
	let need = 0;
	let four = false;
	let lower = 0x80;
	let upper = 0xbf;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i] as number;
		if (need === 0) {
			if (b < 0x80) units++;
			else if (b >= 0xc2 && b <= 0xdf) need = 1;
			else if (b >= 0xe0 && b <= 0xef) {
				need = 2;
				if (b === 0xe0) lower = 0xa0;
				else if (b === 0xed) upper = 0x9f;
			} else if (b >= 0xf0 && b <= 0xf4) {
				need = 3;
				four = true;
				if (b === 0xf0) lower = 0x90;
				else if (b === 0xf4) upper = 0x8f;
			} else units++;
			continue;
		}
		if (b < lower || b > upper) {
			// not a continuation here: U+FFFD for the sequence so far, and this byte starts again
			units++;
			need = 0;
			four = false;
			lower = 0x80;
			upper = 0xbf;
			i--;
			continue;
		}
		lower = 0x80;
		upper = 0xbf;
		if (--need === 0) {
			units += four ? 2 : 1;
			four = false;
		}
	}
	return need ? units + 1 : units;
}
/**
 * Spare octets to decrypt a plaintext of `plainBytes` into (data-cipher.ts ChunkOptions.room),
 * for a document whose text is `frameChars` long besides that plaintext: enough for that rest
 * as spliceAll writes it (a quarter more for what serializing adds: escaped characters,
 * namespace declarations), so the document is assembled in the plaintext's own buffer. Only
 * for a plaintext of 1 MB or more that is most of the document; none otherwise (a smaller one
 * is copied beside the rest at little cost). Too little room is no error: spliceAll copies.
 */
export function spliceRoom(plainBytes: number, frameChars: number): number {
	const room = Math.ceil(Math.max(0, frameChars) * 1.25) + 4096;
	return plainBytes >= 1024 * 1024 && room * 4 <= plainBytes ? room : 0;
}

/**
 * Writes `parts` one after the other into the buffer under the octets of the plaintext part
 * `at` (that plaintext's own buffer, large enough for all: decrypted with spliceRoom's room),
 * moving those octets to their place first, so no second buffer as large as the document is
 * made beside them. Every other plaintext part is freed once copied. The document's octets are
 * the start of that buffer.
 */
function assembleInPlace(
	parts: readonly Uint8Array[],
	at: number,
	owned: ReadonlySet<number>,
): Uint8Array {
	const big = parts[at] as Uint8Array;
	const all = new Uint8Array(big.buffer as ArrayBuffer);
	let offset = 0;
	for (let i = 0; i < at; i++) offset += (parts[i] as Uint8Array).length;
	// memmove: the plaintext moves right by the length of what comes before it (less any
	// declaration taken off its start); the parts before it are then written in front of it
	all.copyWithin(offset, big.byteOffset, big.byteOffset + big.length);
	let to = 0;
	for (const [i, part] of parts.entries()) {
		const length = part.length;
		if (i !== at) {
			all.set(part, to);
			// (a freed view reads as empty: its length was taken before)
			if (owned.has(i)) releaseWhole(part);
		}
		to += length;
	}
	return all.subarray(0, to);
}

/** The document with its plaintexts in place, as text, and each plaintext's text within it. */
interface Spliced {
	text: string;
	/** Text of each spliced plaintext (declaration taken off), by replacement index. */
	plaintexts: Map<number, string>;
	/** What was taken off the start of each spliced plaintext, by replacement index. */
	removed: Map<number, string>;
}

/** Whether a string has no lone surrogate (which UTF-8 cannot carry): ES2024 isWellFormed. */
function wellFormed(text: string): boolean {
	const own = (text as string & { isWellFormed?: () => boolean }).isWellFormed;
	if (own) return own.call(text);
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Fast path: the plaintext is spliced in place of the replaced element (the parent and its
 * namespace declarations stay where they are, so prefixes resolve as in the original), and the
 * result is parsed once. Large messages cost one parse instead of one per fragment.
 * The document is assembled as octets (the serialized copy around each plaintext's octets, each
 * plaintext freed once copied) and decoded once, so the decrypted text exists once: decoding the
 * plaintext first and joining the document's text around it held it twice, and the decoded
 * plaintext stayed beside the document until a full garbage collection. Null when no element is
 * replaced or the serialized copy holds a lone surrogate (UTF-8 cannot carry it).
 */
function spliceAll(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
): Spliced | null {
	const copy = original.doc.cloneNode(true) as typeof original.doc;
	const eds = descendants(copy, NS.xenc, 'EncryptedData');
	let token = 'wssec-decrypted-';
	while (original.text.includes(token)) token += 'x';
	const byMarker = new Map<string, Replacement>();
	for (const r of replacements) {
		const ed = eds[r.index];
		if (!ed) continue;
		const target = replacedElement(ed);
		if (!target.parentNode) continue;
		const marker = `${token}${r.index}`;
		target.parentNode.replaceChild(copy.createComment(marker), target);
		byMarker.set(`<!--${marker}-->`, r);
	}
	if (!byMarker.size) return null;
	const serialized = new XMLSerializer().serializeToString(copy);
	if (!wellFormed(serialized)) return null;
	const pattern = new RegExp(`<!--${token}\\d+-->`, 'g');
	const encoder = new TextEncoder();
	// the serialized text between the markers as octets, each plaintext's octets in between;
	// chars: each part's length in the decoded text (-1 for a plaintext, counted below)
	const parts: Uint8Array[] = [];
	const chars: number[] = [];
	const placed: { r: Replacement; part: number }[] = [];
	const removed = new Map<number, string>();
	const text = (part: string) => {
		parts.push(encoder.encode(part));
		chars.push(part.length);
	};
	let last = 0;
	for (const m of serialized.matchAll(pattern)) {
		text(serialized.slice(last, m.index));
		last = m.index + m[0].length;
		const r = byMarker.get(m[0]);
		if (!r) {
			text(m[0]);
			continue;
		}
		placed.push({ r, part: parts.length });
		const kept = stripOctets(r.octets);
		removed.set(r.index, kept.removed);
		parts.push(kept.octets);
		chars.push(-1);
	}
	text(serialized.slice(last));
	// where each plaintext's text is in the decoded document (for the slow path): counted from
	// the octets for all but the last, whose length is what remains
	for (const p of placed.slice(0, -1)) chars[p.part] = decodedLength(parts[p.part] as Uint8Array);
	const total = parts.reduce((n, part) => n + part.length, 0);
	// a plaintext decrypted with room for the document (a large one, spliceRoom) takes it in
	// its own buffer: the largest such
	let host: { r: Replacement; part: number } | null = null;
	for (const p of placed) {
		const part = parts[p.part] as Uint8Array;
		const buffer = part.buffer;
		if (buffer !== p.r.octets.buffer || !(buffer instanceof ArrayBuffer)) continue;
		if (buffer.byteLength < total) continue;
		if (!host || part.length > (parts[host.part] as Uint8Array).length) host = p;
	}
	let bytes: Uint8Array;
	if (host) {
		const owned = new Set(placed.filter((p) => p !== host).map((p) => p.part));
		bytes = assembleInPlace(parts, host.part, owned);
		// the other plaintexts' whole buffers (a re-encoded start was freed as a part)
		for (const p of placed) if (p !== host) release(p.r.octets);
	} else {
		bytes = new Uint8Array(total);
		let at = 0;
		for (const [i, part] of parts.entries()) {
			bytes.set(part, at);
			at += part.length;
			const p = placed.find((x) => x.part === i);
			if (!p) continue;
			// copied: the plaintext (and a re-encoded start of it) is freed before the next is copied
			if (part.buffer !== p.r.octets.buffer) release(part);
			release(p.r.octets);
		}
	}
	const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	// the whole buffer: the host plaintext's room beyond the document included
	releaseWhole(bytes);
	const lastPlaced = placed[placed.length - 1];
	if (lastPlaced) {
		chars[lastPlaced.part] = decoded.length - chars.reduce((n, c) => (c > 0 ? n + c : n), 0);
	}
	const plaintexts = new Map<number, string>();
	let offset = 0;
	for (const [i, n] of chars.entries()) {
		const p = placed.find((x) => x.part === i);
		if (p) plaintexts.set(p.r.index, decoded.slice(offset, offset + n));
		offset += n;
	}
	return { text: decoded, plaintexts, removed };
}

/**
 * A copy of the document with each decrypted EncryptedData replaced; per-index errors for the
 * rest. Frees every replacement's octets.
 */
export function replaceDecrypted(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
): {
	document: SafeXmlDocument | null;
	errors: Map<number, string>;
	/** Every replacement's plaintext as text, by index (for the page's head, headOf). */
	texts: Map<number, PlaintextText>;
} {
	let spliced: Spliced | null = null;
	const texts = new Map<number, PlaintextText>();
	/** The text of each plaintext: from the spliced document, else from its octets. */
	const collect = () => {
		for (const r of replacements) {
			const text = spliced?.plaintexts.get(r.index);
			const removed = spliced?.removed.get(r.index);
			texts.set(
				r.index,
				text !== undefined && removed !== undefined ? { removed, text } : plaintextText(r.octets),
			);
		}
	};
	try {
		try {
			spliced = spliceAll(original, replacements);
			if (spliced) {
				collect();
				// Plaintext is attacker-controlled: the same DOCTYPE/ENTITY refusal and limits apply.
				return { document: parseXml(spliced.text), errors: new Map(), texts };
			}
		} catch (error) {
			if (isBug(error)) throw error;
			// Some plaintext is not well-formed here: the slow path below finds which one.
		}
		if (!texts.size) collect();
		const stripped = new Map([...texts].map(([i, t]) => [i, t.text]));
		return { ...replaceOneByOne(original, replacements, stripped), texts };
	} finally {
		for (const r of replacements) release(r.octets);
	}
}

/** Slow path: each fragment parsed on its own, so a broken one is named and the others still replace. */
function replaceOneByOne(
	original: SafeXmlDocument,
	replacements: readonly Replacement[],
	texts: ReadonlyMap<number, string>,
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
			fragment = parseFragment(texts.get(r.index) ?? '', isElement(parent) ? parent : null, false);
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
