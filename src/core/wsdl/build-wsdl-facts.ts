// Builds the facts of one WSDL (1.1 or 2.0, with the dropped files it imports): services and
// endpoints, bindings, operations with SOAPAction / wsa:Action and message parts, and the
// effective policy of each operation's input and output.
import type { Element } from '@xmldom/xmldom';
import type { ReportEndpoint, ReportPolicy } from '../report/report';
import { describeAlternative } from '../policy/describe';
import {
	attachedPolicies,
	mergeAlternatives,
	type PolicyRegistry,
	type RawAlternative,
} from '../policy/normalize';
import { interpretAlternative } from '../policy/security-policy';
import type { PolicyAlternative } from '../policy/types';
import { attr, attrNS, child, children, qnameKey, resolveQName, type QName } from '../xml/dom';
import type { WsdlFacts, WsdlMessageSide, WsdlNote, WsdlOperation, WsdlPort } from './facts';
import { schemaClosure, wsdlClosure, type DroppedXml, type ImportIndex } from './imports';
import { NS, WSA, WSA_METADATA_NAMESPACES } from '../policy/namespaces';
import { elementPath } from '../xml/paths';

interface Def {
	el: Element;
	doc: DroppedXml;
}

/** Definitions by {namespace}name across the closure, falling back to every dropped WSDL. */
class Definitions {
	private readonly maps = new Map<string, Map<string, Def>>();
	constructor(
		private readonly closure: readonly DroppedXml[],
		private readonly all: readonly DroppedXml[],
	) {}

	private map(kind: string, docs: readonly DroppedXml[]): Map<string, Def> {
		const key = `${kind}:${docs === this.closure ? 'c' : 'a'}`;
		let m = this.maps.get(key);
		if (!m) {
			m = new Map();
			for (const doc of docs) {
				const ns = doc.role === 'wsdl20' ? NS.wsdl20 : NS.wsdl11;
				for (const el of children(doc.root, ns, kind)) {
					const name = attr(el, 'name');
					if (name) m.set(qnameKey({ ns: doc.targetNamespace, local: name }), { el, doc });
				}
			}
			this.maps.set(key, m);
		}
		return m;
	}

	find(kind: string, q: QName | null): Def | null {
		if (!q) return null;
		const k = qnameKey(q);
		return this.map(kind, this.closure).get(k) ?? this.map(kind, this.all).get(k) ?? null;
	}

	list(kind: string): Def[] {
		return [...this.map(kind, this.closure).values()];
	}
}

function schemeOf(address: string): string {
	const m = /^([a-z][a-z0-9+.-]*):/i.exec(address.trim());
	return m ? m[1]!.toLowerCase() : '';
}

interface Attach {
	label: string;
	alternatives: RawAlternative[];
}

interface BuildCtx {
	registry: PolicyRegistry;
	defs: Definitions;
	notes: WsdlNote[];
}

function attached(
	el: Element | null | undefined,
	doc: DroppedXml,
	where: string,
	ctx: BuildCtx,
): Attach[] {
	if (!el) return [];
	return attachedPolicies(el, doc.inputName, ctx.registry).map((a) => ({
		label: `${where} (${a.label})`,
		alternatives: a.alternatives,
	}));
}

/** Externally attached policies (wsp:PolicyAttachment) for WSDL element identifiers. */
function external(ctx: BuildCtx, tns: string | null, ids: readonly string[]): Attach[] {
	return ids.flatMap((id) =>
		ctx.registry
			.external(tns, id)
			.map((a) => ({ label: `external attachment (${a.label})`, alternatives: a.alternatives })),
	);
}

function sideFrom(
	direction: 'input' | 'output',
	attaches: Attach[],
	action: { value: string | null; explicit: boolean },
	parts: WsdlMessageSide['parts'],
	bodyElements: string[],
	schemes: string[],
	inputName: string,
	ctx: BuildCtx,
): WsdlMessageSide {
	const raw = mergeAlternatives(
		attaches.map((a) => a.alternatives),
		ctx.registry,
	);
	const alternatives: PolicyAlternative[] = raw.map((alt) =>
		interpretAlternative(alt, inputName, ctx.registry, (el) => policyOrigin(el)),
	);
	return {
		direction,
		action: action.value,
		actionExplicit: action.explicit,
		parts,
		bodyElements,
		attachedAt: attaches.map((a) => a.label),
		alternatives,
		requirements: alternatives.map((a) => describeAlternative(a, direction, schemes)),
	};
}

/** Where a binding assertion lives: its enclosing policy's id, else its element path. */
function policyOrigin(el: Element): string {
	for (let n = el.parentNode; n; n = n.parentNode) {
		const e = n as Element;
		if (e.localName === 'Policy' && (NS.wsp12 === e.namespaceURI || NS.wsp15 === e.namespaceURI)) {
			const id =
				attrNS(e, NS.wsu, 'Id') ?? attr(e, 'Id') ?? attrNS(e, NS.xml, 'id') ?? attr(e, 'Name');
			if (id) return `#${id}`;
		}
	}
	// the one element-path format of src/core (xml/paths.ts)
	return elementPath(el);
}

function defaultAction(tns: string | null, iface: string, msgName: string): string {
	const base = tns ?? '';
	const delim = base.startsWith('urn:') ? ':' : '/';
	return `${base}${base.endsWith(delim) ? '' : delim}${iface}${delim}${msgName}`;
}

function explicitAction(el: Element | null): string | null {
	if (!el) return null;
	// wsam:/wsaw:Action, or wsa:Action in any WS-Addressing version (the one table)
	return attrNS(el, [...WSA_METADATA_NAMESPACES, ...WSA], 'Action');
}

// ---------------------------------------------------------------- WSDL 1.1

function build11(ctx: BuildCtx): { ports: WsdlPort[]; operations: WsdlOperation[] } {
	const { defs } = ctx;
	const ports: WsdlPort[] = [];
	const portElements = new Map<string, { port: Element; service: Element; doc: DroppedXml }[]>();
	for (const { el: service, doc } of defs.list('service')) {
		for (const port of children(service, NS.wsdl11, 'port')) {
			const bindingQ = resolveQName(port, attr(port, 'binding'));
			const binding = defs.find('binding', bindingQ);
			if (!binding)
				ctx.notes.push({
					level: 'error',
					message: `Port ${attr(port, 'name')} names binding ${attr(port, 'binding')}, which no dropped file defines`,
				});
			const addrEl =
				child(port, NS.soap11Binding, 'address') ??
				child(port, NS.soap12Binding, 'address') ??
				child(port, NS.httpBinding, 'address');
			const address = addrEl ? (attr(addrEl, 'location') ?? '') : '';
			const bindingType = bindingTypeOf(binding?.el ?? null);
			const portType = binding ? resolveQName(binding.el, attr(binding.el, 'type')) : null;
			ports.push({
				service: attr(service, 'name') ?? '',
				port: attr(port, 'name') ?? '',
				address,
				scheme: schemeOf(address),
				binding: bindingQ?.local ?? '',
				interfaceName: portType?.local ?? null,
				bindingType,
			});
			const key = bindingQ ? qnameKey(bindingQ) : '';
			const list = portElements.get(key) ?? [];
			list.push({ port, service, doc });
			portElements.set(key, list);
		}
	}
	const operations: WsdlOperation[] = [];
	for (const { el: binding, doc } of defs.list('binding')) {
		const bindingName = attr(binding, 'name') ?? '';
		const bindingKey = qnameKey({ ns: doc.targetNamespace, local: bindingName });
		const usedBy = portElements.get(bindingKey) ?? [];
		const schemes = ports.filter((p) => p.binding === bindingName).map((p) => p.scheme);
		const portTypeQ = resolveQName(binding, attr(binding, 'type'));
		const portType = defs.find('portType', portTypeQ);
		if (!portType && portTypeQ)
			ctx.notes.push({
				level: 'error',
				message: `Binding ${bindingName} implements portType ${attr(binding, 'type')}, which no dropped file defines`,
			});
		// By name, once per binding: a linear search per operation is quadratic on large services.
		const portTypeOps = new Map<string, Element>();
		for (const o of portType ? children(portType.el, NS.wsdl11, 'operation') : []) {
			const n = attr(o, 'name');
			if (n !== null && !portTypeOps.has(n)) portTypeOps.set(n, o);
		}
		const soapBinding =
			child(binding, NS.soap11Binding, 'binding') ?? child(binding, NS.soap12Binding, 'binding');
		const defaultStyle = soapBinding ? attr(soapBinding, 'style') : null;
		const firstPort = usedBy[0];
		for (const other of usedBy.slice(1)) {
			if (attachedPolicies(other.port, other.doc.inputName, ctx.registry).length === 0) continue;
			ctx.notes.push({
				level: 'warning',
				message: `Port ${attr(other.port, 'name') ?? ''} has its own policy, but the operations of binding ${bindingName} are shown with the policy of port ${attr(firstPort!.port, 'name') ?? ''}`,
			});
		}
		const endpointAttach = [
			...(firstPort ? attached(firstPort.service, firstPort.doc, 'service', ctx) : []),
			...(firstPort ? attached(firstPort.port, firstPort.doc, 'port', ctx) : []),
			...attached(portType?.el, portType?.doc ?? doc, 'portType', ctx),
			...attached(binding, doc, 'binding', ctx),
			...external(ctx, doc.targetNamespace, [`wsdl11.binding(${bindingName})`]),
			...(portType
				? external(ctx, portType.doc.targetNamespace, [
						`wsdl11.portType(${attr(portType.el, 'name') ?? ''})`,
					])
				: []),
			...(firstPort
				? external(ctx, firstPort.doc.targetNamespace, [
						`wsdl11.service(${attr(firstPort.service, 'name') ?? ''})`,
						`wsdl11.port(${attr(firstPort.service, 'name') ?? ''}/${attr(firstPort.port, 'name') ?? ''})`,
					])
				: []),
		];
		const usingAddressing = children(binding, WSA_METADATA_NAMESPACES).some(
			(k) => k.localName === 'UsingAddressing',
		);
		for (const bop of children(binding, NS.wsdl11, 'operation')) {
			const name = attr(bop, 'name') ?? '';
			const pop = portTypeOps.get(name) ?? null;
			const soapOp =
				child(bop, NS.soap11Binding, 'operation') ?? child(bop, NS.soap12Binding, 'operation');
			const style =
				(soapOp ? attr(soapOp, 'style') : null) ??
				defaultStyle ??
				(soapBinding ? 'document' : null);
			const opAttach = [
				...attached(pop, portType?.doc ?? doc, 'portType operation', ctx),
				...attached(bop, doc, 'binding operation', ctx),
				...external(ctx, doc.targetNamespace, [`wsdl11.bindingOperation(${bindingName}/${name})`]),
				...(portType
					? external(ctx, portType.doc.targetNamespace, [
							`wsdl11.portType.operation(${attr(portType.el, 'name') ?? ''}/${name})`,
						])
					: []),
			];
			const side = (direction: 'input' | 'output'): WsdlMessageSide | null => {
				const pEl = pop ? child(pop, NS.wsdl11, direction) : null;
				const bEl = child(bop, NS.wsdl11, direction);
				if (!pEl && !bEl) return null;
				const msgQ = pEl ? resolveQName(pEl, attr(pEl, 'message')) : null;
				const msg = defs.find('message', msgQ);
				if (msgQ && !msg)
					ctx.notes.push({
						level: 'error',
						message: `Operation ${name} ${direction} names message ${attr(pEl, 'message')}, which no dropped file defines`,
					});
				const parts = msg
					? children(msg.el, NS.wsdl11, 'part').map((p) => {
							const e = resolveQName(p, attr(p, 'element'));
							const t = resolveQName(p, attr(p, 'type'));
							return {
								name: attr(p, 'name') ?? '',
								element: e ? qnameKey(e) : null,
								type: t ? qnameKey(t) : null,
							};
						})
					: [];
				const soapBody = bEl
					? (child(bEl, NS.soap11Binding, 'body') ?? child(bEl, NS.soap12Binding, 'body'))
					: null;
				const partsAttr = soapBody ? attr(soapBody, 'parts') : null;
				const bodyParts = partsAttr === null ? null : partsAttr.split(/\s+/).filter(Boolean);
				const bodyElements =
					style === 'rpc'
						? [
								`{${(soapBody ? attr(soapBody, 'namespace') : null) ?? ''}}${direction === 'input' ? name : `${name}Response`}`,
							]
						: parts
								.filter((p) => !bodyParts || bodyParts.includes(p.name))
								.flatMap((p) => (p.element ? [p.element] : []));
				const explicit = explicitAction(pEl);
				const msgName =
					(pEl ? attr(pEl, 'name') : null) ??
					`${name}${direction === 'input' ? 'Request' : 'Response'}`;
				const value =
					explicit ??
					(portType
						? defaultAction(portType.doc.targetNamespace, attr(portType.el, 'name') ?? '', msgName)
						: null);
				const attaches = [
					...endpointAttach,
					...opAttach,
					...attached(msg?.el, msg?.doc ?? doc, 'message', ctx),
					...attached(pEl, portType?.doc ?? doc, `portType ${direction}`, ctx),
					...attached(bEl, doc, `binding ${direction}`, ctx),
					...external(ctx, doc.targetNamespace, [
						`wsdl11.bindingOperation.${direction}(${bindingName}/${name})`,
					]),
					...(msg
						? external(ctx, msg.doc.targetNamespace, [
								`wsdl11.message(${attr(msg.el, 'name') ?? ''})`,
							])
						: []),
				];
				const s = sideFrom(
					direction,
					attaches,
					{ value, explicit: explicit !== null },
					parts,
					bodyElements,
					schemes,
					doc.inputName,
					ctx,
				);
				if (usingAddressing) for (const a of s.alternatives) a.addressing = true;
				return s;
			};
			operations.push({
				binding: bindingName,
				interfaceName: portTypeQ?.local ?? null,
				name,
				soapAction: soapOp ? attr(soapOp, 'soapAction') : null,
				style,
				input: side('input'),
				output: side('output'),
			});
		}
	}
	return { ports, operations };
}

function bindingTypeOf(binding: Element | null): WsdlPort['bindingType'] {
	if (!binding) return 'unknown';
	if (child(binding, NS.soap11Binding, 'binding')) return 'soap11';
	if (child(binding, NS.soap12Binding, 'binding')) return 'soap12';
	if (child(binding, NS.httpBinding, 'binding')) return 'http';
	const type = attr(binding, 'type');
	if (type === NS.wsdl20Soap) {
		const v = attrNS(binding, NS.wsdl20Soap, 'version');
		return v === '1.1' ? 'soap11' : 'soap12';
	}
	if (type === NS.wsdl20Http) return 'http';
	return 'unknown';
}

// ---------------------------------------------------------------- WSDL 2.0

function build20(ctx: BuildCtx): { ports: WsdlPort[]; operations: WsdlOperation[] } {
	const { defs } = ctx;
	const ports: WsdlPort[] = [];
	const endpointsByBinding = new Map<
		string,
		{ endpoint: Element; service: Element; doc: DroppedXml }[]
	>();
	for (const { el: service, doc } of defs.list('service')) {
		for (const ep of children(service, NS.wsdl20, 'endpoint')) {
			const bindingQ = resolveQName(ep, attr(ep, 'binding'));
			const binding = defs.find('binding', bindingQ);
			if (!binding)
				ctx.notes.push({
					level: 'error',
					message: `Endpoint ${attr(ep, 'name')} names binding ${attr(ep, 'binding')}, which no dropped file defines`,
				});
			const address = attr(ep, 'address') ?? '';
			const iface = resolveQName(service, attr(service, 'interface'));
			ports.push({
				service: attr(service, 'name') ?? '',
				port: attr(ep, 'name') ?? '',
				address,
				scheme: schemeOf(address),
				binding: bindingQ?.local ?? '',
				interfaceName: iface?.local ?? null,
				bindingType: bindingTypeOf(binding?.el ?? null),
			});
			const key = bindingQ ? qnameKey(bindingQ) : '';
			const list = endpointsByBinding.get(key) ?? [];
			list.push({ endpoint: ep, service, doc });
			endpointsByBinding.set(key, list);
		}
	}
	const operations: WsdlOperation[] = [];
	for (const { el: binding, doc } of defs.list('binding')) {
		const bindingName = attr(binding, 'name') ?? '';
		const schemes = ports.filter((p) => p.binding === bindingName).map((p) => p.scheme);
		const ifaceQ = resolveQName(binding, attr(binding, 'interface'));
		const iface = defs.find('interface', ifaceQ);
		if (ifaceQ && !iface)
			ctx.notes.push({
				level: 'error',
				message: `Binding ${bindingName} names interface ${attr(binding, 'interface')}, which no dropped file defines`,
			});
		const first = (endpointsByBinding.get(
			qnameKey({ ns: doc.targetNamespace, local: bindingName }),
		) ?? [])[0];
		const endpointAttach = [
			...(first ? attached(first.service, first.doc, 'service', ctx) : []),
			...(first ? attached(first.endpoint, first.doc, 'endpoint', ctx) : []),
			...attached(iface?.el, iface?.doc ?? doc, 'interface', ctx),
			...attached(binding, doc, 'binding', ctx),
		];
		const ifaceOps = iface ? children(iface.el, NS.wsdl20, 'operation') : [];
		const bops = children(binding, NS.wsdl20, 'operation');
		const ifaceByName = new Map<string, Element>();
		for (const o of ifaceOps) {
			const n = attr(o, 'name');
			if (n !== null && !ifaceByName.has(n)) ifaceByName.set(n, o);
		}
		const bopByName = new Map<string, Element>();
		for (const b of bops) {
			const n = resolveQName(b, attr(b, 'ref'))?.local;
			if (n && !bopByName.has(n)) bopByName.set(n, b);
		}
		const names = new Set([
			...ifaceOps.map((o) => attr(o, 'name') ?? ''),
			...bops.map((b) => resolveQName(b, attr(b, 'ref'))?.local ?? ''),
		]);
		for (const name of names) {
			if (!name) continue;
			const iop = ifaceByName.get(name) ?? null;
			const bop = bopByName.get(name) ?? null;
			const soapAction = bop ? attrNS(bop, NS.wsdl20Soap, 'action') : null;
			const opAttach = [
				...attached(iop, iface?.doc ?? doc, 'interface operation', ctx),
				...attached(bop, doc, 'binding operation', ctx),
			];
			const side = (direction: 'input' | 'output'): WsdlMessageSide | null => {
				const iEl = iop ? child(iop, NS.wsdl20, direction) : null;
				const bEl = bop ? child(bop, NS.wsdl20, direction) : null;
				if (!iEl && !bEl) return null;
				const elQ = iEl ? resolveQName(iEl, attr(iEl, 'element')) : null;
				const element = elQ && !attr(iEl, 'element')?.startsWith('#') ? qnameKey(elQ) : null;
				const explicit = explicitAction(iEl);
				const value =
					explicit ??
					(iface
						? defaultAction(
								iface.doc.targetNamespace,
								attr(iface.el, 'name') ?? '',
								`${name}${direction === 'input' ? 'Request' : 'Response'}`,
							)
						: null);
				const attaches = [
					...endpointAttach,
					...opAttach,
					...attached(iEl, iface?.doc ?? doc, `interface ${direction}`, ctx),
					...attached(bEl, doc, `binding ${direction}`, ctx),
				];
				return sideFrom(
					direction,
					attaches,
					{ value, explicit: explicit !== null },
					element ? [{ name: direction, element, type: null }] : [],
					element ? [element] : [],
					schemes,
					doc.inputName,
					ctx,
				);
			};
			operations.push({
				binding: bindingName,
				interfaceName: ifaceQ?.local ?? null,
				name,
				soapAction,
				style: null,
				input: side('input'),
				output: side('output'),
			});
		}
	}
	return { ports, operations };
}

// ---------------------------------------------------------------- facts

function contractPolicies(inputName: string, operations: WsdlOperation[]): ReportPolicy[] {
	const out: ReportPolicy[] = [];
	for (const op of operations) {
		for (const side of [op.input, op.output]) {
			if (!side) continue;
			side.alternatives.forEach((alt, i) => {
				const n = side.alternatives.length;
				out.push({
					inputName,
					subject: `${op.binding}/${op.name} ${side.direction}${n > 1 ? ` (alternative ${i + 1} of ${n})` : ''}`,
					binding: alt.binding,
					algorithmSuite: alt.algorithmSuite,
					includeTimestamp: alt.includeTimestamp,
					signedParts: partNames(alt.signedParts),
					encryptedParts: partNames(alt.encryptedParts),
					tokens: [...new Set(alt.tokens.map(tokenName))],
				});
			});
			if (side.alternatives.length === 0) {
				out.push({
					inputName,
					subject: `${op.binding}/${op.name} ${side.direction} (no acceptable alternative)`,
					binding: 'none',
					algorithmSuite: null,
					includeTimestamp: false,
					signedParts: [],
					encryptedParts: [],
					tokens: [],
				});
			}
		}
	}
	return out;
}

function partNames(p: PolicyAlternative['signedParts']): string[] {
	const out: string[] = [];
	if (p.body) out.push('Body');
	if (p.allHeaders) out.push('Headers');
	out.push(...p.headers.map((h) => `Header ${h}`));
	if (p.attachments) out.push('Attachments');
	return out;
}

function tokenName(t: PolicyAlternative['tokens'][number]): string {
	switch (t.type) {
		case 'X509':
			return t.options.some((o) => /^WssX509V3Token/.test(o)) ? 'X509V3' : 'X509Token';
		case 'UsernameToken':
			return 'UsernameToken';
		case 'HttpsToken':
			return 'HttpsToken';
		case 'SAML':
			return 'SamlToken';
		case 'Kerberos':
			return 'KerberosToken';
		case 'IssuedToken':
			return 'IssuedToken';
		case 'SecureConversation':
			return 'SecureConversationToken';
		case 'SpnegoContext':
			return 'SpnegoContextToken';
		case 'KeyValue':
			return 'KeyValueToken';
		default:
			return t.assertion.replace(/^.*:/, '');
	}
}

export function buildWsdlFacts(
	root: DroppedXml,
	idx: ImportIndex,
	registry: PolicyRegistry,
	allWsdls: readonly DroppedXml[],
): WsdlFacts {
	const notes: WsdlNote[] = [];
	const closure = wsdlClosure(root, idx, notes);
	const imports = schemaClosure(closure, idx, notes);
	const defs = new Definitions(closure, allWsdls);
	const ctx: BuildCtx = { registry, defs, notes };
	const built = root.role === 'wsdl20' ? build20(ctx) : build11(ctx);
	const endpoints: ReportEndpoint[] = built.ports.map((p) => ({
		inputName: root.inputName,
		service: p.service,
		port: p.port,
		address: p.address,
		secure: p.scheme === 'https',
		binding: p.bindingType === 'soap12' ? 'soap12' : p.bindingType === 'http' ? 'http' : 'soap11',
	}));
	for (const p of built.ports) {
		if (!p.address)
			notes.push({ level: 'warning', message: `Port ${p.service}/${p.port} has no address` });
	}
	const unknown = new Set<string>();
	for (const op of built.operations)
		for (const side of [op.input, op.output])
			for (const alt of side?.alternatives ?? [])
				for (const u of alt.unknownAssertions) unknown.add(u);
	for (const u of unknown)
		notes.push({ level: 'warning', message: `Unknown policy assertion ${u}: not evaluated` });
	const seen = new Set<string>();
	const unique = notes.filter((n) => !seen.has(n.message) && seen.add(n.message));
	return {
		inputName: root.inputName,
		kind: 'wsdl',
		version: root.role === 'wsdl20' ? '2.0' : '1.1',
		targetNamespace: root.targetNamespace,
		members: closure.slice(1).map((d) => d.inputName),
		endpoints,
		ports: built.ports,
		policies: contractPolicies(root.inputName, built.operations),
		operations: built.operations,
		imports,
		notes: unique,
		messages: [],
	};
}
