// Canonical XML (inclusive 1.0 and 1.1, exclusive 1.0; with or without comments) over an
// @xmldom/xmldom tree, for whole documents, subtrees and general node-sets (XPath-filtered).
// Our own implementation rather than xmldsigjs's transforms: it needs node-set semantics for
// enveloped-signature/XPath transforms, C14N 1.1, and runs in one pass over multi-MB envelopes.
import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import { elidedRegion } from '../xml/stream/skeleton';
import { canonicalizeRegion } from './stream-c14n';
import { fixedUpBase, xmlBaseAttr } from './xml-base';

export const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';
export const NS_XML = 'http://www.w3.org/XML/1998/namespace';

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

export interface C14nMode {
	exclusive: boolean;
	withComments: boolean;
	/** C14N 1.1: xml:id is not inherited onto the apex. */
	version11?: boolean;
	/** Exclusive only: prefixes treated inclusively ('#default' for the default namespace). */
	inclusivePrefixes?: readonly string[];
}

/** A node-set: a subtree or whole document, minus excluded subtrees, optionally filtered. */
export interface NodeSet {
	/** Element (subtree) or Document (whole document). */
	root: Node;
	/** Subtrees removed from the set (enveloped signature, XPath Filter 2.0 subtract). */
	excluded?: ReadonlySet<Node>;
	/** Comments are part of the set (same-document xpointer references keep them). */
	withComments: boolean;
	/** General membership test for XPath-filtered sets; attributes are tested too. */
	filter?: (node: Node) => boolean;
}

type NsMap = ReadonlyMap<string, string>;

const C14N_ALGORITHMS: Record<string, C14nMode> = {
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315': { exclusive: false, withComments: false },
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': {
		exclusive: false,
		withComments: true,
	},
	'http://www.w3.org/2006/12/xml-c14n11': {
		exclusive: false,
		withComments: false,
		version11: true,
	},
	'http://www.w3.org/2006/12/xml-c14n11#WithComments': {
		exclusive: false,
		withComments: true,
		version11: true,
	},
	'http://www.w3.org/2001/10/xml-exc-c14n#': { exclusive: true, withComments: false },
	'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': { exclusive: true, withComments: true },
};

/** The canonicalization mode of an Algorithm URI, or null when it is not a C14N algorithm. */
export function c14nMode(algorithm: string): C14nMode | null {
	const mode = C14N_ALGORITHMS[algorithm];
	return mode ? { ...mode } : null;
}

export function escapeText(s: string): string {
	if (!/[&<>\r]/.test(s)) return s;
	// SOAP text mostly carries only '&' (escaped in the message): one native pass
	if (!/[<>\r]/.test(s)) return s.replaceAll('&', '&amp;');
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#xD;');
}

export function escapeAttr(s: string): string {
	if (!/[&<"\t\n\r]/.test(s)) return s;
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#x9;')
		.replace(/\n/g, '&#xA;')
		.replace(/\r/g, '&#xD;');
}

/** Namespace declarations an element itself carries (prefix '' for the default). */
function ownDeclarations(el: Element): [string, string][] {
	const out: [string, string][] = [];
	const attrs = el.attributes;
	for (let i = 0; i < attrs.length; i++) {
		const a = attrs.item(i) as Attr;
		if (isNsDecl(a)) out.push([a.name === 'xmlns' ? '' : a.name.slice(6), a.value]);
	}
	return out;
}

export function withDeclarations(parent: NsMap, el: Element): NsMap {
	// most elements of a large message declare nothing: check before allocating
	const attrs = el.attributes;
	let any = false;
	for (let i = 0; i < attrs.length && !any; i++) any = isNsDecl(attrs.item(i) as Attr);
	if (!any) return parent;
	const m = new Map(parent);
	for (const [p, u] of ownDeclarations(el)) m.set(p, u);
	return m;
}

/** In-scope namespaces of an element from its ancestors and itself. */
export function inScopeNamespaces(el: Element): NsMap {
	const chain: Element[] = [];
	for (let n: Node | null = el; n && n.nodeType === ELEMENT_NODE; n = n.parentNode)
		chain.push(n as Element);
	let m: NsMap = new Map();
	for (let i = chain.length - 1; i >= 0; i--) m = withDeclarations(m, chain[i] as Element);
	return m;
}

export function isNsDecl(a: Attr): boolean {
	return a.namespaceURI === NS_XMLNS || a.name === 'xmlns' || a.name.startsWith('xmlns:');
}

export function prefixOf(qname: string): string {
	const i = qname.indexOf(':');
	return i === -1 ? '' : qname.slice(0, i);
}

export function compareAttrs(a: Attr, b: Attr): number {
	const na = a.namespaceURI ?? '';
	const nb = b.namespaceURI ?? '';
	if (na !== nb) return na < nb ? -1 : 1;
	const la = a.localName ?? a.name;
	const lb = b.localName ?? b.name;
	return la < lb ? -1 : la > lb ? 1 : 0;
}

/**
 * Flush the pending text to bytes past this many UTF-16 units. The pending text is a rope of the
 * pieces written since the last flush, alive until then: a minor collection in between copies it,
 * and V8 grows the young generation by what its collections copy. At 64 KB, after the engine's
 * large-document rehearsal, a 10 MB verification's engine peak was 27.6–30.1 MB over 8 fresh
 * pages against 25.4–27.2 without the rehearsal; at 16 KB, 26.4–28.1 (no gain at 8 KB).
 */
const CHUNK = 1 << 14;
/** The reused output buffer of a sink: a flushed chunk is rarely over 2 CHUNKs, 3 bytes a unit. */
const SCRATCH_BYTES = 6 * CHUNK;

/**
 * One scratch buffer for every canonicalization into a sink, not one per canonicalizer: each
 * reference's digest made its own buffer (384 KB when CHUNK was 64 KB), left to the collector;
 * the few that outlived a minor collection stayed until a full one (the rehearsal's left 1 to
 * 2 MB in every idle engine, counted in each drop's peak). Lent to one canonicalizer at a time:
 * a sink that canonicalized again (none does) would get a buffer of its own.
 */
let sharedScratch: Uint8Array | null = null;
let scratchLent = false;

class Canonicalizer {
	// Output goes to a short string that is encoded to bytes every CHUNK characters: the pieces
	// die young, where a multi-MB result held as one rope or array of strings survived into the
	// old generation and made the collector re-mark the whole DOM again and again.
	private out = '';
	private readonly chunks: Uint8Array[] = [];
	private readonly encoder = new TextEncoder();
	private readonly inclusive: ReadonlySet<string>;
	constructor(
		private readonly mode: C14nMode,
		private readonly set: NodeSet,
		/** Takes the output chunk by chunk (a digest) instead of collecting it. */
		private readonly sink?: (chunk: Uint8Array) => void,
	) {
		this.inclusive = new Set(
			(mode.inclusivePrefixes ?? []).map((p) => (p === '#default' ? '' : p)),
		);
	}

	private visible(node: Node): boolean {
		if (this.set.excluded?.has(node)) return false;
		if (node.nodeType === COMMENT_NODE && !(this.set.withComments && this.mode.withComments))
			return false;
		return this.set.filter ? this.set.filter(node) : true;
	}

	private flush(): void {
		if (this.out) {
			// a sink gets each chunk encoded into one reused buffer: no 64K buffer per chunk left
			// for the collector (a 30 MB document made 500 of them)
			if (this.sink && this.out.length * 3 <= SCRATCH_BYTES) {
				if (!this.scratch && !scratchLent) {
					sharedScratch ??= new Uint8Array(SCRATCH_BYTES);
					this.scratch = sharedScratch;
					scratchLent = true;
				}
				this.scratch ??= new Uint8Array(SCRATCH_BYTES);
				const { written } = this.encoder.encodeInto(this.out, this.scratch);
				this.sink(this.scratch.subarray(0, written));
			} else if (this.sink) this.sink(this.encoder.encode(this.out));
			else this.chunks.push(this.encoder.encode(this.out));
		}
		this.out = '';
	}
	private scratch: Uint8Array | null = null;

	/** Gives the shared scratch buffer back once the canonicalization is over. */
	returnScratch(): void {
		if (this.scratch && this.scratch === sharedScratch) scratchLent = false;
		this.scratch = null;
	}

	/** Content a skeleton tree left in the text (xml/stream/skeleton.ts), canonicalized from it. */
	private elided(node: Node, inScope: NsMap, rendered: NsMap): boolean {
		const region = elidedRegion(node);
		if (!region) return false;
		// a skeleton is only made when every transform keeps whole subtrees (no XPath filter)
		if (this.set.filter)
			throw new TypeError('internal: a node-set filter over content left out of the tree');
		canonicalizeRegion(region, {
			mode: this.mode,
			inclusive: this.inclusive,
			comments: this.set.withComments && this.mode.withComments,
			inScope,
			rendered,
			write: (s) => {
				// a run of source text (a slice of the document's text) is encoded as it is: joined
				// to the pending output it became a rope, flattened into a fresh string at each flush
				// (10 MB of young garbage for a 10 MB region)
				if (s.length >= CHUNK) {
					this.flush();
					this.out = s;
					this.flush();
					return;
				}
				this.out += s;
				if (this.out.length > CHUNK) this.flush();
			},
		});
		return true;
	}

	run(): Uint8Array {
		const root = this.set.root;
		// a subtree inside an excluded subtree (an enveloped signature's own parts) is empty
		if (this.set.excluded?.size)
			for (let p = root.parentNode; p; p = p.parentNode)
				if (this.set.excluded.has(p)) return new Uint8Array(0);
		if (root.nodeType === DOCUMENT_NODE) {
			this.document(root as Document);
		} else if (root.nodeType === ELEMENT_NODE) {
			const el = root as Element;
			const parent = el.parentNode;
			const parentNs =
				parent && parent.nodeType === ELEMENT_NODE
					? inScopeNamespaces(parent as Element)
					: new Map<string, string>();
			this.element(el, parentNs, new Map(), false, true);
		} else {
			this.leaf(root, 0);
		}
		this.flush();
		if (this.chunks.length === 1) return this.chunks[0] as Uint8Array;
		let size = 0;
		for (const c of this.chunks) size += c.length;
		const bytes = new Uint8Array(size);
		let at = 0;
		for (const c of this.chunks) {
			bytes.set(c, at);
			at += c.length;
		}
		return bytes;
	}

	private document(doc: Document): void {
		let afterRoot = false;
		for (let c = doc.firstChild; c; c = c.nextSibling) {
			if (c.nodeType === ELEMENT_NODE) {
				this.element(c as Element, new Map(), new Map(), false, false);
				afterRoot = true;
			} else if (c.nodeType === COMMENT_NODE || c.nodeType === PROCESSING_INSTRUCTION_NODE) {
				if (this.set.excluded?.has(c) || !this.visible(c)) continue;
				// xmldom exposes the XML declaration as a processing instruction; it is not one
				if ((c as Node & { target?: string }).target === 'xml') continue;
				const pos = afterRoot ? 1 : -1;
				this.leaf(c, pos);
			}
		}
	}

	/** Comment, PI or text; pos -1/1 = before/after the document element (adds the newline). */
	private leaf(node: Node, pos: number): void {
		switch (node.nodeType) {
			case TEXT_NODE:
			case CDATA_SECTION_NODE:
				this.out += escapeText(node.nodeValue ?? '');
				if (this.out.length > CHUNK) this.flush();
				return;
			case COMMENT_NODE:
				if (pos === 1) this.out += '\n';
				this.out += '<!--' + (node.nodeValue ?? '') + '-->';
				if (pos === -1) this.out += '\n';
				return;
			case PROCESSING_INSTRUCTION_NODE: {
				if (pos === 1) this.out += '\n';
				const pi = node as Node & { target: string; data: string };
				this.out += '<?' + pi.target + (pi.data ? ' ' + pi.data : '') + '?>';
				if (pos === -1) this.out += '\n';
				return;
			}
		}
	}

	/**
	 * @param inScope namespaces in scope at the parent (whether or not the parent is output)
	 * @param rendered namespaces in effect in the output at this point (output ancestors)
	 * @param parentVisible whether the parent element is in the node-set
	 * @param apex the element is the root of a subtree node-set (its ancestors are outside)
	 */
	private element(
		el: Element,
		parentInScope: NsMap,
		rendered: NsMap,
		parentVisible: boolean,
		apex: boolean,
	): void {
		if (this.set.excluded?.has(el)) return;
		const inScope = withDeclarations(parentInScope, el);
		const visible = this.visible(el);
		let childRendered = rendered;
		if (visible) {
			childRendered = this.startTag(el, inScope, rendered, parentVisible, apex);
		}
		const { excluded, filter } = this.set;
		for (let c = el.firstChild; c; c = c.nextSibling) {
			const type = c.nodeType;
			if (type === ELEMENT_NODE) {
				this.element(c as Element, inScope, childRendered, visible, false);
			} else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
				// the hot path of a large message: text, usually neither excluded nor filtered
				if (excluded?.has(c) || (filter && !filter(c))) continue;
				this.out += escapeText(c.nodeValue ?? '');
				if (this.out.length > CHUNK) this.flush();
			} else if (type === PROCESSING_INSTRUCTION_NODE && this.elided(c, inScope, childRendered)) {
				continue;
			} else if (!excluded?.has(c) && this.visible(c)) {
				this.leaf(c, 0);
			}
		}
		if (visible) this.out += '</' + el.tagName + '>';
		if (this.out.length > CHUNK) this.flush();
	}

	private startTag(
		el: Element,
		inScope: NsMap,
		rendered: NsMap,
		parentVisible: boolean,
		apex: boolean,
	): NsMap {
		// attributes other than namespace declarations; most elements have none or one or two
		let attrs: Attr[] | null = null;
		const list = el.attributes;
		for (let i = 0; i < list.length; i++) {
			const a = list.item(i) as Attr;
			if (isNsDecl(a)) continue;
			if (this.set.filter && !this.set.filter(a)) continue;
			(attrs ??= []).push(a);
		}
		this.decls = null;
		this.next = null;
		if (this.mode.exclusive) {
			// the parser's prefix (shared strings) saves slicing every name of a large message
			const own = el.prefix ?? prefixOf(el.tagName);
			// visibly utilized prefixes: the element's, its attributes', the InclusiveNamespaces list
			this.consider(own, inScope, rendered);
			let used: Set<string> | null = null;
			if (attrs)
				for (const a of attrs) {
					const p = a.prefix ?? prefixOf(a.name);
					if (p !== '' && p !== 'xml' && p !== own) (used ??= new Set()).add(p);
				}
			for (const p of this.inclusive)
				if ((inScope.has(p) || p === '') && p !== own) (used ??= new Set()).add(p);
			if (used) for (const p of used) this.consider(p, inScope, rendered);
		} else {
			for (const p of inScope.keys()) {
				if (p === 'xml') continue;
				if (this.set.filter && !this.namespaceVisible(el, p)) continue;
				this.consider(p, inScope, rendered);
			}
			if (!inScope.has('')) this.consider('', inScope, rendered);
			// xml:* attributes of ancestors outside the node-set are inherited (C14N 1.0 section 2.4)
			if (!parentVisible && (apex || this.set.filter)) this.inheritXmlAttrs(el, (attrs ??= []));
		}
		let tag = '<' + el.tagName;
		// consider() filled these: TypeScript keeps them narrowed to the nulls assigned above
		const found = this.decls as [string, string][] | null;
		const next = this.next as Map<string, string> | null;
		if (found) {
			if (found.length > 1) found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
			for (const [p, u] of found)
				tag += (p === '' ? ' xmlns="' : ` xmlns:${p}="`) + escapeAttr(u) + '"';
		}
		if (attrs) {
			if (attrs.length > 1) attrs.sort(compareAttrs);
			for (const a of attrs) tag += ' ' + a.name + '="' + escapeAttr(a.value) + '"';
		}
		this.out += tag + '>';
		return next ?? rendered;
	}

	/**
	 * Namespace declarations the element being started must render, and the output scope after it
	 * (a copy only when it declares something, which most elements of a message do not). Fields,
	 * not locals of startTag: they are filled by consider() and read before any child starts.
	 */
	private decls: [string, string][] | null = null;
	private next: Map<string, string> | null = null;

	private consider(prefix: string, inScope: NsMap, rendered: NsMap): void {
		// the xml prefix is bound by definition and never rendered (C14N 1.0 section 2.3)
		if (prefix === 'xml') return;
		const uri = inScope.get(prefix) ?? '';
		const have = rendered.get(prefix);
		if (prefix === '') {
			if (uri === '' && (have === undefined || have === '')) return;
		} else if (uri === '') return;
		if (have === uri) return;
		(this.decls ??= []).push([prefix, uri]);
		this.next ??= new Map(rendered);
		this.next.set(prefix, uri);
	}

	/** For XPath-filtered sets, a namespace node is treated as visible when its element is. */
	private namespaceVisible(_el: Element, _prefix: string): boolean {
		return true;
	}

	private inheritXmlAttrs(el: Element, attrs: Attr[]): void {
		const have = new Set(
			attrs.filter((a) => a.namespaceURI === NS_XML).map((a) => a.localName ?? a.name),
		);
		const root = this.set.root;
		const output = (n: Node): boolean => {
			let inside = false;
			for (let p: Node | null = n; p; p = p.parentNode) if (p === root) inside = true;
			return inside && this.visible(n);
		};
		inheritXmlAttributes(el, attrs, have, !!this.mode.version11, (n) => !output(n));
	}
}

/**
 * The xml:* attributes an output element whose parent is left out inherits from its ancestors
 * (C14N 1.0 section 2.4). C14N 1.1 inherits no xml:id and joins xml:base from the omitted
 * ancestors instead (its section 2.4). `have` names the xml:* attributes the element renders.
 */
export function inheritXmlAttributes(
	el: Element,
	attrs: Attr[],
	have: Set<string>,
	version11: boolean,
	omitted: (node: Node) => boolean,
): void {
	for (let p = el.parentNode; p && p.nodeType === ELEMENT_NODE; p = p.parentNode) {
		const list = (p as Element).attributes;
		for (let i = 0; i < list.length; i++) {
			const a = list.item(i) as Attr;
			if (a.namespaceURI !== NS_XML) continue;
			const local = a.localName ?? a.name;
			if (have.has(local)) continue;
			if (version11 && (local === 'id' || local === 'base')) continue;
			have.add(local);
			attrs.push(a);
		}
	}
	if (!version11) return;
	const fixed = fixedUpBase(el, omitted);
	if (fixed === null) return;
	const own = attrs.findIndex(
		(a) => a.namespaceURI === NS_XML && (a.localName ?? a.name) === 'base',
	);
	if (own !== -1) attrs.splice(own, 1);
	attrs.push(xmlBaseAttr(fixed));
}

/** Canonical form of a node-set as UTF-8 octets (what digests take). */
export function canonicalizeBytes(set: NodeSet, mode: C14nMode): Uint8Array {
	return new Canonicalizer(mode, set).run();
}

/**
 * Canonical form of a node-set handed to `sink` in chunks of UTF-8 octets (a digest's input). A
 * chunk is only valid during the call (its buffer is reused): a sink that keeps it copies it.
 */
export function canonicalizeInto(
	set: NodeSet,
	mode: C14nMode,
	sink: (chunk: Uint8Array) => void,
): void {
	const canonicalizer = new Canonicalizer(mode, set, sink);
	try {
		canonicalizer.run();
	} finally {
		canonicalizer.returnScratch();
	}
}

/** Canonical form of a node-set as a string (for display and for callers that edit it). */
export function canonicalize(set: NodeSet, mode: C14nMode): string {
	return new TextDecoder().decode(canonicalizeBytes(set, mode));
}
