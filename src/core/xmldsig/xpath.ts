// XPath transforms for XML-DSig: the XPath 1.0 filter transform (expression evaluated per node of
// the input node-set, with here()) and XPath Filter 2.0 (intersect / subtract / union of subtrees).
// A compact XPath 1.0 interpreter over @xmldom/xmldom: the axes, node tests, operators and core
// functions signature transforms use, including the namespace axis (synthetic namespace nodes,
// one per element and in-scope prefix) so filters can select or drop namespace nodes.
import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import { UnsupportedError } from '../errors';
import {
	ATTRIBUTE_NODE,
	CDATA_SECTION_NODE,
	COMMENT_NODE,
	DOCUMENT_NODE,
	ELEMENT_NODE,
	inScopeNamespaces,
	NS_XMLNS,
	PROCESSING_INSTRUCTION_NODE,
	TEXT_NODE,
	type NodeSet,
} from './c14n';

/** Code of the UnsupportedError for XPath beyond the subset this evaluator implements. */
export const XPATH_UNSUPPORTED = 'xpath/unsupported';

function xpathUnsupported(message: string): UnsupportedError {
	return new UnsupportedError(XPATH_UNSUPPORTED, message);
}

/** XPath node type of namespace nodes (DOM has none; 13 is the value XPath APIs use). */
export const NAMESPACE_NODE = 13;

/** A namespace node: not part of the DOM, made on demand and kept per element for identity. */
interface NamespaceNode {
	readonly nodeType: typeof NAMESPACE_NODE;
	readonly ownerElement: Element;
	readonly parentNode: Element;
	readonly localName: string;
	readonly nodeName: string;
	readonly nodeValue: string;
	readonly firstChild: null;
	readonly nextSibling: null;
	readonly previousSibling: null;
}

const NS_XML = 'http://www.w3.org/XML/1998/namespace';
const nsNodeCache = new WeakMap<Element, Map<string, Node>>();

/** The namespace nodes of an element (xml included, undeclared prefixes not), keyed by prefix. */
function namespaceNodes(el: Element): Map<string, Node> {
	let m = nsNodeCache.get(el);
	if (m) return m;
	m = new Map();
	const scope = new Map(inScopeNamespaces(el));
	scope.set('xml', NS_XML);
	for (const [prefix, uri] of scope) {
		if (uri === '') continue;
		const n: NamespaceNode = {
			nodeType: NAMESPACE_NODE,
			ownerElement: el,
			parentNode: el,
			localName: prefix,
			nodeName: prefix,
			nodeValue: uri,
			firstChild: null,
			nextSibling: null,
			previousSibling: null,
		};
		m.set(prefix, n as unknown as Node);
	}
	nsNodeCache.set(el, m);
	return m;
}

/** The namespace node of el for prefix ('' = default), or null when el has none. */
export function namespaceNode(el: Element, prefix: string): Node | null {
	return namespaceNodes(el).get(prefix) ?? null;
}

/** A node-set whose namespace nodes are filtered too (the XPath 1.0 filter transform's output). */
export interface FilteredNodeSet extends NodeSet {
	/** Whether the namespace node of el for prefix ('' = default) is in the set. */
	namespaceFilter?: (el: Element, prefix: string) => boolean;
}

/** Work bound for one XPath transform (node visits), so hostile expressions cannot hang the engine. */
export const XPATH_BUDGET = 5_000_000;

type Value = Node[] | string | number | boolean;

type Ast =
	| { t: 'num'; v: number }
	| { t: 'str'; v: string }
	| { t: 'bin'; op: string; a: Ast; b: Ast }
	| { t: 'neg'; a: Ast }
	| { t: 'fn'; name: string; args: Ast[] }
	| { t: 'path'; abs: boolean; start: Ast | null; steps: Step[] }
	| { t: 'filter'; e: Ast; preds: Ast[] };

interface Step {
	axis: string;
	test: { kind: 'name'; prefix: string | null; local: string } | { kind: 'type'; type: string };
	preds: Ast[];
}

const AXES = new Set([
	'self',
	'child',
	'parent',
	'ancestor',
	'ancestor-or-self',
	'descendant',
	'descendant-or-self',
	'attribute',
	'following-sibling',
	'preceding-sibling',
	'namespace',
	'following',
	'preceding',
]);
const NODE_TYPES = new Set(['node', 'text', 'comment', 'processing-instruction']);

function tokenize(src: string): string[] {
	const out: string[] = [];
	const re =
		/\s*(\.\.|::|\/\/|!=|<=|>=|[()[\]@,|/=<>*+.-]|"[^"]*"|'[^']*'|\d+(?:\.\d*)?|\.\d+|\$?[A-Za-z_][\w.-]*(?::(?:\*|[A-Za-z_][\w.-]*))?)/y;
	let i = 0;
	while (i < src.length) {
		if (/^\s*$/.test(src.slice(i))) break;
		re.lastIndex = i;
		const m = re.exec(src);
		if (!m) throw xpathUnsupported(`XPath syntax not understood at "${src.slice(i, i + 20)}"`);
		out.push(m[1] as string);
		i = re.lastIndex;
	}
	return out;
}

class Parser {
	private i = 0;
	constructor(private readonly toks: string[]) {}
	private peek(o = 0): string | undefined {
		return this.toks[this.i + o];
	}
	private next(): string {
		const t = this.toks[this.i++];
		if (t === undefined) throw xpathUnsupported('XPath expression ends unexpectedly');
		return t;
	}
	private expect(t: string): void {
		const n = this.next();
		if (n !== t) throw xpathUnsupported(`XPath: expected "${t}", found "${n}"`);
	}
	/** An operator name is an operator only where an expression can end before it. */
	private isOp(name: string): boolean {
		if (this.peek() !== name) return false;
		const prev = this.toks[this.i - 1];
		return (
			prev !== undefined &&
			![
				'@',
				'::',
				'(',
				'[',
				',',
				'/',
				'//',
				'|',
				'+',
				'-',
				'=',
				'!=',
				'<',
				'>',
				'<=',
				'>=',
				'and',
				'or',
				'mod',
				'div',
				'*',
			].includes(prev)
		);
	}
	parse(): Ast {
		const e = this.or();
		if (this.i !== this.toks.length) throw xpathUnsupported(`XPath: unexpected "${this.peek()}"`);
		return e;
	}
	private or(): Ast {
		let a = this.and();
		while (this.isOp('or')) {
			this.next();
			a = { t: 'bin', op: 'or', a, b: this.and() };
		}
		return a;
	}
	private and(): Ast {
		let a = this.eq();
		while (this.isOp('and')) {
			this.next();
			a = { t: 'bin', op: 'and', a, b: this.eq() };
		}
		return a;
	}
	private eq(): Ast {
		let a = this.rel();
		while (this.peek() === '=' || this.peek() === '!=')
			a = { t: 'bin', op: this.next(), a, b: this.rel() };
		return a;
	}
	private rel(): Ast {
		let a = this.add();
		while (['<', '>', '<=', '>='].includes(this.peek() ?? ''))
			a = { t: 'bin', op: this.next(), a, b: this.add() };
		return a;
	}
	private add(): Ast {
		let a = this.mul();
		while (this.peek() === '+' || this.peek() === '-')
			a = { t: 'bin', op: this.next(), a, b: this.mul() };
		return a;
	}
	private mul(): Ast {
		let a = this.unary();
		while (this.isOp('*') || this.isOp('div') || this.isOp('mod'))
			a = { t: 'bin', op: this.next(), a, b: this.unary() };
		return a;
	}
	private unary(): Ast {
		if (this.peek() === '-') {
			this.next();
			return { t: 'neg', a: this.unary() };
		}
		let a = this.path();
		while (this.peek() === '|') {
			this.next();
			a = { t: 'bin', op: '|', a, b: this.path() };
		}
		return a;
	}
	private path(): Ast {
		const t = this.peek() ?? '';
		const isPrimary =
			t === '(' ||
			t.startsWith('"') ||
			t.startsWith("'") ||
			/^\d|^\.\d/.test(t) ||
			(this.peek(1) === '(' && /^[A-Za-z_]/.test(t) && !NODE_TYPES.has(t));
		if (isPrimary) {
			const e = this.primary();
			const preds: Ast[] = [];
			while (this.peek() === '[') preds.push(this.pred());
			const base: Ast = preds.length ? { t: 'filter', e, preds } : e;
			if (this.peek() === '/' || this.peek() === '//') {
				const steps: Step[] = [];
				this.relative(steps);
				return { t: 'path', abs: false, start: base, steps };
			}
			return base;
		}
		const steps: Step[] = [];
		let abs = false;
		if (t === '/') {
			abs = true;
			this.next();
			const n = this.peek();
			if (n === undefined || [')', ']', '|', ',', '=', '!=', 'and', 'or'].includes(n))
				return { t: 'path', abs, start: null, steps };
			this.stepsInto(steps);
		} else if (t === '//') {
			abs = true;
			this.relative(steps);
		} else this.stepsInto(steps);
		return { t: 'path', abs, start: null, steps };
	}
	private relative(steps: Step[]): void {
		while (this.peek() === '/' || this.peek() === '//') {
			if (this.next() === '//')
				steps.push({ axis: 'descendant-or-self', test: { kind: 'type', type: 'node' }, preds: [] });
			steps.push(this.step());
		}
	}
	private stepsInto(steps: Step[]): void {
		steps.push(this.step());
		this.relative(steps);
	}
	private step(): Step {
		const t = this.next();
		if (t === '.') return { axis: 'self', test: { kind: 'type', type: 'node' }, preds: [] };
		if (t === '..') return { axis: 'parent', test: { kind: 'type', type: 'node' }, preds: [] };
		let axis = 'child';
		let name = t;
		if (t === '@') {
			axis = 'attribute';
			name = this.next();
		} else if (this.peek() === '::') {
			if (!AXES.has(t)) throw xpathUnsupported(`XPath axis ${t} is not supported`);
			axis = t;
			this.next();
			name = this.next();
		}
		let test: Step['test'];
		if (NODE_TYPES.has(name) && this.peek() === '(') {
			this.next();
			if (this.peek() !== ')') this.next();
			this.expect(')');
			test = { kind: 'type', type: name };
		} else if (name === '*') test = { kind: 'name', prefix: null, local: '*' };
		else {
			const c = name.indexOf(':');
			test =
				c === -1
					? { kind: 'name', prefix: null, local: name }
					: { kind: 'name', prefix: name.slice(0, c), local: name.slice(c + 1) };
		}
		const preds: Ast[] = [];
		while (this.peek() === '[') preds.push(this.pred());
		return { axis, test, preds };
	}
	private pred(): Ast {
		this.expect('[');
		const e = this.or();
		this.expect(']');
		return e;
	}
	private primary(): Ast {
		const t = this.next();
		if (t === '(') {
			const e = this.or();
			this.expect(')');
			return e;
		}
		if (t.startsWith('"') || t.startsWith("'")) return { t: 'str', v: t.slice(1, -1) };
		if (/^\d|^\.\d/.test(t)) return { t: 'num', v: Number(t) };
		this.expect('(');
		const args: Ast[] = [];
		if (this.peek() !== ')') {
			args.push(this.or());
			while (this.peek() === ',') {
				this.next();
				args.push(this.or());
			}
		}
		this.expect(')');
		return { t: 'fn', name: t, args };
	}
}

interface Ctx {
	node: Node;
	pos: number;
	size: number;
}

function parentOf(n: Node): Node | null {
	return n.nodeType === ATTRIBUTE_NODE || n.nodeType === NAMESPACE_NODE
		? (n as Attr).ownerElement
		: n.parentNode;
}

/** Pushes x's descendants in document order. */
function descendants(x: Node, out: Node[]): void {
	for (let c = x.firstChild; c; c = c.nextSibling) {
		out.push(c);
		descendants(c, out);
	}
}

/** Pushes x's descendants in reverse document order (x's last descendant first). */
function descendantsReversed(x: Node, out: Node[]): void {
	for (let c = x.lastChild; c; c = c.previousSibling) {
		descendantsReversed(c, out);
		out.push(c);
	}
}

function stringValue(n: Node): string {
	switch (n.nodeType) {
		case ELEMENT_NODE:
		case DOCUMENT_NODE: {
			let s = '';
			const walk = (x: Node): void => {
				for (let c = x.firstChild; c; c = c.nextSibling) {
					if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) s += c.nodeValue ?? '';
					else if (c.nodeType === ELEMENT_NODE) walk(c);
				}
			};
			walk(n);
			return s;
		}
		case ATTRIBUTE_NODE:
			return (n as Attr).value;
		case NAMESPACE_NODE:
			return n.nodeValue ?? '';
		default:
			return n.nodeValue ?? '';
	}
}

function isNsAttr(a: Attr): boolean {
	return a.namespaceURI === NS_XMLNS || a.name === 'xmlns' || a.name.startsWith('xmlns:');
}

class Evaluator {
	private readonly ns: ReadonlyMap<string, string>;
	constructor(
		private readonly here: Element | null,
		private readonly doc: Document,
		namespaces?: ReadonlyMap<string, string>,
	) {
		this.ns = namespaces ?? (here ? inScopeNamespaces(here) : new Map());
	}

	/** Nodes visited so far: an expression such as count(//*) per node is quadratic on big input. */
	private visited = 0;

	private axis(axis: string, n: Node): Node[] {
		const out = this.axisNodes(axis, n);
		this.visited += out.length + 1;
		if (this.visited > XPATH_BUDGET)
			throw xpathUnsupported(
				`XPath transform stopped after visiting ${XPATH_BUDGET.toLocaleString('en')} nodes (too expensive for this document)`,
			);
		return out;
	}

	private axisNodes(axis: string, n: Node): Node[] {
		const out: Node[] = [];
		switch (axis) {
			case 'self':
				return [n];
			case 'child':
				for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
				return out;
			case 'parent': {
				const p = parentOf(n);
				return p ? [p] : [];
			}
			case 'ancestor':
			case 'ancestor-or-self':
				if (axis === 'ancestor-or-self') out.push(n);
				for (let p = parentOf(n); p; p = p.parentNode) out.push(p);
				return out;
			case 'descendant':
			case 'descendant-or-self':
				if (axis === 'descendant-or-self') out.push(n);
				descendants(n, out);
				return out;
			case 'namespace':
				return n.nodeType === ELEMENT_NODE ? [...namespaceNodes(n as Element).values()] : [];
			case 'following': {
				// after an attribute or namespace node come its element's descendants, then the rest
				let from = n;
				if (n.nodeType === ATTRIBUTE_NODE || n.nodeType === NAMESPACE_NODE) {
					from = parentOf(n) as Node;
					descendants(from, out);
				}
				for (let p: Node | null = from; p; p = p.parentNode)
					for (let s = p.nextSibling; s; s = s.nextSibling) {
						out.push(s);
						descendants(s, out);
					}
				return out;
			}
			case 'preceding': {
				// a reverse axis: nearest first; ancestors are not preceding nodes
				let from = n;
				if (n.nodeType === ATTRIBUTE_NODE || n.nodeType === NAMESPACE_NODE)
					from = parentOf(n) as Node;
				for (let p: Node | null = from; p; p = p.parentNode)
					for (let s = p.previousSibling; s; s = s.previousSibling) {
						descendantsReversed(s, out);
						out.push(s);
					}
				return out;
			}
			case 'attribute': {
				if (n.nodeType !== ELEMENT_NODE) return [];
				const list = (n as Element).attributes;
				for (let i = 0; i < list.length; i++) {
					const a = list.item(i) as Attr;
					if (!isNsAttr(a)) out.push(a);
				}
				return out;
			}
			case 'following-sibling':
				for (let s = n.nextSibling; s; s = s.nextSibling) out.push(s);
				return out;
			case 'preceding-sibling':
				for (let s = n.previousSibling; s; s = s.previousSibling) out.push(s);
				return out;
			default:
				throw xpathUnsupported(`XPath axis ${axis} is not supported`);
		}
	}

	private matches(step: Step, n: Node): boolean {
		const test = step.test;
		if (test.kind === 'type') {
			switch (test.type) {
				case 'node':
					return true;
				case 'text':
					return n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE;
				case 'comment':
					return n.nodeType === COMMENT_NODE;
				default:
					return n.nodeType === PROCESSING_INSTRUCTION_NODE;
			}
		}
		const principal =
			step.axis === 'attribute'
				? ATTRIBUTE_NODE
				: step.axis === 'namespace'
					? NAMESPACE_NODE
					: ELEMENT_NODE;
		if (n.nodeType !== principal) return false;
		// a namespace node's expanded name is (no URI, prefix): a prefixed test never matches it
		if (principal === NAMESPACE_NODE)
			return test.prefix === null && (test.local === '*' || n.nodeName === test.local);
		const el = n as Element;
		let uri = '';
		if (test.prefix !== null) {
			const u = this.ns.get(test.prefix);
			if (u === undefined) throw xpathUnsupported(`XPath prefix ${test.prefix} is not declared`);
			uri = u;
		}
		if (test.local === '*') return test.prefix === null || (el.namespaceURI ?? '') === uri;
		return (el.localName ?? el.nodeName) === test.local && (el.namespaceURI ?? '') === uri;
	}

	private step(nodes: Node[], step: Step): Node[] {
		const seen = new Set<Node>();
		const out: Node[] = [];
		for (const n of nodes) {
			let hits = this.axis(step.axis, n).filter((x) => this.matches(step, x));
			for (const p of step.preds) hits = this.predicate(hits, p);
			for (const h of hits)
				if (!seen.has(h)) {
					seen.add(h);
					out.push(h);
				}
		}
		return out;
	}

	private predicate(nodes: Node[], p: Ast): Node[] {
		return nodes.filter((node, i) => {
			const v = this.eval(p, { node, pos: i + 1, size: nodes.length });
			return typeof v === 'number' ? v === i + 1 : toBool(v);
		});
	}

	eval(e: Ast, c: Ctx): Value {
		switch (e.t) {
			case 'num':
				return e.v;
			case 'str':
				return e.v;
			case 'neg':
				return -toNum(this.eval(e.a, c));
			case 'filter': {
				const v = this.eval(e.e, c);
				if (!Array.isArray(v)) throw xpathUnsupported('XPath: predicate on a non-node-set');
				let nodes = v;
				for (const p of e.preds) nodes = this.predicate(nodes, p);
				return nodes;
			}
			case 'path': {
				let nodes: Node[];
				if (e.start) {
					const v = this.eval(e.start, c);
					if (!Array.isArray(v)) throw xpathUnsupported('XPath: path from a non-node-set');
					nodes = v;
				} else nodes = e.abs ? [this.doc] : [c.node];
				for (const s of e.steps) nodes = this.step(nodes, s);
				return nodes;
			}
			case 'bin':
				return this.binary(e.op, e.a, e.b, c);
			case 'fn':
				return this.fn(e.name, e.args, c);
		}
	}

	private binary(op: string, a: Ast, b: Ast, c: Ctx): Value {
		if (op === 'or') return toBool(this.eval(a, c)) || toBool(this.eval(b, c));
		if (op === 'and') return toBool(this.eval(a, c)) && toBool(this.eval(b, c));
		const x = this.eval(a, c);
		const y = this.eval(b, c);
		switch (op) {
			case '|': {
				if (!Array.isArray(x) || !Array.isArray(y))
					throw xpathUnsupported('XPath: | needs node-sets');
				return [...new Set([...x, ...y])];
			}
			case '+':
				return toNum(x) + toNum(y);
			case '-':
				return toNum(x) - toNum(y);
			case '*':
				return toNum(x) * toNum(y);
			case 'div':
				return toNum(x) / toNum(y);
			case 'mod':
				return toNum(x) % toNum(y);
			default:
				return compare(op, x, y);
		}
	}

	private fn(name: string, args: Ast[], c: Ctx): Value {
		const arg = (i: number): Value => {
			const a = args[i];
			if (!a) throw xpathUnsupported(`XPath: ${name}() needs an argument`);
			return this.eval(a, c);
		};
		const nodeArg = (): Node | null => {
			if (args.length === 0) return c.node;
			const v = arg(0);
			return Array.isArray(v) ? (v[0] ?? null) : null;
		};
		switch (name) {
			case 'not':
				return !toBool(arg(0));
			case 'true':
				return true;
			case 'false':
				return false;
			case 'boolean':
				return toBool(arg(0));
			case 'number':
				return args.length ? toNum(arg(0)) : toNum(stringValue(c.node));
			case 'string':
				return args.length ? toStr(arg(0)) : stringValue(c.node);
			case 'count': {
				const v = arg(0);
				if (!Array.isArray(v)) throw xpathUnsupported('XPath: count() needs a node-set');
				return v.length;
			}
			case 'position':
				return c.pos;
			case 'last':
				return c.size;
			case 'name': {
				const n = nodeArg();
				return n &&
					(n.nodeType === ELEMENT_NODE ||
						n.nodeType === ATTRIBUTE_NODE ||
						n.nodeType === NAMESPACE_NODE)
					? n.nodeName
					: '';
			}
			case 'local-name': {
				const n = nodeArg();
				if (n?.nodeType === NAMESPACE_NODE) return n.nodeName;
				return n && (n.nodeType === ELEMENT_NODE || n.nodeType === ATTRIBUTE_NODE)
					? ((n as Element).localName ?? n.nodeName)
					: '';
			}
			case 'namespace-uri': {
				const n = nodeArg();
				return n && (n.nodeType === ELEMENT_NODE || n.nodeType === ATTRIBUTE_NODE)
					? ((n as Element).namespaceURI ?? '')
					: '';
			}
			case 'concat':
				return args.map((_, i) => toStr(arg(i))).join('');
			case 'contains':
				return toStr(arg(0)).includes(toStr(arg(1)));
			case 'starts-with':
				return toStr(arg(0)).startsWith(toStr(arg(1)));
			case 'string-length':
				return (args.length ? toStr(arg(0)) : stringValue(c.node)).length;
			case 'normalize-space':
				return (args.length ? toStr(arg(0)) : stringValue(c.node)).replace(/\s+/g, ' ').trim();
			case 'here':
				return this.here ? [this.here] : [];
			case 'id': {
				const ids = toStr(arg(0)).split(/\s+/).filter(Boolean);
				const out: Node[] = [];
				const walk = (x: Node): void => {
					for (let ch = x.firstChild; ch; ch = ch.nextSibling) {
						if (ch.nodeType !== ELEMENT_NODE) continue;
						const el = ch as Element;
						for (const an of ['Id', 'ID', 'id'])
							if (el.hasAttribute(an) && ids.includes(el.getAttribute(an) ?? '')) out.push(el);
						walk(el);
					}
				};
				walk(this.doc);
				return out;
			}
			default:
				throw xpathUnsupported(`XPath function ${name}() is not supported`);
		}
	}
}

function toBool(v: Value): boolean {
	if (Array.isArray(v)) return v.length > 0;
	if (typeof v === 'string') return v.length > 0;
	if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
	return v;
}
function toNum(v: Value): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'boolean') return v ? 1 : 0;
	const s = Array.isArray(v) ? (v[0] ? stringValue(v[0]) : '') : v;
	return s.trim() === '' ? NaN : Number(s);
}
function toStr(v: Value): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
	return v[0] ? stringValue(v[0]) : '';
}

function compareAtoms(
	op: string,
	x: string | number | boolean,
	y: string | number | boolean,
): boolean {
	if (op === '=' || op === '!=') {
		let eq: boolean;
		if (typeof x === 'boolean' || typeof y === 'boolean') eq = toBool(x) === toBool(y);
		else if (typeof x === 'number' || typeof y === 'number') eq = toNum(x) === toNum(y);
		else eq = x === y;
		return op === '=' ? eq : !eq;
	}
	const a = toNum(x);
	const b = toNum(y);
	return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}

function compare(op: string, x: Value, y: Value): boolean {
	const xs = Array.isArray(x) ? x.map(stringValue) : null;
	const ys = Array.isArray(y) ? y.map(stringValue) : null;
	if (xs && ys) return xs.some((a) => ys.some((b) => compareAtoms(op, a, b)));
	if (xs) {
		if (typeof y === 'boolean') return compareAtoms(op, xs.length > 0, y);
		return xs.some((a) =>
			compareAtoms(op, typeof y === 'number' ? toNum(a) : a, y as string | number),
		);
	}
	if (ys) {
		if (typeof x === 'boolean') return compareAtoms(op, x, ys.length > 0);
		return ys.some((b) =>
			compareAtoms(op, x as string | number, typeof x === 'number' ? toNum(b) : b),
		);
	}
	return compareAtoms(op, x as string | number | boolean, y as string | number | boolean);
}

function docOf(set: NodeSet): Document {
	return (set.root.nodeType === DOCUMENT_NODE ? set.root : set.root.ownerDocument) as Document;
}

/**
 * XPath 1.0 filter transform: keep the input nodes for which the expression is true. Namespace
 * nodes are input nodes too: the result says which of them stay (canonicalize it with
 * canonicalizeFiltered, which reads that).
 */
export function evaluateXPathFilter(
	set: FilteredNodeSet,
	expr: Element,
	_sig: Element,
): FilteredNodeSet {
	const source = (expr.textContent ?? '').trim();
	const ast = new Parser(tokenize(source)).parse();
	const ev = new Evaluator(expr, docOf(set));
	const prev = set.filter;
	const prevNs = set.namespaceFilter;
	const cache = new Map<Node, boolean>();
	const test = (n: Node): boolean => {
		let v = cache.get(n);
		if (v === undefined) {
			v = toBool(ev.eval(ast, { node: n, pos: 1, size: 1 }));
			cache.set(n, v);
		}
		return v;
	};
	return {
		...set,
		filter: (n) => (!prev || prev(n)) && test(n),
		namespaceFilter: (el, prefix) => {
			const n = namespaceNode(el, prefix);
			if (n === null) return false;
			// an earlier XPath transform decided on namespace nodes; other filters decide by owner
			if (prevNs ? !prevNs(el, prefix) : prev && !prev(n)) return false;
			return test(n);
		},
	};
}

/** XPath Filter 2.0: sequential intersect / subtract / union of the selected subtrees. */
export function evaluateFilter2(set: NodeSet, exprs: Element[], _sig: Element): NodeSet {
	const doc = docOf(set);
	const ops: { op: string; nodes: Set<Node> }[] = exprs.map((x) => {
		const ast = new Parser(tokenize((x.textContent ?? '').trim())).parse();
		const v = new Evaluator(x, doc).eval(ast, { node: doc, pos: 1, size: 1 });
		if (!Array.isArray(v)) throw xpathUnsupported('XPath Filter 2.0 expression is not a node-set');
		return { op: x.getAttribute('Filter') ?? '', nodes: new Set(v) };
	});
	const inSubtree = (n: Node, nodes: Set<Node>): boolean => {
		for (let p: Node | null = n; p; p = parentOf(p)) if (nodes.has(p)) return true;
		return false;
	};
	const prev = set.filter;
	return {
		...set,
		filter: (n) => {
			if (prev && !prev(n)) return false;
			let keep = true;
			for (const { op, nodes } of ops) {
				if (op === 'intersect') keep = keep && inSubtree(n, nodes);
				else if (op === 'subtract') keep = keep && !inSubtree(n, nodes);
				else if (op === 'union') keep = keep || inSubtree(n, nodes);
				else throw xpathUnsupported(`XPath Filter 2.0 Filter="${op}" is not valid`);
			}
			return keep;
		},
	};
}

/**
 * The elements an XPath 1.0 expression selects in doc, evaluated from the document node with the
 * prefixes bound as given (a WS-SecurityPolicy sp:XPath names the elements a receiver reads, with
 * the namespaces in scope where the policy wrote it). Throws XPathUnsupported when it cannot say.
 */
export function selectElements(
	source: string,
	namespaces: ReadonlyMap<string, string>,
	doc: Document,
): Element[] {
	const ast = new Parser(tokenize(source.trim())).parse();
	const v = new Evaluator(null, doc, namespaces).eval(ast, { node: doc, pos: 1, size: 1 });
	if (!Array.isArray(v)) throw xpathUnsupported('the XPath expression is not a node-set');
	return v.filter((n): n is Element => n.nodeType === ELEMENT_NODE);
}
