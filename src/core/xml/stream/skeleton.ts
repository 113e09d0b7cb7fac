// Large SOAP envelopes as a skeleton tree: one linear pass over the text finds the big
// subtrees under soap:Body that hold nothing the analysis reads (no security namespace, no ID
// attribute, no encryption anywhere in the document), and the xmldom tree is built from the text
// with each such element's content replaced by a placeholder that records where the content is in
// the original text. A 10 MB envelope of 100 000 order lines becomes a tree of a few dozen nodes;
// the digest of a reference that covers the content is computed by canonicalizing the original
// text of the region as a stream (xmldsig/stream-c14n.ts), so memory follows the depth of the
// document and not its size.
//
// Anything unusual keeps today's full tree: a document that is not a SOAP envelope, holds an
// xenc:EncryptedData or CipherReference (decryption rewrites the tree), a transform other than enveloped-signature and
// the canonicalizations (XPath, Filter 2.0, base64, STR-Transform, XSLT need the nodes), or text
// the fast parser would not take (then the tree parsers report it as they always did).
import type { Document, Element, Node } from '@xmldom/xmldom';
import { hasCode, UnsupportedError } from '../../errors';
import { elementsInside, ID_LIKE_ATTRIBUTES } from '../element-index';
import { parsePlainXml } from '../fast-parse';
import { NS, WSA_NAMESPACES, WSC_NAMESPACES } from '../namespaces';
import {
	asWritten,
	attributeValue,
	countLineEnds,
	hasOtherLineBreaks,
	lineStartAfter,
	NOT_PLAIN,
	notPlain,
	NS_XML,
	NS_XMLNS,
	plainComment,
	readName,
	skipWhitespace,
	splitInstruction,
	validCodePoint,
} from './lexer';

/**
 * minChars: documents from this size on are considered for a skeleton (smaller ones parse fast
 * enough); minRegion: content smaller than this stays in the tree (a placeholder would save
 * nothing worth its bookkeeping). Mutable only so that small documents can be made skeletal: by
 * the differential test (stream.test.ts), and by the engine's rehearsal (engine/rehearsal.ts),
 * which lowers them for one synchronous read and puts them back before it yields.
 */
export const skeletonLimits = { minChars: 512 * 1024, minRegion: 64 * 1024 };

/** The content of one element left out of the tree: text[start, end) of the original document. */
export interface ElidedRegion {
	readonly text: string;
	readonly start: number;
	readonly end: number;
	/** Element children of the holder element (what a tree view would count). */
	readonly childElements: number;
	/** Every element inside the region. */
	readonly elements: number;
	/**
	 * The content is written as canonical XML writes it, whatever the namespaces: start tags with
	 * one space before each attribute, `name="value"`, attributes in canonical order, no
	 * namespace declaration, no `<a/>`, end tags `</a>`, text and values with nothing canonical
	 * form would escape or normalize differently, no comment, CDATA or processing instruction.
	 * Then the canonical form is the text itself once no namespace needs declaring (`prefixes`).
	 */
	readonly asWritten: boolean;
	/** Namespace prefixes the content's elements and attributes use ('' for unprefixed elements). */
	readonly prefixes: readonly string[];
}

export interface SkeletonOptions {
	/** Smallest region content in characters (tests lower it to make small documents skeletal). */
	minRegion?: number;
}

/** Placeholder node (a processing instruction in the tree) → the region it stands for. */
const REGIONS = new WeakMap<Node, ElidedRegion>();
const SKELETONS = new WeakMap<Document, readonly ElidedRegion[]>();

/** The region a placeholder node stands for, or undefined for any other node. */
export function elidedRegion(node: Node): ElidedRegion | undefined {
	return node.nodeType === 7 ? REGIONS.get(node) : undefined;
}

/** The regions left out of a skeleton document (empty for a full tree). */
export function elidedRegions(doc: Document): readonly ElidedRegion[] {
	return SKELETONS.get(doc) ?? [];
}

const MARKER = 'wssec-elided';

/** Namespaces whose elements and attributes the analysis reads: content using one stays in the tree. */
const READ_NAMESPACES: ReadonlySet<string> = new Set([
	...Object.values(NS).filter((ns) => ns !== NS.xml),
	...WSA_NAMESPACES,
	...WSC_NAMESPACES,
	'urn:oasis:names:tc:SAML:1.0:protocol',
	'urn:oasis:names:tc:SAML:2.0:protocol',
	'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
	'http://schemas.xmlsoap.org/ws/2005/02/trust',
]);

const ENCRYPTION_NAMESPACES: ReadonlySet<string> = new Set([NS.xenc, NS.xenc11]);

/** Transforms the skeleton supports: the streaming canonicalizer takes their output. */
const STREAMABLE_TRANSFORMS: ReadonlySet<string> = new Set([
	'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
	'http://www.w3.org/2006/12/xml-c14n11',
	'http://www.w3.org/2006/12/xml-c14n11#WithComments',
	'http://www.w3.org/2001/10/xml-exc-c14n#',
	'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);

type Scope = Record<string, string | null>;

interface Frame {
	qName: string;
	scope: Scope;
	/** Offset just after the start tag. */
	contentStart: number;
	/** Nothing inside so far is read by the analysis. */
	clean: boolean;
	/** The element itself is not read (namespace and attributes). */
	ownClean: boolean;
	/** Its content may become a region: under soap:Body, below its children, not itself read. */
	holder: boolean;
	/** Inside soap:Body (for its descendants). */
	body: boolean;
	/** Document-order index of the element in the original text. */
	ordinal: number;
	childElements: number;
	/** The content so far is canonical as written (see ElidedRegion.asWritten). */
	asWritten: boolean;
	/** Prefixes used by the content so far. */
	prefixes: string[] | null;
}

interface Found {
	start: number;
	end: number;
	ordinal: number;
	elements: number;
	childElements: number;
	asWritten: boolean;
	prefixes: readonly string[];
}

/** Records a prefix the content of `frame` uses (a few per message: a list). */
function usePrefix(frame: Frame, prefix: string): void {
	if (prefix === 'xml') return;
	if (!frame.prefixes) frame.prefixes = [prefix];
	else if (!frame.prefixes.includes(prefix)) frame.prefixes.push(prefix);
}

/** Code of the UnsupportedError that stops the scan: the document keeps the full tree. */
const NO_SKELETON = 'xml/no-skeleton';

function noSkeleton(): UnsupportedError {
	return new UnsupportedError(NO_SKELETON, 'the document keeps its full tree');
}

/**
 * One pass over the text: validates what fast-parse would validate (anything it would not take
 * ends the scan) and returns the regions, or null when the document keeps its full tree.
 */
class RegionScanner {
	private pos = 0;
	private readonly stack: Frame[] = [];
	private ordinal = 0;
	private readonly found: Found[] = [];
	/** Next '&' and ']]>' at or after the scan position (indexOf from every text run is quadratic). */
	private nextAmp = -2;
	private nextCdataEnd = -2;
	private nextLt = -2;
	private readonly rootScope: Scope;
	private soapNs: string | null = null;

	constructor(
		private readonly s: string,
		private readonly maxDepth: number,
		private readonly minRegion: number,
	) {
		this.rootScope = Object.create(null) as Scope;
		this.rootScope[''] = null;
		this.rootScope.xml = NS_XML;
	}

	scan(): Found[] {
		const s = this.s;
		const n = s.length;
		while (this.pos < n) {
			const lt = s.indexOf('<', this.pos);
			const end = lt === -1 ? n : lt;
			if (end > this.pos && this.stack.length > 0) this.text(this.pos, end);
			if (lt === -1) break;
			this.pos = lt;
			const next = s.charCodeAt(lt + 1);
			if (next === 0x2f) this.endTag();
			else if (next === 0x3f) this.instruction();
			else if (next === 0x21) this.bang();
			else this.startTag();
		}
		if (this.stack.length > 0) throw notPlain();
		return this.found;
	}

	private ampFrom(from: number): number {
		if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = this.s.indexOf('&', from);
		return this.nextAmp;
	}

	/** Next '<' at or after `from` (a tag of 20 000 attributes would search its rest per value). */
	private ltFrom(from: number): number {
		if (this.nextLt !== -1 && this.nextLt < from) this.nextLt = this.s.indexOf('<', from);
		return this.nextLt;
	}

	private cdataEndFrom(from: number): number {
		if (this.nextCdataEnd !== -1 && this.nextCdataEnd < from)
			this.nextCdataEnd = this.s.indexOf(']]>', from);
		return this.nextCdataEnd;
	}

	/** Character data: no ']]>', and only references fast-parse decodes. */
	private text(from: number, to: number): void {
		const cd = this.cdataEndFrom(from);
		if (cd !== -1 && cd + 3 <= to) throw notPlain();
		this.checkReferences(from, to);
		const top = this.stack.at(-1) as Frame;
		if (top.asWritten && !asWritten(this.s, from, to, false)) top.asWritten = false;
	}

	/** Validates the references of s[from, to) in place (no copy of the text). */
	private checkReferences(from: number, to: number): void {
		const s = this.s;
		for (let i = this.ampFrom(from); i !== -1 && i < to; i = this.ampFrom(i + 1)) {
			if (
				s.startsWith('amp;', i + 1) ||
				s.startsWith('lt;', i + 1) ||
				s.startsWith('gt;', i + 1) ||
				s.startsWith('quot;', i + 1) ||
				s.startsWith('apos;', i + 1)
			)
				continue;
			if (s.charCodeAt(i + 1) !== 0x23) throw notPlain();
			const hex = s.charCodeAt(i + 2) === 0x78;
			let j = i + (hex ? 3 : 2);
			const digits = j;
			while (
				j < to &&
				(hex ? /[0-9a-fA-F]/.test(s.charAt(j)) : s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39)
			)
				j++;
			const count = j - digits;
			if (count === 0 || count > (hex ? 6 : 7) || s.charCodeAt(j) !== 0x3b) throw notPlain();
			if (!validCodePoint(parseInt(s.slice(digits, j), hex ? 16 : 10))) throw notPlain();
		}
	}

	private instruction(): void {
		const s = this.s;
		const close = s.indexOf('?>', this.pos + 2);
		if (close === -1) throw notPlain();
		const pi = splitInstruction(s.slice(this.pos + 2, close));
		if (!pi) throw notPlain();
		if (pi.target.toLowerCase() === 'xml' && (pi.target !== 'xml' || this.pos !== 0))
			throw notPlain();
		const top = this.stack.at(-1);
		if (top) top.asWritten = false;
		this.pos = close + 2;
	}

	private bang(): void {
		const s = this.s;
		const top = this.stack.at(-1);
		if (top) top.asWritten = false;
		if (s.startsWith('<!--', this.pos)) {
			const close = s.indexOf('-->', this.pos + 4);
			if (close === -1 || !plainComment(s.slice(this.pos + 4, close))) throw notPlain();
			this.pos = close + 3;
		} else if (s.startsWith('<![CDATA[', this.pos) && this.stack.length > 0) {
			const close = s.indexOf(']]>', this.pos + 9);
			if (close === -1) throw notPlain();
			this.pos = close + 3;
		} else {
			throw notPlain();
		}
	}

	private endTag(): void {
		const s = this.s;
		const lt = this.pos;
		const open = this.stack.pop();
		const nameEnd = readName(s, lt + 2);
		const after = skipWhitespace(s, nameEnd);
		if (!open || s.charCodeAt(after) !== 0x3e || s.slice(lt + 2, nameEnd) !== open.qName)
			throw notPlain();
		if (after !== nameEnd) open.asWritten = false;
		this.pos = after + 1;
		this.closed(open, lt);
	}

	private closed(open: Frame, contentEnd: number): void {
		if (open.holder && open.clean && contentEnd - open.contentStart >= this.minRegion) {
			// a clean holder takes in the regions found inside it
			while (this.found.length > 0 && (this.found.at(-1) as Found).start >= open.contentStart)
				this.found.pop();
			this.found.push({
				start: open.contentStart,
				end: contentEnd,
				ordinal: open.ordinal,
				elements: this.ordinal - open.ordinal - 1,
				childElements: open.childElements,
				asWritten: open.asWritten,
				prefixes: open.prefixes ?? [],
			});
		}
		const parent = this.stack.at(-1);
		if (parent) {
			parent.clean &&= open.clean && open.ownClean;
			// the element's own form was judged into its parent at its start tag
			parent.asWritten &&= open.asWritten;
			if (open.prefixes) for (const p of open.prefixes) usePrefix(parent, p);
		}
	}

	// the attributes of the start tag being read, in arrays reused from tag to tag: a stale entry
	// past `count` is the previous tag's, used to share its name string when the name repeats
	private readonly names: string[] = [];
	private readonly starts: number[] = [];
	private readonly ends: number[] = [];
	private count = 0;
	private lastQName = '';
	private lastPrefix = '';

	/** s[from, end) as a string: `last` itself when it is the same name (no new copy). */
	private intern(from: number, end: number, last: string | undefined): string {
		if (last !== undefined && last.length === end - from && this.s.startsWith(last, from))
			return last;
		return this.s.slice(from, end);
	}

	private startTag(): void {
		const s = this.s;
		const nameEnd = readName(s, this.pos + 1);
		const qName = this.intern(this.pos + 1, nameEnd, this.lastQName);
		let p = nameEnd;
		const names = this.names;
		this.count = 0;
		let selfClosed = false;
		// written as canonical XML writes a start tag (see ElidedRegion.asWritten); not asked once
		// the parent's content is known not to be
		let formed = this.stack.at(-1)?.asWritten ?? false;
		for (;;) {
			const spaced = skipWhitespace(s, p);
			const c = s.charCodeAt(spaced);
			if (c === 0x3e) {
				if (spaced !== p) formed = false;
				p = spaced + 1;
				break;
			}
			if (c === 0x2f && s.charCodeAt(spaced + 1) === 0x3e) {
				p = spaced + 2;
				selfClosed = true;
				formed = false;
				break;
			}
			if (spaced === p) throw notPlain();
			if (spaced !== p + 1 || s.charCodeAt(p) !== 0x20) formed = false;
			const attrEnd = readName(s, spaced);
			const name = this.intern(spaced, attrEnd, names[this.count]);
			let q = skipWhitespace(s, attrEnd);
			if (s.charCodeAt(q) !== 0x3d) throw notPlain();
			q = skipWhitespace(s, q + 1);
			const quote = s.charCodeAt(q);
			if (quote !== 0x22 && quote !== 0x27) throw notPlain();
			const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
			if (close === -1) throw notPlain();
			const lt = this.ltFrom(q + 1);
			if (lt !== -1 && lt < close) throw notPlain();
			for (let i = 0; i < this.count; i++) if (names[i] === name) throw notPlain();
			this.checkReferences(q + 1, close);
			if (formed && (q !== attrEnd + 1 || quote !== 0x22 || !asWritten(s, q + 1, close, true)))
				formed = false;
			names[this.count] = name;
			this.starts[this.count] = q + 1;
			this.ends[this.count] = close;
			this.count++;
			p = close + 1;
		}
		this.pos = p;
		this.element(qName, selfClosed, formed, p);
	}

	private element(qName: string, selfClosed: boolean, formed: boolean, contentStart: number): void {
		const { names, starts, ends, count } = this;
		const parent = this.stack.at(-1);
		const parentScope = parent?.scope ?? this.rootScope;
		let scope = parentScope;
		let prefixed = 0;
		for (let i = 0; i < count; i++) {
			const name = names[i] as string;
			if (name.indexOf(':') !== -1 && !name.startsWith('xmlns:')) prefixed++;
			if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
			formed = false;
			const prefix = name === 'xmlns' ? '' : name.slice(6);
			const uri = attributeValue(this.s.slice(starts[i], ends[i]));
			if (prefix === 'xml' || prefix === 'xmlns' || (prefix !== '' && uri === '')) throw notPlain();
			if (uri === NS_XML || uri === NS_XMLNS) throw notPlain();
			if (scope === parentScope) scope = Object.create(parentScope) as Scope;
			scope[prefix] = uri === '' ? null : uri;
		}
		const colon = qName.indexOf(':');
		let prefix = '';
		if (colon !== -1) {
			prefix = qName === this.lastQName ? this.lastPrefix : qName.slice(0, colon);
			this.lastPrefix = prefix;
		}
		this.lastQName = qName;
		const ns = scope[prefix];
		if (ns === undefined || (colon !== -1 && ns === null)) throw notPlain();
		// decryption rewrites the tree around EncryptedData, and a CipherReference's transforms may
		// select any node: the full tree (an EncryptedKey alone changes nothing)
		if (ns !== null && ENCRYPTION_NAMESPACES.has(ns)) {
			const local = qName.slice(colon + 1);
			if (local === 'EncryptedData' || local === 'CipherReference') throw noSkeleton();
		}
		const depth = this.stack.length + 1;
		if (!parent) {
			// only SOAP envelopes: their Body is where bulk content lives and nothing reads it
			if ((ns !== NS.soap11 && ns !== NS.soap12) || qName.slice(colon + 1) !== 'Envelope')
				throw noSkeleton();
		}
		let ownClean = ns === null || !READ_NAMESPACES.has(ns);
		const holderNs = ownClean;
		if (parent?.asWritten) usePrefix(parent, prefix);
		let lastNs = '';
		let lastLocal = '';
		for (let i = 0; i < count; i++) {
			const name = names[i] as string;
			const c = name.indexOf(':');
			if (formed) {
				// canonical order: namespace URI, then local name (unprefixed: no namespace)
				const attrNs = c === -1 ? '' : (scope[name.slice(0, c)] ?? '');
				const local = c === -1 ? name : name.slice(c + 1);
				if (i > 0 && (attrNs < lastNs || (attrNs === lastNs && local <= lastLocal))) formed = false;
				lastNs = attrNs;
				lastLocal = local;
				if (c !== -1 && parent) usePrefix(parent, name.slice(0, c));
			}
			if (ID_LIKE_ATTRIBUTES.has(c === -1 ? name : name.slice(c + 1))) ownClean = false;
			// a same-document reference (an EncryptedKey's users are found by URI="#id")
			const first = this.s.charCodeAt(starts[i] as number);
			if (name === 'URI' && (first === 0x23 || first === 0x26)) ownClean = false;
			if (c === -1 || name.startsWith('xmlns:')) continue;
			const attrNs = scope[name.slice(0, c)];
			if (attrNs === undefined || attrNs === null) throw notPlain();
			if (READ_NAMESPACES.has(attrNs)) ownClean = false;
		}
		if (prefixed > 1) {
			// two prefixed names may still be one expanded name (p:x and q:x with p, q bound alike)
			const seen = new Set<string>();
			for (let i = 0; i < count; i++) {
				const name = names[i] as string;
				const c = name.indexOf(':');
				if (c === -1 || name.startsWith('xmlns:')) continue;
				const key = `${String(scope[name.slice(0, c)])} ${name.slice(c + 1)}`;
				if (seen.has(key)) throw notPlain();
				seen.add(key);
			}
		}
		if (!parent) this.soapNs = ns;
		if (parent) {
			parent.childElements++;
			if (!formed) parent.asWritten = false;
		}
		const ordinal = this.ordinal++;
		if (selfClosed) {
			if (parent) parent.clean &&= ownClean;
			return;
		}
		if (this.stack.length >= this.maxDepth) throw notPlain();
		this.stack.push({
			qName,
			scope,
			contentStart,
			clean: true,
			ownClean,
			holder: !!parent?.body && depth >= 3 && holderNs,
			body:
				!!parent &&
				(parent.body || (depth === 2 && ns === this.soapNs && qName.slice(colon + 1) === 'Body')),
			ordinal,
			childElements: 0,
			asWritten: true,
			prefixes: null,
		});
	}
}

/** Original (line, column) of the first character after a region, and the same in the skeleton. */
interface Shift {
	/** Skeleton ordinal of the holder; the elements after it (up to the next holder) shift. */
	holder: number;
	skelLine: number;
	skelColumn: number;
	line: number;
	column: number;
}

/**
 * Parses a large SOAP envelope as a skeleton (see the header), or returns null when the document
 * keeps its full tree; the caller then parses it as before.
 */
export function parseSkeletonXml(
	text: string,
	maxDepth: number,
	options: SkeletonOptions = {},
): Document | null {
	let found: Found[];
	try {
		found = new RegionScanner(text, maxDepth, options.minRegion ?? skeletonLimits.minRegion).scan();
	} catch (error) {
		// not a skeleton: the full parsers read the text and say what is wrong, if anything
		if (hasCode(error, NOT_PLAIN, NO_SKELETON)) return null;
		throw error;
	}
	if (found.length === 0) return null;
	const pieces: string[] = [];
	const markerText = `<?${MARKER}?>`;
	const shifts: Shift[] = [];
	const others = hasOtherLineBreaks(text);
	// Lines and columns are counted piece by piece, each character once: the skeleton is the
	// text's pieces between regions plus markers without line ends, and a column is the count of
	// characters since the last line end (searched back no further than the piece: a single-line
	// envelope with a hundred regions searched back to its start a hundred times).
	let from = 0;
	let skelLine = 1;
	let skelColumn = 0;
	let line = 1;
	let column = 0;
	let elided = 0;
	const advance = (at: number, to: number, col: number): number => {
		const start = lineStartAfter(text, at, to);
		return start === -1 ? col + (to - at) : to - start;
	};
	for (const r of found) {
		pieces.push(text.slice(from, r.start), markerText);
		skelLine += countLineEnds(text, from, r.start, others);
		skelColumn = advance(from, r.start, skelColumn) + markerText.length;
		line += countLineEnds(text, from, r.end, others);
		column = advance(from, r.end, column);
		shifts.push({
			holder: r.ordinal - elided,
			skelLine,
			skelColumn: skelColumn + 1,
			line,
			column: column + 1,
		});
		elided += r.elements;
		from = r.end;
	}
	pieces.push(text.slice(from));
	const doc = parsePlainXml(pieces.join(''), maxDepth);
	if (!doc) return null;
	const elements = elementsInside(doc);
	if (!elements) return null;
	const regions: ElidedRegion[] = [];
	for (const [i, r] of found.entries()) {
		const holder = elements[(shifts[i] as Shift).holder];
		const marker = holder?.firstChild;
		if (
			!holder ||
			!marker ||
			holder.childNodes.length !== 1 ||
			marker.nodeType !== 7 ||
			(marker as Node & { target?: string }).target !== MARKER
		)
			return null;
		const region: ElidedRegion = {
			text,
			start: r.start,
			end: r.end,
			childElements: r.childElements,
			elements: r.elements,
			asWritten: r.asWritten,
			prefixes: r.prefixes,
		};
		REGIONS.set(marker, region);
		regions.push(region);
	}
	// only the transforms the stream can follow: the others need the nodes themselves
	for (const el of elements) {
		if (el.namespaceURI !== NS.ds || el.localName !== 'Transform') continue;
		if (!STREAMABLE_TRANSFORMS.has(el.getAttribute('Algorithm') ?? '')) return null;
	}
	shiftPositions(elements, shifts);
	SKELETONS.set(doc, regions);
	return doc;
}

/** Gives the elements after each region the line and column they have in the original text. */
function shiftPositions(elements: readonly Element[], shifts: readonly Shift[]): void {
	for (const [i, shift] of shifts.entries()) {
		const last = shifts[i + 1]?.holder ?? elements.length - 1;
		for (let k = shift.holder + 1; k <= last; k++) {
			const el = elements[k] as Element & { lineNumber: number; columnNumber: number };
			if (el.lineNumber === shift.skelLine) {
				el.columnNumber = shift.column + (el.columnNumber - shift.skelColumn);
				el.lineNumber = shift.line;
			} else el.lineNumber += shift.line - shift.skelLine;
		}
	}
}
