// The "what is signed" tree for the page: the document's elements (bounded), each marked with the
// signatures whose references cover it, plus the roles that matter (effective Body, Timestamp).
import type { Document, Element } from '@xmldom/xmldom';
import { is, isElement, NS } from '../xml/dom';
import { elementPath } from '../xml/ids';
import { elidedRegion } from '../xml/stream/skeleton';
import type { SignatureFacts } from '../xmldsig/facts';
import type { EnvelopeFacts, TreeNode } from './facts';

const MAX_NODES = 1500;
const MAX_CHILDREN = 60;
const MAX_TEXT = 80;

/**
 * An element's text for the tree: whitespace collapsed, at most MAX_TEXT characters. Only as
 * much of the start as that needs is collapsed, into a string of its own: collapsing a 13 MB
 * CipherValue whole took a regular-expression pass over it, and the slice kept the collapsed
 * copy alive in the cached tree.
 */
function preview(raw: string): string | null {
	for (let k = Math.min(raw.length, 4 * MAX_TEXT); ; k = Math.min(raw.length, 4 * k)) {
		const whole = k === raw.length;
		// the collapsed start of a longer text is the start of the collapsed whole
		const start = raw.slice(0, k).replace(/\s+/g, ' ').trimStart();
		const t = start.trimEnd();
		if (t.length > MAX_TEXT) return t.slice(0, MAX_TEXT) + '…';
		if (whole) return t || null;
	}
}

interface Coverage {
	index: number;
	/** Paths of reference targets (a whole-document reference covers the root). */
	targets: string[];
	/** The signature's own path (an enveloped signature does not cover itself). */
	own: string;
}

function covers(path: string, target: string): boolean {
	return path === target || path.startsWith(target + '/');
}

/**
 * Names of the shown children that occur more than once among all children (their path steps
 * get an index); the walk stops as soon as every shown name is known to repeat.
 */
function repeatedNames(parent: Element, shown: readonly Element[]): Set<string> {
	const pending = new Set(shown.map((k) => k.tagName));
	const once = new Set<string>();
	const repeated = new Set<string>();
	for (let c = parent.firstChild; c && pending.size > 0; c = c.nextSibling) {
		if (!isElement(c) || !pending.has(c.tagName)) continue;
		if (once.has(c.tagName)) {
			repeated.add(c.tagName);
			pending.delete(c.tagName);
		} else once.add(c.tagName);
	}
	return repeated;
}

export function signedTree(
	doc: Document,
	signatures: readonly { index: number; facts: SignatureFacts }[],
	envelope: EnvelopeFacts | null,
): TreeNode | null {
	const root = doc.documentElement;
	if (!root) return null;
	const coverage: Coverage[] = signatures.map(({ index, facts }) => ({
		index,
		own: facts.path,
		targets: facts.references
			// a reference whose transforms keep only part of its target marks none of it signed:
			// the tree cannot show which part they keep
			.filter((r) => r.digestValid !== null && !r.inManifest && !r.narrowedBy?.length)
			// an STR-Transform signs the token its SecurityTokenReference names, too
			.flatMap((r) =>
				r.wholeDocument
					? [elementPath(root)]
					: [r.targetPath, r.tokenPath].filter((p): p is string => !!p),
			),
	}));
	const timestamps = new Set(
		envelope?.securityHeaders.flatMap((s) => s.timestamps.map((t) => t.path)) ?? [],
	);
	let budget = MAX_NODES;
	// Iterative (an explicit stack, not recursion): the depth is the input's to choose, and a
	// recursive builder overflowed the call stack on 2,000 nested elements. Each node is made
	// when it is popped, in document order, and appended to its parent's children.
	// paths are built while walking: elementPath() per node rescans every sibling (100 000 items)
	const node = (
		el: Element,
		path: string,
	): { tree: TreeNode; kids: Element[]; steps: string[] } => {
		budget--;
		const signedBy: number[] = [];
		const targetOf: number[] = [];
		for (const c of coverage) {
			if (c.targets.some((t) => covers(path, t)) && !covers(path, c.own)) signedBy.push(c.index);
			if (c.targets.includes(path)) targetOf.push(c.index);
		}
		let role: TreeNode['role'] = null;
		if (path === envelope?.bodyPath) role = 'body';
		else if (timestamps.has(path)) role = 'timestamp';
		else if (is(el, NS.wsse, 'Security')) role = 'security';
		else if (path === envelope?.headerPath) role = 'header';
		else if (path === envelope?.envelopePath) role = 'envelope';
		else if (is(el, NS.ds, 'Signature')) role = 'signature';
		// an element with 100 000 items shows the first MAX_CHILDREN and counts the rest
		let count = 0;
		const shownKids: Element[] = [];
		for (let c = el.firstChild; c; c = c.nextSibling) {
			if (!isElement(c)) continue;
			count++;
			if (shownKids.length < MAX_CHILDREN && budget - shownKids.length > 0) shownKids.push(c);
		}
		// content a skeleton tree left in the text (xml/stream/skeleton.ts) is counted, not shown
		const elided = el.firstChild ? elidedRegion(el.firstChild) : undefined;
		if (elided) count = elided.childElements;
		// a signature's own internals are shown on its card, not in the tree
		const kids = role === 'signature' ? [] : shownKids;
		const repeated = repeatedNames(el, kids);
		const seen = new Map<string, number>();
		const steps = kids.map((k) => {
			const n = (seen.get(k.tagName) ?? 0) + 1;
			seen.set(k.tagName, n);
			return repeated.has(k.tagName) ? `${k.tagName}[${n}]` : k.tagName;
		});
		const text = count === 0 ? preview(el.textContent ?? '') : null;
		const id =
			el.getAttributeNS(NS.wsu, 'Id') || el.getAttribute('Id') || el.getAttribute('ID') || null;
		// omitted starts as every child; each child actually built takes one off
		const tree: TreeNode = {
			name: el.tagName,
			path,
			id,
			signedBy,
			targetOf,
			role,
			text,
			children: [],
			omitted: count,
		};
		return { tree, kids, steps };
	};
	const first = node(root, elementPath(root));
	const stack: { parent: TreeNode; el: Element; path: string }[] = [];
	const push = (parent: TreeNode, kids: readonly Element[], steps: readonly string[]) => {
		for (let k = kids.length - 1; k >= 0; k--)
			stack.push({ parent, el: kids[k]!, path: `${parent.path}/${steps[k]!}` });
	};
	push(first.tree, first.kids, first.steps);
	for (let top = stack.pop(); top; top = stack.pop()) {
		if (budget <= 0) break;
		const made = node(top.el, top.path);
		top.parent.children.push(made.tree);
		top.parent.omitted--;
		push(made.tree, made.kids, made.steps);
	}
	return first.tree;
}
