// Parser for WSDL inputs and the WSDL / WS-Policy stage: resolves imports and policy
// references among the dropped files, writes facts.wsdls, and matches captured envelopes to
// their operations for the policy check.
import type { Element } from '@xmldom/xmldom';
import type { AnalysisFacts } from '../facts';
import type { InputKind } from '../report/report';
import { ParseError, reasonOf } from '../errors';
import type { ParseOutcome, Parser, Stage, XmlDocumentRef } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { parseXmlInput } from '../xml/xml-input';
import { normalizePolicy, PolicyRegistry } from '../policy/normalize';
import { interpretAlternative } from '../policy/security-policy';
import { readCapturedMessage } from '../policy/envelope';
import { matchMessage } from './match-message';
import { judgePolicyPositions } from './policy-positions';
import type { MessageMatch, PolicyAlternative } from '../policy/types';
import { attr } from '../xml/dom';
import type { WsdlFacts } from './facts';
import {
	declaredImports,
	indexDropped,
	resolveImport,
	roleOf,
	type DroppedOther,
	type DroppedXml,
} from './imports';
import { buildWsdlFacts } from './build-wsdl-facts';
import { wcfConfigFacts } from './wcf-config';
import { utf8OrNull } from '../bytes/encoding';

/**
 * Some WSDL and schema files carry a DOCTYPE without entity declarations (the W3C schemas do).
 * The safe parser refuses any DOCTYPE; a bare one is blanked out (same length, so line and column
 * stay true) and the file parsed again. A DOCTYPE that declares entities stays refused.
 */
async function parseAllowingBareDoctype(
	ctx: Parameters<Parser>[0],
): Promise<{ outcome: ParseOutcome; doctype: boolean }> {
	try {
		return { outcome: await parseXmlInput(ctx), doctype: false };
	} catch (error) {
		const text = ctx.text;
		if (!(error instanceof ParseError) || error.code !== 'xml/doctype' || text === null)
			throw error;
		if (/<!ENTITY/i.test(text)) throw error;
		const blanked = text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, (m) =>
			m.replace(/[^\n]/g, ' '),
		);
		return { outcome: { facts: {}, material: {}, xml: parseXml(blanked) }, doctype: true };
	}
}

const parseWsdl: Parser = async (ctx) => {
	const { outcome, doctype } = await parseAllowingBareDoctype(ctx);
	const root = outcome.xml?.doc.documentElement;
	const role = root ? roleOf(root) : 'other';
	const version = role === 'wsdl20' ? 'WSDL 2.0 description' : 'WSDL 1.1 definitions';
	const tns = root ? attr(root, 'targetNamespace') : null;
	return {
		...outcome,
		detail: {
			area: 'wsdl',
			data: {
				summary: `${version}${tns ? ` for ${tns}` : ''}${doctype ? ' (its DOCTYPE, which declares no entity, was ignored)' : ''}`,
				wsdlIndex: null,
				importedBy: null,
			},
		},
	};
};

export const parsers: Partial<Record<InputKind, Parser>> = { wsdl: parseWsdl };

function summaryOf(w: WsdlFacts): string {
	const ops = w.operations.length;
	const secured = w.operations.filter((o) =>
		o.input?.alternatives.some((a) => a.binding !== 'none'),
	).length;
	const missing = w.imports.filter((i) => i.status === 'missing').length;
	return [
		`WSDL ${w.version}`,
		`${w.endpoints.length} endpoint${w.endpoints.length === 1 ? '' : 's'}`,
		`${ops} operation${ops === 1 ? '' : 's'} (${secured} with a security policy)`,
		missing ? `${missing} import${missing === 1 ? '' : 's'} missing` : null,
	]
		.filter(Boolean)
		.join(', ');
}

function emptyWsdl(inputName: string, version: '1.1' | '2.0'): WsdlFacts {
	return {
		inputName,
		kind: 'wsdl',
		version,
		targetNamespace: null,
		members: [],
		endpoints: [],
		ports: [],
		policies: [],
		operations: [],
		imports: [],
		notes: [],
		messages: [],
	};
}

/** Picks the WSDL files nobody imports (one per import cycle when all are imported). */
function rootsOf(
	wsdls: readonly DroppedXml[],
	idx: ReturnType<typeof indexDropped>,
): { roots: DroppedXml[]; importedBy: Map<string, string> } {
	const importedBy = new Map<string, string>();
	for (const w of wsdls) {
		for (const raw of declaredImports(w)) {
			if (raw.kind !== 'wsdl:import' && raw.kind !== 'wsdl:include') continue;
			const r = resolveImport(raw, w, idx);
			const target = r.resolvedTo ? idx.byName.get(r.resolvedTo) : undefined;
			if (
				target &&
				target !== w &&
				(target.role === 'wsdl11' || target.role === 'wsdl20') &&
				!importedBy.has(target.inputName)
			)
				importedBy.set(target.inputName, w.inputName);
		}
	}
	const roots = wsdls.filter((w) => !importedBy.has(w.inputName));
	// Every file of a cycle is imported by another: keep the first one as root.
	const covered = new Set<string>();
	const reach = (w: DroppedXml): void => {
		if (covered.has(w.inputName)) return;
		covered.add(w.inputName);
		for (const raw of declaredImports(w)) {
			const r = resolveImport(raw, w, idx);
			const t = r.resolvedTo ? idx.byName.get(r.resolvedTo) : undefined;
			if (t && (t.role === 'wsdl11' || t.role === 'wsdl20')) reach(t);
		}
	};
	roots.forEach(reach);
	for (const w of wsdls) {
		if (covered.has(w.inputName)) continue;
		roots.push(w);
		importedBy.delete(w.inputName);
		reach(w);
	}
	return { roots, importedBy };
}

/**
 * The positions a policy names (signed / encrypted headers and elements) judged over a message's
 * signatures: the document as received and, for signatures found after decryption
 * (sign-then-encrypt), the decrypted document. Returns the notes (XPaths it could not evaluate).
 */
function judgePositions(
	facts: AnalysisFacts,
	alternatives: readonly PolicyAlternative[],
	d: XmlDocumentRef,
	decrypted: readonly XmlDocumentRef[],
): string[] {
	if (alternatives.length === 0) return [];
	const sigs = facts.signatures.filter((s) => s.inputName === d.inputName);
	const opened = decrypted.filter((x) => x.inputName === d.inputName).at(-1);
	const notes = new Set<string>();
	for (const [origin, doc] of [
		['input', d.xml.doc],
		['decrypted', opened?.xml.doc],
	] as const) {
		const mine = sigs.filter((s) => s.documentOrigin === origin);
		if (!doc || mine.length === 0) continue;
		for (const n of judgePolicyPositions(doc, alternatives, mine).notes) notes.add(n);
	}
	return [...notes].map((n) => `${d.inputName}: ${n}`);
}

/** The input side's alternatives of the operation a message matched. */
function matchedAlternatives(owner: WsdlFacts, match: MessageMatch): PolicyAlternative[] {
	const op = owner.operations.find(
		(o) => o.binding === match.binding && o.name === match.operation,
	);
	return op?.[match.direction]?.alternatives ?? [];
}

/**
 * Policies dropped on their own (a wsp:Policy document, as a CXF or Metro service keeps it beside
 * its configuration): the alternatives of each, for messages no WSDL operation claims.
 */
function standalonePolicies(
	dropped: readonly DroppedXml[],
	policyDocs: readonly { inputName: string; root: Element }[],
): { inputName: string; alternatives: PolicyAlternative[] }[] {
	const out: { inputName: string; alternatives: PolicyAlternative[] }[] = [];
	for (const p of dropped) {
		if (p.role !== 'policy' || p.root.localName !== 'Policy') continue;
		const registry = new PolicyRegistry(policyDocs);
		const raw = normalizePolicy(p.root, p.inputName, registry);
		out.push({
			inputName: p.inputName,
			alternatives: raw.map((alt) =>
				interpretAlternative(alt, p.inputName, registry, () => p.inputName),
			),
		});
	}
	return out;
}

export function runWsdlStage(
	facts: AnalysisFacts,
	documents: readonly XmlDocumentRef[],
	configs: readonly { inputName: string; text: string }[] = [],
): void {
	const dropped: DroppedXml[] = [];
	for (const d of documents) {
		if (d.origin !== 'input') continue;
		const root = d.xml.doc.documentElement;
		if (!root) continue;
		const role = roleOf(root);
		dropped.push({
			inputName: d.inputName,
			root,
			role,
			targetNamespace: attr(root, 'targetNamespace'),
		});
	}
	const others: DroppedOther[] = facts.inputs
		.filter((i) => i.status === 'error' || i.kind === 'unknown')
		.map((i) => ({ inputName: i.name, why: i.error ?? i.kindReason }));
	const idx = indexDropped(dropped, others);
	const wsdls = dropped.filter((d) => d.role === 'wsdl11' || d.role === 'wsdl20');
	const { roots, importedBy } = rootsOf(wsdls, idx);
	const policyDocs = dropped.map((d) => ({ inputName: d.inputName, root: d.root }));
	const built: WsdlFacts[] = [];
	for (const root of roots) {
		const registry = new PolicyRegistry(policyDocs);
		let w: WsdlFacts;
		try {
			w = buildWsdlFacts(root, idx, registry, wsdls);
		} catch (error) {
			// A bug must not take the other files' analysis down with it: say so on this WSDL.
			w = emptyWsdl(root.inputName, root.role === 'wsdl20' ? '2.0' : '1.1');
			w.notes.push({
				level: 'error',
				message: `Internal error while reading this WSDL (please report it): ${reasonOf(error)}`,
			});
		}
		for (const n of registry.notes) w.notes.push(n);
		built.push(w);
	}
	const firstIndex = facts.wsdls.length;
	facts.wsdls.push(...built);
	built.forEach((w, i) => {
		const index = firstIndex + i;
		for (const name of [w.inputName, ...w.members]) {
			const input = facts.inputs.find((x) => x.name === name);
			// Only WSDL inputs get this view; a signed WSDL keeps the signature view of its kind.
			if (!input || input.status !== 'parsed' || input.kind !== 'wsdl') continue;
			const by = name === w.inputName ? null : (importedBy.get(name) ?? w.inputName);
			input.detail = {
				area: 'wsdl',
				data: {
					summary: by
						? `Imported by ${by}; its services and operations are shown there`
						: summaryOf(w),
					wsdlIndex: index,
					importedBy: by,
				},
			};
		}
	});
	for (const c of configs) {
		try {
			const root = parseXml(c.text).doc.documentElement;
			const wcf = root ? wcfConfigFacts(c.inputName, root) : null;
			if (wcf) facts.wsdls.push(wcf);
		} catch (error) {
			// The TLS area reads this file too and reports why it cannot be parsed.
			if (!(error instanceof ParseError)) throw error;
		}
	}
	const decrypted = documents.filter((d) => d.origin === 'decrypted');
	let standalone: ReturnType<typeof standalonePolicies> | undefined;
	for (const d of documents) {
		if (d.origin !== 'input') continue;
		let msg: ReturnType<typeof readCapturedMessage>;
		try {
			msg = readCapturedMessage(d, facts, decrypted);
		} catch (error) {
			// A bug here skips only this envelope's policy check, and says so on every WSDL it could
			// have been checked against (without a WSDL there is no policy to check; the signature
			// stage reads the same envelope and reports its own problems).
			for (const w of built) {
				w.notes.push({
					level: 'error',
					message: `Internal error while reading ${d.inputName} for the policy check (please report it): ${reasonOf(error)}`,
				});
			}
			continue;
		}
		if (!msg) continue;
		const { match, note } = matchMessage(msg, built);
		msg.match = match;
		msg.matchNote = note;
		const owner = match ? built.find((w) => w.inputName === match.wsdl) : undefined;
		const positionNotes: string[] = [];
		const wrapped = (): number =>
			facts.signatures
				.filter((s) => s.inputName === d.inputName)
				.reduce((n, s) => n + s.references.filter((r) => r.atExpectedPosition === false).length, 0);
		const before = wrapped();
		if (owner && match)
			for (const n of judgePositions(facts, matchedAlternatives(owner, match), d, decrypted))
				owner.notes.push({ level: 'info', message: n });
		else {
			// no operation claims it: the positions of the policies dropped on their own
			standalone ??= standalonePolicies(dropped, policyDocs);
			for (const p of standalone) {
				const notes = judgePositions(facts, p.alternatives, d, decrypted);
				positionNotes.push(
					`Signed elements judged at the positions ${p.inputName} names (no WSDL operation matched)`,
					...notes,
				);
			}
		}
		// a wrapping found at a policy position: what the message shows as signed is read again, so
		// the policy check and XSW-SIGNED-ELEMENT-RELOCATED give the same answer
		if (wrapped() !== before) {
			const again = readCapturedMessage(d, facts, decrypted);
			if (again) {
				msg.signedTargets = again.signedTargets;
				msg.timestamp = again.timestamp;
			}
		}
		if (owner) owner.messages.push(msg);
		// Without a WSDL, an envelope only needs a place in facts when its wsa:To is plain HTTP
		// (WSDL-HTTP-ENDPOINT) or a policy dropped on its own was applied to it (its notes say so);
		// otherwise the WSDL area stays "not analyzed".
		else if (built.length > 0 || /^http:/i.test(msg.to ?? '') || positionNotes.length > 0) {
			facts.wsdls.push({
				inputName: msg.inputName,
				kind: 'capture',
				version: null,
				targetNamespace: null,
				members: [],
				endpoints: [],
				ports: [],
				policies: [],
				operations: [],
				imports: [],
				notes: [
					{ level: 'info', message: `Captured message not matched to a WSDL operation: ${note}` },
					...positionNotes.map((message) => ({ level: 'info' as const, message })),
				],
				messages: [msg],
			});
		}
	}
}

export const stage: Stage = async (facts, ctx) => {
	ctx.signal.throwIfAborted();
	// .NET configuration files are TLS inputs; their <system.serviceModel> also declares WS-Security.
	const configs = ctx.inputs
		.filter((i) => i.kind === 'tls-config')
		.map((i) => ({ inputName: i.file.name, text: utf8OrNull(i.file.bytes) ?? '' }))
		.filter((c) => c.text.includes('<system.serviceModel'));
	runWsdlStage(facts, ctx.documents, configs);
	return Promise.resolve();
};
