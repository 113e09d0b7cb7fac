// Canonical XML of an XPath-filtered node-set whose namespace nodes are filtered too: the C14N 1.0
// rules for namespace nodes of document subsets (section 2.3) and exclusive C14N's visibly-used
// rule. Other node-sets go through c14n.ts; this path exists because that canonicalizer treats
// every namespace node of an output element as part of the set.
import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import { fromUtf8 } from '../bytes/encoding';
import {
	canonicalize,
	canonicalizeBytes,
	CDATA_SECTION_NODE,
	compareAttrs,
	escapeAttr,
	escapeText,
	inheritXmlAttributes,
	isNsDecl,
	prefixOf,
	withDeclarations,
	COMMENT_NODE,
	DOCUMENT_NODE,
	ELEMENT_NODE,
	inScopeNamespaces,
	NS_XML,
	PROCESSING_INSTRUCTION_NODE,
	TEXT_NODE,
	type C14nMode,
} from './c14n';
import type { FilteredNodeSet } from './xpath';

type NsMap = ReadonlyMap<string, string>;

interface NsEntry {
	prefix: string;
	uri: string;
	owner: Element;
}

/**
 * Namespace nodes output so far, as libxml2's c14n keeps them (the behaviour xmlsec1 and the
 * corpus signatures were made with): entries of output elements, a window on the nearest output
 * ancestor's entries, restored when an element ends.
 */
class RenderedStack {
	readonly entries: NsEntry[] = [];
	prevStart = 0;
	prevEnd = 0;
	save(): [number, number, number] {
		return [this.prevStart, this.prevEnd, this.entries.length];
	}
	restore([ps, pe, end]: [number, number, number]): void {
		this.prevStart = ps;
		this.prevEnd = pe;
		this.entries.length = end;
	}
	shift(): void {
		this.prevStart = this.prevEnd;
		this.prevEnd = this.entries.length;
	}
	add(prefix: string, uri: string, owner: Element): void {
		this.entries.push({ prefix, uri, owner });
	}
	/** Inclusive rule: rendered when the nearest output ancestor has the same node; xmlns="" looks at all. */
	find(prefix: string, uri: string): boolean {
		const empty = prefix === '' && uri === '';
		for (let i = this.entries.length - 1; i >= (empty ? 0 : this.prevStart); i--) {
			const e = this.entries[i] as NsEntry;
			if (e.prefix === prefix) return e.uri === uri;
		}
		return empty;
	}
	/** Exclusive rule: rendered when the latest binding of the prefix is the same and in the set. */
	findExclusive(
		prefix: string,
		uri: string,
		visible: (el: Element, p: string) => boolean,
	): boolean {
		for (let i = this.entries.length - 1; i >= 0; i--) {
			const e = this.entries[i] as NsEntry;
			if (e.prefix === prefix) return e.uri === uri && visible(e.owner, e.prefix);
		}
		return prefix === '' && uri === '';
	}
}

class FilteredCanonicalizer {
	private readonly out: string[] = [];
	private readonly inclusive: readonly string[];
	private readonly stack = new RenderedStack();
	private readonly nsVisible: (el: Element, prefix: string) => boolean;
	constructor(
		private readonly mode: C14nMode,
		private readonly set: FilteredNodeSet,
	) {
		this.inclusive = [
			...new Set((mode.inclusivePrefixes ?? []).map((p) => (p === '#default' ? '' : p))),
		];
		const f = set.namespaceFilter;
		this.nsVisible = f ? (el, p) => f(el, p) : () => true;
	}

	private visible(n: Node): boolean {
		if (this.set.excluded?.has(n)) return false;
		if (n.nodeType === COMMENT_NODE && !(this.set.withComments && this.mode.withComments))
			return false;
		return this.set.filter ? this.set.filter(n) : true;
	}

	run(): string {
		const root = this.set.root;
		if (this.set.excluded?.size)
			for (let p = root.parentNode; p; p = p.parentNode) if (this.set.excluded.has(p)) return '';
		if (root.nodeType === DOCUMENT_NODE) {
			let afterRoot = false;
			for (let c = (root as Document).firstChild; c; c = c.nextSibling) {
				if (c.nodeType === ELEMENT_NODE) {
					this.element(c as Element, new Map());
					afterRoot = true;
				} else if (c.nodeType === COMMENT_NODE || c.nodeType === PROCESSING_INSTRUCTION_NODE) {
					if ((c as Node & { target?: string }).target === 'xml' || !this.visible(c)) continue;
					this.leaf(c, afterRoot ? 1 : -1);
				}
			}
		} else if (root.nodeType === ELEMENT_NODE) {
			const parent = root.parentNode;
			const scope =
				parent && parent.nodeType === ELEMENT_NODE
					? inScopeNamespaces(parent as Element)
					: new Map();
			this.element(root as Element, scope);
		} else if (this.visible(root)) this.leaf(root, 0);
		return this.out.join('');
	}

	private leaf(n: Node, pos: number): void {
		const out = this.out;
		if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
			out.push(escapeText(n.nodeValue ?? ''));
			return;
		}
		if (pos === 1) out.push('\n');
		if (n.nodeType === COMMENT_NODE) out.push('<!--', n.nodeValue ?? '', '-->');
		else if (n.nodeType === PROCESSING_INSTRUCTION_NODE) {
			const pi = n as Node & { target: string; data: string };
			out.push('<?', pi.target, pi.data ? ' ' + pi.data : '', '?>');
		} else return;
		if (pos === -1) out.push('\n');
	}

	/**
	 * An element not in the set still prints the namespace and attribute nodes of its own that are
	 * (libxml2 and Santuario both do; the merlin-c14n-three signatures depend on it).
	 */
	private element(el: Element, parentScope: NsMap): void {
		if (this.set.excluded?.has(el)) return;
		const scope = withDeclarations(parentScope, el);
		const visible = this.visible(el);
		const saved = this.stack.save();
		if (visible) this.out.push('<', el.tagName);
		const attrs: Attr[] = [];
		const list = el.attributes;
		for (let i = 0; i < list.length; i++) {
			const a = list.item(i) as Attr;
			if (!isNsDecl(a) && this.visible(a)) attrs.push(a);
		}
		const decls = this.mode.exclusive
			? this.exclusiveAxis(el, scope, visible, attrs)
			: this.inclusiveAxis(el, scope, visible);
		decls.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		for (const [p, u] of decls)
			this.out.push(p === '' ? ' xmlns="' : ` xmlns:${p}="`, escapeAttr(u), '"');
		if (visible) this.stack.shift();
		if (visible && !this.mode.exclusive && !this.parentVisible(el)) this.inheritXmlAttrs(el, attrs);
		attrs.sort(compareAttrs);
		for (const a of attrs) this.out.push(' ', a.name, '="', escapeAttr(a.value), '"');
		if (visible) this.out.push('>');
		for (let c = el.firstChild; c; c = c.nextSibling) {
			if (c.nodeType === ELEMENT_NODE) this.element(c as Element, scope);
			else if (!this.set.excluded?.has(c) && this.visible(c)) this.leaf(c, 0);
		}
		if (visible) this.out.push('</', el.tagName, '>');
		this.stack.restore(saved);
	}

	private parentVisible(el: Element): boolean {
		const p = el.parentNode;
		return !!p && p.nodeType === ELEMENT_NODE && this.visible(p);
	}

	private inclusiveAxis(el: Element, scope: NsMap, visible: boolean): [string, string][] {
		const decls: [string, string][] = [];
		let hasDefault = false;
		for (const [p, uri] of scope) {
			if (p === 'xml' || uri === '' || !this.nsVisible(el, p)) continue;
			const rendered = this.stack.find(p, uri);
			if (visible) this.stack.add(p, uri, el);
			if (!rendered) decls.push([p, uri]);
			if (p === '') hasDefault = true;
		}
		if (visible && !hasDefault && !this.stack.find('', '')) decls.push(['', '']);
		return decls;
	}

	private exclusiveAxis(
		el: Element,
		scope: NsMap,
		visible: boolean,
		attrs: readonly Attr[],
	): [string, string][] {
		const stack = this.stack;
		const decls = new Map<string, string>();
		let hasDefault = false;
		let defaultInList = false;
		for (const p of this.inclusive) {
			if (p === '') defaultInList = true;
			const uri = scope.get(p) ?? '';
			if (p === 'xml' || uri === '' || !this.nsVisible(el, p)) continue;
			const rendered = stack.find(p, uri);
			if (visible) stack.add(p, uri, el);
			if (!rendered) decls.set(p, uri);
			if (p === '') hasDefault = true;
		}
		const own = prefixOf(el.tagName);
		const ownUri = scope.get(own) ?? '';
		let usesEmptyDefault = own === '' && ownUri === '';
		if (ownUri !== '' && own !== 'xml') {
			if (visible && this.nsVisible(el, own) && !stack.findExclusive(own, ownUri, this.nsVisible))
				decls.set(own, ownUri);
			if (visible) stack.add(own, ownUri, el);
			if (own === '') hasDefault = true;
		}
		for (const a of attrs) {
			const p = prefixOf(a.name);
			if (p === '' || p === 'xml') continue;
			const uri = a.namespaceURI ?? scope.get(p) ?? '';
			if (uri === '') {
				usesEmptyDefault = true;
				continue;
			}
			const rendered = stack.findExclusive(p, uri, this.nsVisible);
			stack.add(p, uri, el);
			if (!rendered && visible) decls.set(p, uri);
		}
		if (visible && !hasDefault) {
			if (usesEmptyDefault && !defaultInList) {
				if (!stack.findExclusive('', '', this.nsVisible)) decls.set('', '');
			} else if (defaultInList && !stack.find('', '')) decls.set('', '');
		}
		return [...decls];
	}

	/** xml:* attributes of ancestors (in the set or not) that E does not carry (C14N 1.0 section 2.4). */
	private inheritXmlAttrs(el: Element, attrs: Attr[]): void {
		const have = new Set<string>();
		const own = el.attributes;
		for (let i = 0; i < own.length; i++) {
			const a = own.item(i) as Attr;
			if (a.namespaceURI === NS_XML) have.add(a.localName ?? a.name);
		}
		inheritXmlAttributes(el, attrs, have, !!this.mode.version11, (n) => !this.visible(n));
	}
}

/** Canonical form of a node-set; namespace-filtered sets get the namespace-node rules above. */
export function canonicalizeFiltered(set: FilteredNodeSet, mode: C14nMode): string {
	if (!set.namespaceFilter) return canonicalize(set, mode);
	return new FilteredCanonicalizer(mode, set).run();
}

/** The same as UTF-8 octets, for digests (no detour through one multi-MB string). */
export function canonicalizeFilteredBytes(set: FilteredNodeSet, mode: C14nMode): Uint8Array {
	if (!set.namespaceFilter) return canonicalizeBytes(set, mode);
	return fromUtf8(new FilteredCanonicalizer(mode, set).run());
}
