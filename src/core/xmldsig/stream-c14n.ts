// Canonical XML of content left out of a skeleton tree (xml/stream/skeleton.ts), read from the
// original text as a stream of tokens: the tree canonicalizer (c14n.ts) hands over at the
// placeholder with the namespaces in scope and those already rendered, and this writes what it
// would have written for the nodes the region holds. Inside a region every node is in the
// node-set (the skeleton is only made when no XPath or Filter 2.0 transform exists and nothing
// in the region can be excluded), so the rules are the simple ones: every element and its
// attributes are output, namespace declarations follow C14N 1.0 / exclusive C14N against the
// output ancestors, no xml:* attribute is inherited (the parent is always output), comments as the
// mode and the reference say. Memory: the open elements' names and namespace maps, nothing more.
import type { ElidedRegion } from '../xml/stream/skeleton';
import {
	asWritten,
	attributeValue,
	decodeReferences,
	normalizeLineEndings,
	NS_XML,
	readName,
	skipWhitespace,
	splitInstruction,
} from '../xml/stream/lexer';
import { escapeAttr, escapeText, type C14nMode } from './c14n';

type NsMap = ReadonlyMap<string, string>;

export interface RegionContext {
	mode: C14nMode;
	/** Exclusive C14N's InclusiveNamespaces prefixes ('' for #default). */
	inclusive: ReadonlySet<string>;
	/** Comments are output (the node-set keeps them and the mode is WithComments). */
	comments: boolean;
	/** Namespaces in scope at the holder element (prefix → URI, '' for the default). */
	inScope: NsMap;
	/** Namespaces in effect in the output at the holder element. */
	rendered: NsMap;
	write(s: string): void;
}

interface Open {
	qName: string;
	inScope: NsMap;
	rendered: NsMap;
}

interface Attribute {
	name: string;
	ns: string;
	local: string;
	prefix: string;
	/** The raw value's place in the text (decoded only when the tag is rewritten). */
	from: number;
	to: number;
}

function byNameAndNamespace(a: Attribute, b: Attribute): number {
	if (a.ns !== b.ns) return a.ns < b.ns ? -1 : 1;
	return a.local < b.local ? -1 : a.local > b.local ? 1 : 0;
}

function text(raw: string): string {
	const s = normalizeLineEndings(raw);
	return escapeText(s.indexOf('&') === -1 ? s : decodeReferences(s));
}

/** Source text copied to the output in pieces of at most this many characters. */
const RUN_LIMIT = 1 << 16;

/**
 * Writes the canonical form of a region's content. The region was validated by the skeleton
 * scanner with fast-parse's rules, so this reads it without checking again. Most of a bulk
 * message is already canonical as written (double-quoted attributes in order, no declarations to
 * add, nothing to re-escape): such stretches are copied from the text in runs rather than rebuilt
 * token by token.
 */
export function canonicalizeRegion(region: ElidedRegion, ctx: RegionContext): void {
	if (region.asWritten && !declaresAnything(region, ctx)) {
		// the canonical form is the text itself: copied in pieces, none ending inside a
		// surrogate pair (a lone half would be encoded as U+FFFD)
		const s = region.text;
		for (let at = region.start; at < region.end;) {
			let to = Math.min(at + RUN_LIMIT, region.end);
			const last = s.charCodeAt(to - 1);
			if (to < region.end && last >= 0xd800 && last <= 0xdbff) to--;
			ctx.write(s.slice(at, to));
			at = to;
		}
		return;
	}
	new RegionCanonicalizer(region, ctx).run();
}

/**
 * Whether any element of a region would render a namespace declaration. A region written as
 * canonical XML writes it declares nothing itself, so every element sees the holder's scope and
 * output scope: the question is asked once, for the prefixes the region uses (exclusive C14N:
 * its own and its attributes' prefixes and the PrefixList; C14N 1.0 and 1.1: every prefix in
 * scope, and the default namespace).
 */
function declaresAnything(region: ElidedRegion, ctx: RegionContext): boolean {
	const { inScope, rendered } = ctx;
	const declares = (prefix: string): boolean => {
		if (prefix === 'xml') return false;
		const uri = inScope.get(prefix) ?? '';
		const have = rendered.get(prefix);
		if (prefix === '') {
			if (uri === '' && (have === undefined || have === '')) return false;
		} else if (uri === '') return false;
		return have !== uri;
	};
	if (ctx.mode.exclusive) {
		if (region.prefixes.some(declares)) return true;
		for (const p of ctx.inclusive) if ((inScope.has(p) || p === '') && declares(p)) return true;
		return false;
	}
	for (const p of inScope.keys()) if (declares(p)) return true;
	return declares('');
}

class RegionCanonicalizer {
	private readonly s: string;
	private readonly stack: Open[] = [];
	private inScope: NsMap;
	private rendered: NsMap;
	/** Start of the source stretch being copied as it is, or -1. */
	private copied = -1;

	constructor(
		private readonly region: ElidedRegion,
		private readonly ctx: RegionContext,
	) {
		this.s = region.text;
		this.inScope = ctx.inScope;
		this.rendered = ctx.rendered;
	}

	/** s[from, to) is canonical as written (and follows the previous token). */
	private same(from: number, to: number): void {
		if (this.copied === -1) this.copied = from;
		if (to - this.copied >= RUN_LIMIT) {
			this.ctx.write(this.s.slice(this.copied, to));
			this.copied = -1;
		}
	}

	/** Ends the copied stretch at `at` (where a token that is rewritten or left out starts). */
	private stop(at: number): void {
		if (this.copied !== -1 && at > this.copied) this.ctx.write(this.s.slice(this.copied, at));
		this.copied = -1;
	}

	private emit(at: number, piece: string): void {
		this.stop(at);
		this.ctx.write(piece);
	}

	run(): void {
		const s = this.s;
		const end = this.region.end;
		let pos = this.region.start;
		while (pos < end) {
			let lt = s.indexOf('<', pos);
			if (lt === -1 || lt > end) lt = end;
			if (lt > pos) {
				if (!asWritten(s, pos, lt, false)) this.emit(pos, text(s.slice(pos, lt)));
				else this.same(pos, lt);
			}
			if (lt >= end) break;
			const next = s.charCodeAt(lt + 1);
			if (next === 0x2f) pos = this.endTag(lt);
			else if (next === 0x3f) {
				const close = s.indexOf('?>', lt + 2);
				const pi = splitInstruction(s.slice(lt + 2, close));
				if (!pi) throw new TypeError('internal: processing instruction in a region');
				this.emit(lt, '<?' + pi.target + (pi.data ? ' ' + pi.data : '') + '?>');
				pos = close + 2;
			} else if (next === 0x21) {
				if (s.startsWith('<!--', lt)) {
					const close = s.indexOf('-->', lt + 4);
					this.stop(lt);
					if (this.ctx.comments)
						this.ctx.write('<!--' + normalizeLineEndings(s.slice(lt + 4, close)) + '-->');
					pos = close + 3;
				} else {
					const close = s.indexOf(']]>', lt + 9);
					this.emit(lt, escapeText(normalizeLineEndings(s.slice(lt + 9, close))));
					pos = close + 3;
				}
			} else pos = this.startTag(lt);
		}
		this.stop(end);
		if (this.stack.length > 0) throw new TypeError('internal: unbalanced region');
	}

	private endTag(lt: number): number {
		const open = this.stack.pop();
		if (!open) throw new TypeError('internal: unbalanced region');
		const s = this.s;
		const gt = lt + 2 + open.qName.length;
		let after: number;
		if (s.charCodeAt(gt) === 0x3e) {
			after = gt + 1;
			this.same(lt, after);
		} else {
			after = s.indexOf('>', lt) + 1;
			this.emit(lt, '</' + open.qName + '>');
		}
		const parent = this.stack.at(-1);
		this.inScope = parent ? parent.inScope : this.ctx.inScope;
		this.rendered = parent ? parent.rendered : this.ctx.rendered;
		return after;
	}

	/** The name at s[from, end): the same string as last time when it repeats (no new copy). */
	private name(from: number, end: number, last: string | undefined): string {
		if (last !== undefined && last.length === end - from && this.s.startsWith(last, from))
			return last;
		return this.s.slice(from, end);
	}

	// the previous start tag's name and prefix; the attributes of the tag being read in arrays
	// reused from tag to tag (a stale entry past `count` is the previous tag's, whose name string
	// is shared when the name repeats): a bulk message repeats them
	private lastQName: string | undefined;
	private lastOwn = '';
	private readonly names: string[] = [];
	private readonly froms: number[] = [];
	private readonly tos: number[] = [];
	private count = 0;
	private readonly order: number[] = [];
	// the namespace declarations worked out for the previous start tag without prefixed attributes
	private lastDecls: {
		inScope: NsMap;
		rendered: NsMap;
		own: string;
		decls: [string, string][] | null;
		next: NsMap | null;
	} | null = null;

	/** What declarations() found: the start tag's declarations and the output scope after it. */
	private decls: [string, string][] | null = null;
	private next: NsMap | null = null;

	/** Reads one start tag and writes it (copied when canonical as written); returns the offset after it. */
	private startTag(lt: number): number {
		const s = this.s;
		const nameEnd = readName(s, lt + 1);
		const qName = this.name(lt + 1, nameEnd, this.lastQName);
		const names = this.names;
		this.count = 0;
		let p = nameEnd;
		let declared: [string, string][] | null = null;
		let prefixed = false;
		let selfClosed = false;
		// canonical as written: one space before each attribute, name="value", '>' right after
		let verbatim = true;
		for (;;) {
			const ws = p;
			p = skipWhitespace(s, p);
			const c = s.charCodeAt(p);
			if (c === 0x3e) {
				if (p !== ws) verbatim = false;
				p++;
				break;
			}
			if (c === 0x2f) {
				p += 2;
				selfClosed = true;
				verbatim = false;
				break;
			}
			if (p !== ws + 1 || s.charCodeAt(ws) !== 0x20) verbatim = false;
			const attrEnd = readName(s, p);
			const name = this.name(p, attrEnd, names[this.count]);
			if (s.charCodeAt(attrEnd) !== 0x3d || s.charCodeAt(attrEnd + 1) !== 0x22) verbatim = false;
			p = skipWhitespace(s, skipWhitespace(s, attrEnd) + 1);
			const close = s.indexOf(s.charAt(p), p + 1);
			if (name === 'xmlns' || name.startsWith('xmlns:')) {
				verbatim = false;
				(declared ??= []).push([
					name === 'xmlns' ? '' : name.slice(6),
					attributeValue(s.slice(p + 1, close)),
				]);
			} else {
				if (verbatim && !asWritten(s, p + 1, close, true)) verbatim = false;
				if (name.indexOf(':') !== -1) prefixed = true;
				names[this.count] = name;
				this.froms[this.count] = p + 1;
				this.tos[this.count] = close;
				this.count++;
			}
			p = close + 1;
		}
		const count = this.count;
		let inScope = this.inScope;
		if (declared) {
			const m = new Map(inScope);
			for (const [prefix, uri] of declared) m.set(prefix, uri);
			inScope = m;
		}
		// attributes in canonical order already? (unprefixed ones compare by name alone)
		let attrs: Attribute[] | null = null;
		if (prefixed || !verbatim) {
			attrs = [];
			for (let i = 0; i < count; i++) {
				const name = names[i] as string;
				const colon = name.indexOf(':');
				const prefix = colon === -1 ? '' : name.slice(0, colon);
				attrs.push({
					name,
					prefix,
					local: colon === -1 ? name : name.slice(colon + 1),
					ns: prefix === '' ? '' : prefix === 'xml' ? NS_XML : (inScope.get(prefix) ?? ''),
					from: this.froms[i] as number,
					to: this.tos[i] as number,
				});
			}
			for (let i = 1; i < attrs.length && verbatim; i++)
				if (byNameAndNamespace(attrs[i - 1] as Attribute, attrs[i] as Attribute) >= 0)
					verbatim = false;
		} else {
			for (let i = 1; i < count && verbatim; i++)
				if ((names[i - 1] as string) >= (names[i] as string)) verbatim = false;
		}

		if (qName !== this.lastQName) {
			const colon = qName.indexOf(':');
			this.lastOwn = colon === -1 ? '' : qName.slice(0, colon);
			this.lastQName = qName;
		}
		const own = this.lastOwn;
		this.declarations(inScope, own, attrs, !declared && !prefixed);
		const decls = this.decls;
		const next = this.next;
		if (verbatim && !decls) this.same(lt, p);
		else if (!attrs && !decls) {
			// written canonically but for the order of its (unprefixed) attributes, the common
			// case of a bulk message (xmlsec1 and most serializers keep the order they were given):
			// sorted by name in place, each raw value already canonical
			const order = this.order;
			for (let i = 0; i < count; i++) {
				const name = names[i] as string;
				let j = i;
				for (; j > 0 && (names[order[j - 1] as number] as string) > name; j--)
					order[j] = order[j - 1] as number;
				order[j] = i;
			}
			let tag = '<' + qName;
			for (let k = 0; k < count; k++) {
				const i = order[k] as number;
				tag += ' ' + names[i] + '="' + s.slice(this.froms[i], this.tos[i]) + '"';
			}
			this.emit(lt, tag + (selfClosed ? '></' + qName + '>' : '>'));
		} else {
			if (!attrs) {
				attrs = [];
				for (let i = 0; i < count; i++) {
					const name = names[i] as string;
					attrs.push({
						name,
						prefix: '',
						local: name,
						ns: '',
						from: this.froms[i] as number,
						to: this.tos[i] as number,
					});
				}
			}
			let tag = '<' + qName;
			if (decls) {
				if (decls.length > 1) decls.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
				for (const [prefix, uri] of decls)
					tag += (prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`) + escapeAttr(uri) + '"';
			}
			if (attrs.length > 1) attrs.sort(byNameAndNamespace);
			for (const a of attrs)
				tag += ' ' + a.name + '="' + escapeAttr(attributeValue(s.slice(a.from, a.to))) + '"';
			this.emit(lt, tag + (selfClosed ? '></' + qName + '>' : '>'));
		}
		if (!selfClosed) {
			const entry: Open = { qName, inScope, rendered: next ?? this.rendered };
			this.stack.push(entry);
			this.inScope = entry.inScope;
			this.rendered = entry.rendered;
		}
		return p;
	}

	/**
	 * The namespace declarations a start tag renders (C14N 1.0 section 2.3, exclusive C14N's
	 * visibly utilized prefixes) and the output scope after it. Remembered for the next tag when
	 * they depend on nothing but the scopes and the element's prefix (`plain`).
	 */
	private declarations(
		inScope: NsMap,
		own: string,
		attrs: readonly Attribute[] | null,
		plain: boolean,
	): void {
		const rendered = this.rendered;
		const last = this.lastDecls;
		if (
			plain &&
			last &&
			last.inScope === inScope &&
			last.rendered === rendered &&
			(last.own === own || !this.ctx.mode.exclusive)
		) {
			this.decls = last.decls && [...last.decls];
			this.next = last.next;
			return;
		}
		let decls: [string, string][] | null = null;
		let next: Map<string, string> | null = null;
		const consider = (prefix: string): void => {
			if (prefix === 'xml') return;
			const uri = inScope.get(prefix) ?? '';
			const have = rendered.get(prefix);
			if (prefix === '') {
				if (uri === '' && (have === undefined || have === '')) return;
			} else if (uri === '') return;
			if (have === uri) return;
			(decls ??= []).push([prefix, uri]);
			next ??= new Map(rendered);
			next.set(prefix, uri);
		};
		if (this.ctx.mode.exclusive) {
			consider(own);
			let used: Set<string> | null = null;
			if (attrs)
				for (const a of attrs)
					if (a.prefix !== '' && a.prefix !== 'xml' && a.prefix !== own)
						(used ??= new Set()).add(a.prefix);
			for (const p of this.ctx.inclusive)
				if ((inScope.has(p) || p === '') && p !== own) (used ??= new Set()).add(p);
			if (used) for (const u of used) consider(u);
		} else {
			for (const prefix of inScope.keys()) if (prefix !== 'xml') consider(prefix);
			if (!inScope.has('')) consider('');
		}
		const found = decls as [string, string][] | null;
		const scope = next as Map<string, string> | null;
		if (plain) this.lastDecls = { inScope, rendered, own, decls: found && [...found], next: scope };
		this.decls = found;
		this.next = scope;
	}
}
