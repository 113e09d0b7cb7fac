// A single-pass parser for well-formed, DTD-free XML that builds the same @xmldom/xmldom tree as
// xmldom's own DOMParser, about four times faster on multi-MB envelopes (xmldom's SAX layer
// compiles a regular expression per end tag and re-validates every name). It only takes the
// plain path: anything unusual (an error, a non-ASCII name, an unknown entity, stray text outside
// the root) returns null and the caller lets xmldom parse the text, so error messages, line
// numbers and xmldom's tolerance of odd input stay exactly what they were.
import {
	Attr as XmldomAttr,
	Element as XmldomElement,
	NamedNodeMap,
	NodeList,
	Text as XmldomText,
	DOMException,
	DOMImplementation,
	type Document,
	type Element,
	type Node,
} from '@xmldom/xmldom';
import { hasCode, UnsupportedError } from '../errors';
import { ID_LIKE_ATTRIBUTES, recordElements, type Ordered } from './element-index';

const NS_XML = 'http://www.w3.org/XML/1998/namespace';
const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;

/** A qualified name split once and shared by every node that uses it. */
interface QName {
	qName: string;
	prefix: string | null;
	local: string;
}

/** Distinct names remembered per document (a message uses a few dozen; bounded for hostile input). */
const MAX_NAMES = 4096;

/** Namespace scope: prefix → URI, inheriting through the prototype chain. */
type Scope = Record<string, string | null>;

interface Open {
	el: Element & Ordered;
	qName: QName;
	scope: Scope;
}

/** xmldom's line-ending normalization (it treats NEL and LS as line ends too). */
function normalizeLineEndings(input: string): string {
	if (!/[\r\u0085\u2028\u2029]/.test(input)) return input;
	return input.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n');
}

function isWhitespace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isNameStart(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Code of the UnsupportedError thrown inside the parser to give up and let xmldom take the text. */
const NOT_PLAIN = 'xml/not-plain';

function notPlain(): UnsupportedError {
	return new UnsupportedError(NOT_PLAIN, 'not plain XML: left to the full parser');
}

function validCodePoint(cp: number): boolean {
	return (
		cp === 0x9 ||
		cp === 0xa ||
		cp === 0xd ||
		(cp >= 0x20 && cp <= 0xd7ff) ||
		(cp >= 0xe000 && cp <= 0xfffd) ||
		(cp >= 0x10000 && cp <= 0x10ffff)
	);
}

// a bare '&' matches too, with no group: it is not plain
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6});|#([0-9]{1,7});|(amp|lt|gt|quot|apos);)?/g;

function referenceValue(_m: string, hex?: string, dec?: string, named?: string): string {
	if (named) return PREDEFINED[named] as string;
	if (hex === undefined && dec === undefined) throw notPlain();
	const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
	if (!validCodePoint(cp)) throw notPlain();
	return String.fromCodePoint(cp);
}

/** Replaces the five predefined entities and character references, as one flat string. */
function decodeReferences(s: string): string {
	// message text mostly escapes only '&': a native replaceAll is several times faster
	let onlyAmp = true;
	for (let i = s.indexOf('&'); i !== -1 && onlyAmp; i = s.indexOf('&', i + 1))
		onlyAmp = s.startsWith('&amp;', i);
	if (onlyAmp) return s.replaceAll('&amp;', '&');
	return s.replace(REFERENCE, referenceValue);
}

// Nodes are made the way xmldom's own factories make them (same prototypes and fields), minus the
// per-name validation the parser has already done, the per-node empty child list of leaves (they
// share one frozen list: a text or attribute node never gets children), and the namespace map
// and name indexes nobody asks for (made on first use): a multi-MB envelope has millions of
// nodes, and the garbage collector's work over them dominated parsing. fast-parse.test.ts checks the trees and lookups
// against xmldom's parser over every real-producer file, so an xmldom upgrade that changes these
// internals fails there first.
const NO_CHILDREN = Object.freeze(new NodeList()) as NodeList;

// xmldom keys its attribute indexes and namespace maps by name in null-prototype objects, which
// V8 keeps in (large) dictionary mode. Objects made by this constructor have an empty,
// prototype-less object as prototype: lookups of "constructor" or "__proto__" still find
// nothing, but V8 keeps them in fast mode with shared layouts (every <item sku qty> alike).
const Lookup = function () {} as unknown as new () => Record<string, unknown>;
(Lookup as unknown as { prototype: object }).prototype = Object.freeze(
	Object.create(null) as object,
);
const NAMED_NODE_MAP_PROTO = NamedNodeMap.prototype as object;

/** NamedNodeMap's lookup indexes (by namespace, then local name; and for no namespace). */
interface RawIndexes {
	_nsIndex: Record<string, Record<string, unknown>>;
	_noNsIndex: Record<string, unknown>;
}
const ELEMENT_PROTO = XmldomElement.prototype as object;

function ownValue(target: object, name: string, value: unknown): void {
	Object.defineProperty(target, name, {
		value,
		writable: true,
		enumerable: true,
		configurable: true,
	});
}

/** An own property made the first time it is read (or set), for objects that mostly never need it. */
function lazyOwn(name: string): PropertyDescriptor {
	return {
		configurable: true,
		get(this: object): Record<string, unknown> {
			const own = new Lookup();
			ownValue(this, name, own);
			return own;
		},
		set(this: object, value: unknown) {
			ownValue(this, name, value);
		},
	};
}

/** Attribute lists of parsed elements: xmldom's name indexes exist once an attribute is added. */
const PARSED_ATTRIBUTES_PROTO = Object.create(NAMED_NODE_MAP_PROTO, {
	_nsIndex: lazyOwn('_nsIndex'),
	_noNsIndex: lazyOwn('_noNsIndex'),
}) as object;

/**
 * Parsed elements get their namespace map (`_nsMap`, which xmldom reads in lookupNamespaceURI
 * and writes when an xmlns attribute is added) the first time anything touches it: most of a
 * message's elements declare nothing and are never asked.
 */
const PARSED_ELEMENT_PROTO = Object.create(ELEMENT_PROTO, {
	_nsMap: lazyOwn('_nsMap'),
}) as object;
const ATTR_PROTO = XmldomAttr.prototype as object;
const TEXT_PROTO = XmldomText.prototype as object;

interface RawElement {
	_nsMap: Record<string, string | null>;
	attributes: NamedNodeMap & { _ownerElement: Element; length: number; [i: number]: unknown };
	childNodes: NodeList;
	ownerDocument: Document;
	nodeName: string;
	tagName: string;
	namespaceURI: string | null;
	prefix: string | null;
	localName: string;
	lineNumber: number;
	columnNumber: number;
	_order: number;
	_end: number;
}

interface Linked {
	parentNode: Node | null;
	previousSibling: Node | null;
	nextSibling: Node | null;
}

// Constructors whose prototype is xmldom's own: every field is assigned up front so V8 keeps
// them in the object (Object.create plus assignments spilled them into a second allocation).
const ElementNode = function (
	this: RawElement & Linked & { firstChild: Node | null; lastChild: Node | null },
	doc: Document,
	ns: string | null,
	name: QName,
) {
	this.attributes = new AttributeList(this as unknown as Element) as RawElement['attributes'];
	this.childNodes = new NodeList();
	this.ownerDocument = doc;
	this.nodeName = this.tagName = name.qName;
	this.namespaceURI = ns;
	this.prefix = name.prefix;
	this.localName = name.local;
	this.lineNumber = this.columnNumber = this._order = this._end = 0;
	this.parentNode = this.previousSibling = this.nextSibling = null;
	this.firstChild = this.lastChild = null;
} as unknown as new (doc: Document, ns: string | null, name: QName) => RawElement;

/** An element's attribute list; xmldom's name indexes are made when the first attribute is added. */
const AttributeList = function (
	this: RawIndexes & { _ownerElement: Element; length: number },
	owner: Element,
) {
	this._ownerElement = owner;
	this.length = 0;
} as unknown as new (owner: Element) => NamedNodeMap;

interface RawAttr {
	namespaceURI: string | null;
	prefix: string | null;
	ownerElement: Element | null;
	ownerDocument: Document;
	childNodes: NodeList;
	nodeName: string;
	name: string;
	specified: boolean;
	localName: string;
	value: string;
	nodeValue: string;
}

/** Adds an attribute as NamedNodeMap.setNamedItem would for a name not yet present. */
const AttrNode = function (
	this: RawAttr,
	doc: Document,
	el: Element,
	ns: string | null,
	name: QName,
	value: string,
) {
	this.namespaceURI = ns;
	this.prefix = name.prefix;
	this.ownerElement = el;
	this.ownerDocument = doc;
	this.childNodes = NO_CHILDREN;
	this.nodeName = this.name = name.qName;
	this.specified = true;
	this.localName = name.local;
	this.value = this.nodeValue = value;
} as unknown as new (
	doc: Document,
	el: Element,
	ns: string | null,
	name: QName,
	value: string,
) => RawAttr;

const TextNode = function (
	this: Linked & {
		ownerDocument: Document;
		childNodes: NodeList;
		data: string;
		nodeValue: string;
		length: number;
	},
	doc: Document,
	data: string,
) {
	this.ownerDocument = doc;
	this.childNodes = NO_CHILDREN;
	this.data = this.nodeValue = data;
	this.length = data.length;
	this.parentNode = this.previousSibling = this.nextSibling = null;
} as unknown as new (doc: Document, data: string) => Node;

for (const [ctor, proto] of [
	[ElementNode, PARSED_ELEMENT_PROTO],
	[AttributeList, PARSED_ATTRIBUTES_PROTO],
	[AttrNode, ATTR_PROTO],
	[TextNode, TEXT_PROTO],
] as const)
	(ctor as unknown as { prototype: object }).prototype = proto;

function addAttribute(
	doc: Document,
	el: Element,
	ns: string | null,
	name: QName,
	value: string,
): void {
	const a = new AttrNode(doc, el, ns, name, value);
	const raw = el as unknown as RawElement;
	const list = raw.attributes as unknown as RawIndexes & { length: number; [i: number]: unknown };
	list[list.length] = a;
	list.length++;
	if (ns) (list._nsIndex[ns] ??= new Lookup())[a.localName] = a;
	else list._noNsIndex[a.localName] = a;
	if (ns === NS_XMLNS) {
		raw._nsMap[a.prefix ? a.localName : ''] = value;
	}
}

/** Appends without xmldom's pre-insertion checks: the parser only ever appends a new last child. */
function append(parent: Node, child: Node): void {
	const raw = parent as unknown as {
		firstChild: Node | null;
		lastChild: Node | null;
		childNodes: { length: number; [index: number]: Node };
	};
	const c = child as unknown as {
		parentNode: Node;
		previousSibling: Node | null;
		nextSibling: Node | null;
	};
	const last = raw.lastChild;
	c.parentNode = parent;
	c.previousSibling = last;
	c.nextSibling = null;
	if (last) (last as unknown as { nextSibling: Node }).nextSibling = child;
	else raw.firstChild = child;
	raw.lastChild = child;
	raw.childNodes[raw.childNodes.length++] = child;
}

class PlainParser {
	private readonly s: string;
	private readonly doc: Document;
	private pos = 0;
	private line = 1;
	private lineStart = 0;
	private counted = 0;
	private readonly stack: Open[] = [];
	private readonly elements: Element[] = [];
	private readonly withIds: Element[] = [];
	private readonly names = new Map<string, QName>();
	private rootSeen = false;
	private readonly rootScope: Scope;

	constructor(
		text: string,
		private readonly maxDepth: number,
	) {
		this.s = normalizeLineEndings(text);
		this.doc = new DOMImplementation().createDocument(null, '');
		this.rootScope = Object.create(null) as Scope;
		this.rootScope[''] = null;
		this.rootScope.xml = NS_XML;
	}

	parse(): Document {
		const s = this.s;
		const n = s.length;
		while (this.pos < n) {
			const lt = s.indexOf('<', this.pos);
			const end = lt === -1 ? n : lt;
			if (end > this.pos) this.text(this.pos, end, lt === -1);
			if (lt === -1) break;
			this.pos = lt;
			const next = s.charCodeAt(lt + 1);
			if (next === SLASH) this.endTag();
			else if (next === 0x3f) this.instruction();
			else if (next === 0x21) this.bang();
			else this.startTag();
		}
		if (this.stack.length > 0 || !this.rootSeen) throw notPlain();
		// xmldom bumps this counter on every mutation; live NodeLists compare it to refresh
		(this.doc as unknown as { _inc: number })._inc++;
		recordElements(this.doc, this.elements, this.withIds);
		return this.doc;
	}

	private parent(): Node {
		const top = this.stack[this.stack.length - 1];
		return top ? top.el : this.doc;
	}

	/**
	 * Line and column of an offset, counted forward from the last one asked (offsets only grow).
	 * The next line end is remembered: searching for it from every element made a document of
	 * long lines quadratic (an 11 MB single-line envelope of 255 000 elements took 17 s).
	 */
	private locate(offset: number): void {
		const s = this.s;
		if (this.nextNewline === -2) this.nextNewline = s.indexOf('\n', this.counted);
		while (this.nextNewline !== -1 && this.nextNewline < offset) {
			this.line++;
			this.lineStart = this.nextNewline + 1;
			this.nextNewline = s.indexOf('\n', this.nextNewline + 1);
		}
		this.counted = offset;
	}
	/** The first line end at or after `counted` (-1: none left, -2: not searched yet). */
	private nextNewline = -2;

	private text(from: number, to: number, atEnd: boolean): void {
		const raw = this.s.slice(from, to);
		if (this.stack.length === 0) {
			// outside the root xmldom keeps whitespace nodes, except after the last markup
			for (let i = 0; i < raw.length; i++) if (!isWhitespace(raw.charCodeAt(i))) throw notPlain();
			if (!atEnd) append(this.doc, this.doc.createTextNode(raw));
			return;
		}
		if (raw.includes(']]>')) throw notPlain();
		const data = raw.includes('&') ? decodeReferences(raw) : raw;
		append(this.parent(), new TextNode(this.doc, data));
	}

	private instruction(): void {
		const s = this.s;
		const close = s.indexOf('?>', this.pos + 2);
		if (close === -1) throw notPlain();
		const body = s.slice(this.pos + 2, close);
		const m = /^([A-Za-z_][\w.-]*)(?:[ \t\n]+([\s\S]*))?$/.exec(body);
		if (!m || !m[1]) throw notPlain();
		const target = m[1];
		if (target.toLowerCase() === 'xml' && (target !== 'xml' || this.pos !== 0)) throw notPlain();
		append(this.parent(), this.doc.createProcessingInstruction(target, m[2] ?? ''));
		this.pos = close + 2;
	}

	private bang(): void {
		const s = this.s;
		if (s.startsWith('<!--', this.pos)) {
			const close = s.indexOf('-->', this.pos + 4);
			if (close === -1) throw notPlain();
			const data = s.slice(this.pos + 4, close);
			if (data.includes('--') || data.endsWith('-')) throw notPlain();
			append(this.parent(), this.doc.createComment(data));
			this.pos = close + 3;
		} else if (s.startsWith('<![CDATA[', this.pos) && this.stack.length > 0) {
			const close = s.indexOf(']]>', this.pos + 9);
			if (close === -1) throw notPlain();
			append(this.parent(), this.doc.createCDATASection(s.slice(this.pos + 9, close)));
			this.pos = close + 3;
		} else {
			throw notPlain();
		}
	}

	/** Reads an ASCII QName at pos (at most one colon, not first or last). */
	private name(): QName {
		const s = this.s;
		const start = this.pos;
		let colon = -1;
		if (!isNameStart(s.charCodeAt(start))) throw notPlain();
		let i = start + 1;
		for (; ; i++) {
			const c = s.charCodeAt(i);
			if (isNameChar(c)) continue;
			if (c === 0x3a) {
				if (colon !== -1 || !isNameStart(s.charCodeAt(i + 1))) throw notPlain();
				colon = i;
				continue;
			}
			break;
		}
		this.pos = i;
		const qName = s.slice(start, i);
		const known = this.names.get(qName);
		if (known) return known;
		const parts: QName = {
			qName,
			prefix: colon === -1 ? null : s.slice(start, colon),
			local: colon === -1 ? qName : s.slice(colon + 1, i),
		};
		if (this.names.size < MAX_NAMES) this.names.set(qName, parts);
		return parts;
	}

	private skipWhitespace(): boolean {
		const s = this.s;
		const start = this.pos;
		while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
		return this.pos > start;
	}

	private endTag(): void {
		const open = this.stack.pop();
		this.pos += 2;
		const qName = this.name();
		this.skipWhitespace();
		if (!open || qName.qName !== open.qName.qName || this.s.charCodeAt(this.pos) !== GT)
			throw notPlain();
		open.el._end = this.elements.length - 1;
		this.pos++;
	}

	private startTag(): void {
		const s = this.s;
		const tagStart = this.pos;
		this.pos++;
		const qName = this.name();
		const attrNames: QName[] = [];
		const attrValues: string[] = [];
		let closed = false;
		for (;;) {
			const spaced = this.skipWhitespace();
			const c = s.charCodeAt(this.pos);
			if (c === GT) {
				this.pos++;
				break;
			}
			if (c === SLASH && s.charCodeAt(this.pos + 1) === GT) {
				this.pos += 2;
				closed = true;
				break;
			}
			if (!spaced) throw notPlain();
			const attrName = this.name();
			this.skipWhitespace();
			if (s.charCodeAt(this.pos) !== EQ) throw notPlain();
			this.pos++;
			this.skipWhitespace();
			const quote = s.charCodeAt(this.pos);
			if (quote !== QUOT && quote !== APOS) throw notPlain();
			const close = s.indexOf(quote === QUOT ? '"' : "'", this.pos + 1);
			if (close === -1) throw notPlain();
			const raw = s.slice(this.pos + 1, close);
			if (raw.indexOf('<') !== -1) throw notPlain();
			let value = raw;
			if (/[\t\n\r]/.test(value)) value = value.replace(/[\t\n\r]/g, ' ');
			if (value.charCodeAt(0) === AMP || value.indexOf('&') !== -1) value = decodeReferences(value);
			for (const other of attrNames) if (other.qName === attrName.qName) throw notPlain();
			attrNames.push(attrName);
			attrValues.push(value);
			this.pos = close + 1;
		}
		this.element(tagStart, qName, attrNames, attrValues, closed);
	}

	private element(
		tagStart: number,
		name: QName,
		attrNames: QName[],
		attrValues: string[],
		closed: boolean,
	): void {
		if (this.stack.length === 0 && this.rootSeen) throw notPlain();
		const parentScope = this.stack[this.stack.length - 1]?.scope ?? this.rootScope;
		let scope = parentScope;
		let prefixed = 0;
		for (let i = 0; i < attrNames.length; i++) {
			const attrName = attrNames[i] as QName;
			if (attrName.prefix !== null) prefixed++;
			const declares = attrName.prefix === 'xmlns' || attrName.qName === 'xmlns';
			if (!declares) continue;
			const prefix = attrName.prefix === 'xmlns' ? attrName.local : '';
			const uri = attrValues[i] as string;
			// binding a prefix to nothing, or touching xml/xmlns, is for xmldom to judge
			if (prefix === 'xml' || prefix === 'xmlns' || (prefix !== '' && uri === '')) throw notPlain();
			if (uri === NS_XML || uri === NS_XMLNS) throw notPlain();
			if (scope === parentScope) scope = Object.create(parentScope) as Scope;
			scope[prefix] = uri === '' ? null : uri;
		}
		const ns = scope[name.prefix ?? ''];
		if (ns === undefined || (name.prefix !== null && ns === null)) throw notPlain();
		const doc = this.doc;
		const el = new ElementNode(doc, ns ?? null, name) as unknown as Element & Ordered & RawElement;
		this.locate(tagStart);
		el.lineNumber = this.line;
		el.columnNumber = tagStart - this.lineStart + 1;
		el._order = el._end = this.elements.length;
		this.elements.push(el);
		// two prefixed names may still be one expanded name (p:x and q:x with p, q bound alike)
		const seen = prefixed > 1 ? new Set<string>() : null;
		for (let i = 0; i < attrNames.length; i++) {
			const attrName = attrNames[i] as QName;
			let attrNs: string | null = null;
			if (attrName.qName === 'xmlns') attrNs = NS_XMLNS;
			else if (attrName.prefix !== null) {
				attrNs = attrName.prefix === 'xmlns' ? NS_XMLNS : (scope[attrName.prefix] ?? null);
				if (attrNs === null) throw notPlain();
				if (seen) {
					const key = `${attrNs} ${attrName.local}`;
					if (seen.has(key)) throw notPlain();
					seen.add(key);
				}
			}
			addAttribute(doc, el, attrNs, attrName, attrValues[i] as string);
			if (ID_LIKE_ATTRIBUTES.has(attrName.local) && this.withIds.at(-1) !== el)
				this.withIds.push(el);
		}
		if (this.stack.length === 0) {
			this.rootSeen = true;
			doc.appendChild(el);
		} else {
			append(this.parent(), el);
		}
		if (closed) return;
		// too deep: xmldom's path reports it with the line and column
		if (this.stack.length >= this.maxDepth) throw notPlain();
		this.stack.push({ el, qName: name, scope });
	}
}

/**
 * Parses plain well-formed XML into an xmldom Document, or returns null when the text needs
 * xmldom's own parser (malformed, or using something this fast path does not take).
 */
export function parsePlainXml(text: string, maxDepth: number): Document | null {
	try {
		return new PlainParser(text, maxDepth).parse();
	} catch (error) {
		// Not plain, or xmldom refusing a name or namespace while we build: xmldom's own parser
		// then reads the text and says what is wrong, so this reason is not needed. Anything else
		// is a bug of this parser and propagates.
		if (hasCode(error, NOT_PLAIN) || error instanceof DOMException) return null;
		throw error;
	}
}
