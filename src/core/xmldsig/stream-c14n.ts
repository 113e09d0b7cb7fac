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
	value: string;
}

function byNameAndNamespace(a: Attribute, b: Attribute): number {
	if (a.ns !== b.ns) return a.ns < b.ns ? -1 : 1;
	return a.local < b.local ? -1 : a.local > b.local ? 1 : 0;
}

function text(raw: string): string {
	const s = normalizeLineEndings(raw);
	return escapeText(s.indexOf('&') === -1 ? s : decodeReferences(s));
}

/**
 * Writes the canonical form of a region's content. The region was validated by the skeleton
 * scanner with fast-parse's rules, so this reads it without checking again.
 */
export function canonicalizeRegion(region: ElidedRegion, ctx: RegionContext): void {
	const s = region.text;
	const end = region.end;
	const write = (piece: string): void => ctx.write(piece);
	const stack: Open[] = [];
	let inScope = ctx.inScope;
	let rendered = ctx.rendered;
	let pos = region.start;
	while (pos < end) {
		let lt = s.indexOf('<', pos);
		if (lt === -1 || lt > end) lt = end;
		if (lt > pos) write(text(s.slice(pos, lt)));
		if (lt >= end) break;
		const next = s.charCodeAt(lt + 1);
		if (next === 0x2f) {
			// end tag
			const open = stack.pop();
			if (!open) throw new Error('internal: unbalanced region');
			write('</' + open.qName + '>');
			pos = s.indexOf('>', lt) + 1;
			const parent = stack.at(-1);
			inScope = parent ? parent.inScope : ctx.inScope;
			rendered = parent ? parent.rendered : ctx.rendered;
		} else if (next === 0x3f) {
			const close = s.indexOf('?>', lt + 2);
			const pi = splitInstruction(s.slice(lt + 2, close));
			if (!pi) throw new Error('internal: processing instruction in a region');
			write('<?' + pi.target + (pi.data ? ' ' + pi.data : '') + '?>');
			pos = close + 2;
		} else if (next === 0x21) {
			if (s.startsWith('<!--', lt)) {
				const close = s.indexOf('-->', lt + 4);
				if (ctx.comments) write('<!--' + normalizeLineEndings(s.slice(lt + 4, close)) + '-->');
				pos = close + 3;
			} else {
				const close = s.indexOf(']]>', lt + 9);
				write(escapeText(normalizeLineEndings(s.slice(lt + 9, close))));
				pos = close + 3;
			}
		} else {
			pos = startTag(s, lt, ctx, stack, inScope, rendered);
			const top = stack.at(-1);
			if (top) {
				inScope = top.inScope;
				rendered = top.rendered;
			}
		}
	}
	if (stack.length > 0) throw new Error('internal: unbalanced region');
}

/** Reads and writes one start tag; pushes it unless it closes itself. Returns the offset after it. */
function startTag(
	s: string,
	lt: number,
	ctx: RegionContext,
	stack: Open[],
	parentInScope: NsMap,
	rendered: NsMap,
): number {
	const nameEnd = readName(s, lt + 1);
	const qName = s.slice(lt + 1, nameEnd);
	let p = nameEnd;
	let attrs: Attribute[] | null = null;
	let declared: [string, string][] | null = null;
	let selfClosed = false;
	for (;;) {
		p = skipWhitespace(s, p);
		const c = s.charCodeAt(p);
		if (c === 0x3e) {
			p++;
			break;
		}
		if (c === 0x2f) {
			p += 2;
			selfClosed = true;
			break;
		}
		const attrEnd = readName(s, p);
		const name = s.slice(p, attrEnd);
		p = skipWhitespace(s, skipWhitespace(s, attrEnd) + 1);
		const quote = s.charAt(p);
		const close = s.indexOf(quote, p + 1);
		const value = attributeValue(s.slice(p + 1, close));
		p = close + 1;
		if (name === 'xmlns') (declared ??= []).push(['', value]);
		else if (name.startsWith('xmlns:')) (declared ??= []).push([name.slice(6), value]);
		else {
			const colon = name.indexOf(':');
			const prefix = colon === -1 ? '' : name.slice(0, colon);
			(attrs ??= []).push({ name, prefix, local: name.slice(colon + 1), ns: '', value });
		}
	}
	let inScope = parentInScope;
	if (declared) {
		const m = new Map(parentInScope);
		for (const [prefix, uri] of declared) m.set(prefix, uri);
		inScope = m;
	}
	if (attrs)
		for (const a of attrs)
			if (a.prefix !== '') a.ns = a.prefix === 'xml' ? NS_XML : (inScope.get(a.prefix) ?? '');

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
	if (ctx.mode.exclusive) {
		const colon = qName.indexOf(':');
		const own = colon === -1 ? '' : qName.slice(0, colon);
		consider(own);
		let used: Set<string> | null = null;
		if (attrs)
			for (const a of attrs)
				if (a.prefix !== '' && a.prefix !== 'xml' && a.prefix !== own)
					(used ??= new Set()).add(a.prefix);
		for (const p of ctx.inclusive)
			if ((inScope.has(p) || p === '') && p !== own) (used ??= new Set()).add(p);
		if (used) for (const u of used) consider(u);
	} else {
		for (const prefix of inScope.keys()) if (prefix !== 'xml') consider(prefix);
		if (!inScope.has('')) consider('');
	}
	let tag = '<' + qName;
	const found = decls as [string, string][] | null;
	if (found) {
		if (found.length > 1) found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		for (const [prefix, uri] of found)
			tag += (prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`) + escapeAttr(uri) + '"';
	}
	if (attrs) {
		if (attrs.length > 1) attrs.sort(byNameAndNamespace);
		for (const a of attrs) tag += ' ' + a.name + '="' + escapeAttr(a.value) + '"';
	}
	ctx.write(tag + '>');
	if (selfClosed) ctx.write('</' + qName + '>');
	else
		stack.push({
			qName,
			inScope,
			rendered: (next as Map<string, string> | null) ?? rendered,
		});
	return p;
}
