// WS-Policy 1.2 / 1.5 normalization over the DOM: policies found in every dropped document,
// wsp:PolicyReference / PolicyURIs resolved among them, ExactlyOne / All / Optional expanded into
// alternatives. Bounded: reference loops are cut and the number of alternatives is capped.
import type { Element } from '@xmldom/xmldom';
import { attr, attrNS, descendants, kids } from '../xml/ns-dom';
import { isWsp, NS, WSP } from './namespaces';

/** More alternatives than this are cut (a policy with 10 optional assertions already has 1024). */
export const MAX_ALTERNATIVES = 64;
/** Deepest chain of policy references followed. */
export const MAX_REFERENCE_DEPTH = 16;

export interface PolicyDocument {
	inputName: string;
	root: Element;
}

interface Registered {
	inputName: string;
	el: Element;
}

/** An alternative before interpretation: the assertion elements it holds. */
export type RawAlternative = Element[];

export interface PolicyNote {
	level: 'error' | 'warning' | 'info';
	message: string;
}

function baseName(location: string): string {
	const clean = location.split('#')[0]!.split('?')[0]!;
	return clean.slice(clean.lastIndexOf('/') + 1);
}

/** All policies of the dropped documents, by id within their file and by wsp:Name. */
export class PolicyRegistry {
	private readonly byFileId = new Map<string, Registered>();
	private readonly byId = new Map<string, Registered[]>();
	private readonly byName = new Map<string, Registered>();
	private readonly files = new Set<string>();
	readonly notes: PolicyNote[] = [];
	/** Nested policies are expanded once per element: a binding shared by 1000 operations is read once. */
	readonly nestedCache = new WeakMap<Element, Element[]>();
	/** Top-level normalizations by policy element (the result is never mutated by callers). */
	readonly normalizedCache = new WeakMap<Element, RawAlternative[]>();
	private readonly noted = new Set<string>();

	/** External attachments (wsp:PolicyAttachment): domain expressions and the policies they attach. */
	readonly attachments: { inputName: string; uris: string[]; policies: Element[] }[] = [];

	constructor(documents: readonly PolicyDocument[]) {
		for (const d of documents) {
			this.files.add(d.inputName);
			const wsp = [...(isWsp(d.root.namespaceURI) ? [d.root] : []), ...descendants(d.root, WSP)];
			const pas = wsp.filter((e) => e.localName === 'PolicyAttachment');
			for (const pa of pas) {
				const uris = kids(pa, WSP, 'AppliesTo').flatMap((a) =>
					kids(a, WSP, 'URI').map((u) => (u.textContent ?? '').trim()),
				);
				const policies = kids(pa, WSP).filter(
					(k) => k.localName === 'Policy' || k.localName === 'PolicyReference',
				);
				this.attachments.push({ inputName: d.inputName, uris, policies });
			}
			const all = wsp.filter((e) => e.localName === 'Policy');
			for (const el of all) {
				const id =
					attrNS(el, NS.wsu, 'Id') ?? attrNS(el, NS.xml, 'id') ?? attr(el, 'Id') ?? attr(el, 'ID');
				const reg = { inputName: d.inputName, el };
				if (id) {
					this.byFileId.set(`${d.inputName}#${id}`, reg);
					const list = this.byId.get(id) ?? [];
					list.push(reg);
					this.byId.set(id, list);
				}
				const name = attr(el, 'Name');
				if (name) this.byName.set(name, reg);
			}
		}
	}

	note(level: PolicyNote['level'], message: string): void {
		if (this.noted.has(message)) return;
		this.noted.add(message);
		this.notes.push({ level, message });
	}

	/** Resolves a policy URI written in `fromFile`; notes what could not be found. */
	resolve(uri: string, fromFile: string): Registered | null {
		const u = uri.trim();
		const hash = u.indexOf('#');
		if (hash === 0) {
			const id = u.slice(1);
			const local = this.byFileId.get(`${fromFile}#${id}`);
			if (local) return local;
			const elsewhere = this.byId.get(id) ?? [];
			if (elsewhere.length >= 1) {
				this.note(
					'info',
					`Policy reference ${u} in ${fromFile} was resolved in ${elsewhere[0]!.inputName} (not in the same file)`,
				);
				return elsewhere[0]!;
			}
			this.note(
				'error',
				`Policy reference ${u} in ${fromFile}: no policy with that id in any dropped file`,
			);
			return null;
		}
		const named = this.byName.get(u);
		if (named) return named;
		if (hash > 0) {
			const file = baseName(u.slice(0, hash));
			const id = u.slice(hash + 1);
			const hit = this.byFileId.get(`${file}#${id}`);
			if (hit) return hit;
			const message = this.files.has(file)
				? `Policy reference ${u} in ${fromFile}: ${file} was dropped but has no policy with id "${id}"`
				: `Policy reference ${u} in ${fromFile}: ${file} was not dropped (external policies are never fetched)`;
			this.note('error', message);
			return null;
		}
		this.note(
			'error',
			`Policy reference ${u} in ${fromFile}: no dropped policy has this wsp:Name (external policies are never fetched)`,
		);
		return null;
	}

	/**
	 * Policies attached from outside the WSDL (WS-PolicyAttachment 1.5 section 5) to a WSDL 1.1
	 * element identifier such as "wsdl11.binding(B)" in namespace `tns`.
	 */
	external(tns: string | null, id: string): { label: string; alternatives: RawAlternative[] }[] {
		const out: { label: string; alternatives: RawAlternative[] }[] = [];
		for (const a of this.attachments) {
			const hit = a.uris.find((u) => {
				const hash = u.lastIndexOf('#');
				if (hash === -1 || u.slice(hash + 1) !== id) return false;
				const ns = u.slice(0, hash);
				return ns === '' || ns === (tns ?? '');
			});
			if (!hit) continue;
			for (const p of a.policies) {
				out.push({
					label: `${hit} in ${a.inputName}`,
					alternatives: normalizePolicy(p, a.inputName, this),
				});
			}
		}
		return out;
	}

	/** Identifier shown for a policy element (its id or Name, else its file). */
	label(el: Element, inputName: string): string {
		const id = attrNS(el, NS.wsu, 'Id') ?? attrNS(el, NS.xml, 'id') ?? attr(el, 'Id');
		if (id) return `#${id}`;
		return attr(el, 'Name') ?? `inline policy in ${inputName}`;
	}
}

interface NormalizeState {
	registry: PolicyRegistry;
	/** Policies being expanded (loop guard), with their labels for the message. */
	stack: { el: Element; label: string }[];
}

function product(a: RawAlternative[], b: RawAlternative[], reg: PolicyRegistry): RawAlternative[] {
	const out: RawAlternative[] = [];
	for (const x of a) {
		for (const y of b) {
			if (out.length >= MAX_ALTERNATIVES) {
				reg.note(
					'warning',
					`A policy expands to more than ${MAX_ALTERNATIVES} alternatives; only the first ${MAX_ALTERNATIVES} were evaluated`,
				);
				return out;
			}
			out.push([...x, ...y]);
		}
	}
	return out;
}

function isTrue(value: string | null): boolean {
	return value === 'true' || value === '1';
}

function normalizeNode(el: Element, inputName: string, st: NormalizeState): RawAlternative[] {
	const reg = st.registry;
	if (isWsp(el.namespaceURI)) {
		switch (el.localName) {
			case 'Policy':
			case 'All': {
				let alts: RawAlternative[] = [[]];
				for (const child of kids(el))
					alts = product(alts, normalizeNode(child, inputName, st), reg);
				return alts;
			}
			case 'ExactlyOne': {
				const out: RawAlternative[] = [];
				for (const child of kids(el)) {
					for (const alt of normalizeNode(child, inputName, st)) {
						if (out.length < MAX_ALTERNATIVES) out.push(alt);
					}
				}
				return out;
			}
			case 'PolicyReference': {
				const uri = attr(el, 'URI') ?? '';
				return referenced(uri, inputName, st);
			}
			case 'PolicyAttachment':
			case 'AppliesTo':
				return [[]];
		}
	}
	const optional = isTrue(attrNS(el, WSP, 'Optional'));
	return optional ? [[el], []] : [[el]];
}

function referenced(uri: string, inputName: string, st: NormalizeState): RawAlternative[] {
	const target = st.registry.resolve(uri, inputName);
	// An unresolved reference stands for an unknown requirement: keep it as a marker assertion-less
	// alternative so the rest of the policy is still evaluated; the registry has noted it.
	if (!target) return [[]];
	return expandPolicy(target.el, target.inputName, st, uri);
}

function expandPolicy(
	el: Element,
	inputName: string,
	st: NormalizeState,
	label: string,
): RawAlternative[] {
	if (st.stack.some((s) => s.el === el)) {
		const chain = [...st.stack.map((s) => s.label), label].join(' → ');
		st.registry.note('error', `Policy reference loop: ${chain}; the loop was cut`);
		return [[]];
	}
	if (st.stack.length >= MAX_REFERENCE_DEPTH) {
		st.registry.note(
			'error',
			`Policy references nest deeper than ${MAX_REFERENCE_DEPTH} levels at ${label}; the rest was not followed`,
		);
		return [[]];
	}
	st.stack.push({ el, label });
	try {
		return normalizeNode(el, inputName, st);
	} finally {
		st.stack.pop();
	}
}

/** Normalizes a wsp:Policy (or PolicyReference) element into alternatives. */
export function normalizePolicy(
	el: Element,
	inputName: string,
	registry: PolicyRegistry,
): RawAlternative[] {
	const cached = registry.normalizedCache.get(el);
	if (cached) return cached;
	const st: NormalizeState = { registry, stack: [] };
	const result =
		isWsp(el.namespaceURI) && el.localName === 'PolicyReference'
			? referenced(attr(el, 'URI') ?? '', inputName, st)
			: expandPolicy(el, inputName, st, registry.label(el, inputName));
	registry.normalizedCache.set(el, result);
	return result;
}

/** Normalizes the policy at a URI (from @wsp:PolicyURIs). */
export function normalizeUri(
	uri: string,
	inputName: string,
	registry: PolicyRegistry,
): RawAlternative[] {
	return referenced(uri, inputName, { registry, stack: [] });
}

/**
 * The nested policy of an assertion (sp:AsymmetricBinding/wsp:Policy/…), flattened to the
 * assertions of its first alternative; a nested choice is noted, not silently resolved.
 */
export function nestedAssertions(
	el: Element,
	inputName: string,
	registry: PolicyRegistry,
): Element[] {
	const cached = registry.nestedCache.get(el);
	if (cached) return cached;
	const out: Element[] = [];
	registry.nestedCache.set(el, out);
	for (const child of kids(el, WSP)) {
		if (child.localName !== 'Policy' && child.localName !== 'PolicyReference') continue;
		const alts = normalizePolicy(child, inputName, registry);
		if (alts.length > 1) {
			registry.note(
				'info',
				`The nested policy of ${el.tagName} in ${inputName} offers ${alts.length} alternatives; the first is shown`,
			);
		}
		out.push(...(alts[0] ?? []));
	}
	return out;
}

/** Policies attached to a WSDL element: child wsp:Policy / wsp:PolicyReference and @wsp:PolicyURIs. */
export function attachedPolicies(
	el: Element,
	inputName: string,
	registry: PolicyRegistry,
): { label: string; alternatives: RawAlternative[] }[] {
	const out: { label: string; alternatives: RawAlternative[] }[] = [];
	for (const child of kids(el, WSP)) {
		if (child.localName === 'Policy') {
			out.push({
				label: registry.label(child, inputName),
				alternatives: normalizePolicy(child, inputName, registry),
			});
		} else if (child.localName === 'PolicyReference') {
			out.push({
				label: attr(child, 'URI') ?? '(no URI)',
				alternatives: normalizePolicy(child, inputName, registry),
			});
		}
	}
	const uris = attrNS(el, WSP, 'PolicyURIs');
	if (uris) {
		for (const uri of uris.split(/\s+/).filter(Boolean)) {
			out.push({ label: uri, alternatives: normalizeUri(uri, inputName, registry) });
		}
	}
	return out;
}

/** Merges attached policies (logical AND): the product of their alternatives. */
export function mergeAlternatives(
	lists: readonly RawAlternative[][],
	registry: PolicyRegistry,
): RawAlternative[] {
	let alts: RawAlternative[] = [[]];
	for (const l of lists) alts = product(alts, l, registry);
	return alts;
}
