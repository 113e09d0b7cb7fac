// Imports and includes of dropped WSDL and XSD files, resolved among the dropped files by location
// (file name) and namespace; nothing is ever fetched. Missing files are named.
import type { Element } from '@xmldom/xmldom';
import { attr, descendants, kids } from '../xml/ns-dom';
import type { WsdlImport, WsdlNote } from './facts';
import { NS } from '../policy/namespaces';

/** A dropped XML document as the WSDL stage sees it. */
export interface DroppedXml {
	inputName: string;
	root: Element;
	role: 'wsdl11' | 'wsdl20' | 'xsd' | 'policy' | 'other';
	targetNamespace: string | null;
}

/** A dropped file that did not parse as XML (an HTML error page saved as .wsdl, say). */
export interface DroppedOther {
	inputName: string;
	why: string;
}

/** Namespaces every processor knows without a schema document. */
const BUILT_IN = new Set([
	'http://schemas.xmlsoap.org/soap/encoding/',
	'http://www.w3.org/2003/05/soap-encoding',
	'http://www.w3.org/XML/1998/namespace',
	NS.xsd,
	NS.wsdl11,
	'http://ws-i.org/profiles/basic/1.1/xsd',
]);

export function roleOf(root: Element): DroppedXml['role'] {
	const ns = root.namespaceURI;
	const local = root.localName;
	if (ns === NS.wsdl11 && local === 'definitions') return 'wsdl11';
	if (ns === NS.wsdl20 && local === 'description') return 'wsdl20';
	if (ns === NS.xsd && local === 'schema') return 'xsd';
	if ((ns === NS.wsp12 || ns === NS.wsp15) && (local === 'Policy' || local === 'PolicyAttachment'))
		return 'policy';
	return 'other';
}

export function baseName(location: string): string {
	const clean = location.split('#')[0]!.split('?')[0]!;
	return decodeURIComponent(
		clean.slice(clean.lastIndexOf('/') + 1).replace(/%(?![0-9a-f]{2})/gi, '%25'),
	);
}

interface RawImport {
	kind: WsdlImport['kind'];
	namespace: string | null;
	location: string | null;
}

/** The import / include declarations of one document (WSDL, its inline schemas, or an XSD). */
export function declaredImports(doc: DroppedXml): RawImport[] {
	const out: RawImport[] = [];
	const wsdlNs = doc.role === 'wsdl20' ? NS.wsdl20 : NS.wsdl11;
	if (doc.role === 'wsdl11' || doc.role === 'wsdl20') {
		for (const el of kids(doc.root, wsdlNs, 'import')) {
			out.push({
				kind: 'wsdl:import',
				namespace: attr(el, 'namespace'),
				location: attr(el, 'location'),
			});
		}
		for (const el of kids(doc.root, wsdlNs, 'include')) {
			out.push({ kind: 'wsdl:include', namespace: null, location: attr(el, 'location') });
		}
	}
	const schemas =
		doc.role === 'xsd'
			? [doc.root]
			: kids(doc.root, wsdlNs, 'types').flatMap((t) => kids(t, NS.xsd, 'schema'));
	for (const s of schemas) {
		for (const el of kids(s, NS.xsd)) {
			const local = el.localName;
			if (local === 'import' || local === 'include' || local === 'redefine') {
				out.push({
					kind: `xsd:${local}`,
					namespace: local === 'import' ? attr(el, 'namespace') : attr(s, 'targetNamespace'),
					location: attr(el, 'schemaLocation'),
				});
			}
		}
	}
	return out;
}

/** Target namespaces of the schemas inline in a WSDL's types. */
export function inlineSchemaNamespaces(doc: DroppedXml): string[] {
	if (doc.role === 'xsd') return [attr(doc.root, 'targetNamespace') ?? ''];
	return descendants(doc.root, NS.xsd, 'schema').map((s) => attr(s, 'targetNamespace') ?? '');
}

export interface ImportIndex {
	docs: readonly DroppedXml[];
	others: readonly DroppedOther[];
	byName: Map<string, DroppedXml>;
}

export function indexDropped(
	docs: readonly DroppedXml[],
	others: readonly DroppedOther[],
): ImportIndex {
	const byName = new Map<string, DroppedXml>();
	for (const d of docs) byName.set(d.inputName, d);
	return { docs, others, byName };
}

/** Resolves one declaration made in `from`. */
export function resolveImport(raw: RawImport, from: DroppedXml, idx: ImportIndex): WsdlImport {
	const base = {
		from: from.inputName,
		kind: raw.kind,
		namespace: raw.namespace,
		location: raw.location,
	};
	const isSchemaImport = raw.kind.startsWith('xsd:');
	if (raw.location) {
		const file = baseName(raw.location);
		const hit = idx.byName.get(file);
		if (hit && hit !== from) {
			const fits = isSchemaImport
				? hit.role === 'xsd' || hit.role === 'wsdl11'
				: hit.role === 'wsdl11' || hit.role === 'wsdl20' || hit.role === 'xsd';
			return {
				...base,
				resolvedTo: hit.inputName,
				status: 'resolved',
				note: fits
					? `resolved to the dropped file ${hit.inputName}`
					: `resolved to ${hit.inputName}, which is not a ${isSchemaImport ? 'schema' : 'WSDL or schema'} (root <${hit.root.tagName}>)`,
			};
		}
		const broken = idx.others.find((o) => o.inputName === file);
		if (broken) {
			return {
				...base,
				resolvedTo: null,
				status: 'missing',
				note: `${file} was dropped but could not be read: ${broken.why}`,
			};
		}
	}
	if (raw.namespace) {
		if (
			isSchemaImport &&
			inlineSchemaNamespaces(from).includes(raw.namespace) &&
			raw.kind === 'xsd:import' &&
			from.role !== 'xsd'
		) {
			return {
				...base,
				resolvedTo: from.inputName,
				status: 'inline',
				note: 'declared by a schema inline in the same file',
			};
		}
		const byNs = idx.docs.find(
			(d) =>
				d !== from &&
				d.targetNamespace === raw.namespace &&
				(isSchemaImport ? d.role === 'xsd' || d.role === 'wsdl11' : d.role !== 'policy'),
		);
		if (byNs) {
			return {
				...base,
				resolvedTo: byNs.inputName,
				status: 'resolved',
				note: `resolved by namespace to the dropped file ${byNs.inputName}${raw.location ? ` (location ${raw.location} differs)` : ''}`,
			};
		}
		if (BUILT_IN.has(raw.namespace) && !raw.location) {
			return {
				...base,
				resolvedTo: null,
				status: 'not-needed',
				note: 'a built-in namespace; no file needed',
			};
		}
	}
	const what = raw.location
		? `${raw.location.slice(raw.location.lastIndexOf('/') + 1) || raw.location} is missing: drop it beside this file (it is never fetched)`
		: raw.namespace
			? `no dropped file declares the namespace ${raw.namespace}`
			: 'the declaration has neither location nor namespace';
	return { ...base, resolvedTo: null, status: 'missing', note: what };
}

/**
 * The dropped WSDL files reachable from `root` through wsdl:import / wsdl:include, root first.
 * Cycles are noted and cut: every file is read once.
 */
export function wsdlClosure(root: DroppedXml, idx: ImportIndex, notes: WsdlNote[]): DroppedXml[] {
	const order: DroppedXml[] = [];
	const seen = new Set<DroppedXml>();
	const walk = (doc: DroppedXml, path: DroppedXml[]): void => {
		if (seen.has(doc)) {
			const at = path.indexOf(doc);
			if (at !== -1) {
				const chain = [...path.slice(at), doc].map((d) => d.inputName).join(' → ');
				notes.push({
					level: 'warning',
					message: `Circular import: ${chain} (each file is read once)`,
				});
			}
			return;
		}
		seen.add(doc);
		order.push(doc);
		for (const raw of declaredImports(doc)) {
			if (raw.kind !== 'wsdl:import' && raw.kind !== 'wsdl:include') continue;
			const r = resolveImport(raw, doc, idx);
			const next = r.resolvedTo ? idx.byName.get(r.resolvedTo) : undefined;
			if (next && (next.role === 'wsdl11' || next.role === 'wsdl20')) walk(next, [...path, doc]);
		}
	};
	walk(root, []);
	return order;
}

/** Schemas (dropped XSD files) reachable from the closure, with cycles cut. */
export function schemaClosure(
	start: readonly DroppedXml[],
	idx: ImportIndex,
	notes: WsdlNote[],
): WsdlImport[] {
	const out: WsdlImport[] = [];
	const seen = new Set<DroppedXml>(start);
	const queue = [...start];
	while (queue.length) {
		const doc = queue.shift()!;
		for (const raw of declaredImports(doc)) {
			const r = resolveImport(raw, doc, idx);
			out.push(r);
			const next = r.resolvedTo ? idx.byName.get(r.resolvedTo) : undefined;
			if (!next || r.status !== 'resolved') continue;
			if (seen.has(next)) {
				if (
					next.role === 'xsd' &&
					declaredImports(next).some((i) => i.location && baseName(i.location) === doc.inputName)
				) {
					const message = `Circular schema import: ${doc.inputName} ↔ ${next.inputName} (each file is read once)`;
					if (
						!notes.some(
							(n) =>
								n.message === message ||
								n.message ===
									`Circular schema import: ${next.inputName} ↔ ${doc.inputName} (each file is read once)`,
						)
					)
						notes.push({ level: 'info', message });
				}
				continue;
			}
			seen.add(next);
			if (next.role === 'xsd') queue.push(next);
		}
	}
	return out;
}
