// Signature wrapping judged at the positions a WS-SecurityPolicy names. A policy that requires a
// header signed (sp:SignedParts/sp:Header), an element signed or encrypted (sp:SignedElements,
// sp:EncryptedElements, sp:ContentEncryptedElements, by XPath) or a header encrypted
// (sp:EncryptedParts/sp:Header) tells where the receiver reads those elements: a header block of
// the first soap:Header, the elements the XPath selects. A signed element of that kind that is not
// the one at the position (moved elsewhere, nested in another copy, or beside an unsigned copy the
// position also holds) is a wrapping: the signature verifies while the receiver reads other
// content. The verdict goes to the reference (atExpectedPosition, expectedAt, wrapping), which
// XSW-SIGNED-ELEMENT-RELOCATED reports, like the Body, Timestamp, WS-Addressing and SAML positions.
import type { Document, Element } from '@xmldom/xmldom';
import { contains, isElement, localName } from '../xml/dom';
import { readEnvelope } from '../xml/envelope';
import { buildIdMap, resolveFragment } from '../xml/ids';
import { elementAtPath } from '../xml/paths';
import type { PolicyAlternative } from '../policy/types';
import type { ReferenceFacts, SignatureFacts } from '../xmldsig/facts';
import { selectElements } from '../xmldsig/xpath';
import { InputError } from '../errors';

/** A place a policy names, where the receiver reads elements of some kinds. */
export interface PolicyPosition {
	/** The assertion that names it, as the finding quotes it. */
	assertion: string;
	/** Where the receiver reads, in words. */
	expected: string;
	/** The elements at the position: the ones the receiver reads. */
	effective: readonly Element[];
	/** Whether an element is of a kind this position holds. */
	holds(el: Element): boolean;
}

const qname = (el: Element): string => `{${el.namespaceURI ?? ''}}${localName(el)}`;

function parseHeader(h: string): { ns: string; local: string } | null {
	const m = /^\{([^}]*)\}(.*)$/.exec(h);
	return m ? { ns: m[1] ?? '', local: m[2] ?? '*' } : null;
}

/** The nearest ancestor element in namespace ns, or null. */
function nearestInNamespace(el: Element, ns: string): Element | null {
	for (let p = el.parentNode; isElement(p); p = p.parentNode)
		if ((p.namespaceURI ?? '') === ns) return p;
	return null;
}

/** The element the last step of a location path names ({ns}local), when it names one. */
function lastStepName(xpath: string, namespaces: Record<string, string>): string | null {
	const m = /(?:^|\/)(?:child::)?(?:([\w.-]+):)?([\w.-]+|\*)((?:\[[^\]]*\])*)\s*$/.exec(xpath);
	if (!m || m[2] === '*' || !m[2]) return null;
	const ns = m[1] ? namespaces[m[1]] : '';
	return ns === undefined ? null : `{${ns}}${m[2]}`;
}

/**
 * The positions the alternatives name in doc. XPath expressions that cannot be evaluated are
 * returned as notes (the position is then unknown, never assumed empty).
 */
export function policyPositions(
	doc: Document,
	alternatives: readonly PolicyAlternative[],
): { positions: PolicyPosition[]; notes: string[] } {
	const positions: PolicyPosition[] = [];
	const notes: string[] = [];
	const seen = new Set<string>();
	const env = readEnvelope(doc);
	for (const alt of alternatives) {
		const headers = [
			...alt.signedParts.headers.map((h) => ({ h, assertion: 'sp:SignedParts/sp:Header' })),
			...alt.encryptedParts.headers.map((h) => ({ h, assertion: 'sp:EncryptedParts/sp:Header' })),
		];
		// an empty sp:SignedParts / sp:EncryptedParts names every header (WS-SP 4.1.1): each header
		// block's name is a position
		const all = [
			...(alt.signedParts.allHeaders ? ['sp:SignedParts'] : []),
			...(alt.encryptedParts.allHeaders ? ['sp:EncryptedParts'] : []),
		];
		const assertion = all[0];
		if (env && assertion && !seen.has('all headers')) {
			seen.add('all headers');
			const body = env.body;
			const names = new Set(env.blocks.map(qname));
			positions.push({
				assertion: `${assertion} (every header)`,
				expected: `a header block of the first soap:Header (${assertion} names every header)`,
				effective: env.blocks,
				holds: (el) => names.has(qname(el)) && (!body || !contains(body, el)),
			});
		}
		for (const { h, assertion } of env ? headers : []) {
			const name = parseHeader(h);
			if (!env || !name || seen.has(`header ${h}`)) continue;
			seen.add(`header ${h}`);
			const body = env.body;
			const outsideBody = (el: Element): boolean => !body || !contains(body, el);
			if (name.local !== '*') {
				const key = `{${name.ns}}${name.local}`;
				positions.push({
					assertion: `${assertion} ${key}`,
					expected: `a header block of the first soap:Header (${assertion} ${key})`,
					effective: env.blocks.filter((b) => qname(b) === key),
					holds: (el) => qname(el) === key && outsideBody(el),
				});
			} else {
				// every header of a namespace: an element of it that is a header's own content (an
				// element inside another element of that namespace, other than a copy of itself) is not
				// a header the receiver looks for
				positions.push({
					assertion: `${assertion} {${name.ns}}*`,
					expected: `a header block of the first soap:Header (${assertion} Namespace=${name.ns})`,
					effective: env.blocks.filter((b) => (b.namespaceURI ?? '') === name.ns),
					holds: (el) => {
						if ((el.namespaceURI ?? '') !== name.ns || !outsideBody(el)) return false;
						const up = nearestInNamespace(el, name.ns);
						return !up || qname(up) === qname(el);
					},
				});
			}
		}
		for (const x of alt.elementXPaths ?? []) {
			const key = `xpath ${x.xpath}\u0000${JSON.stringify(x.namespaces)}`;
			if (seen.has(key)) continue;
			seen.add(key);
			let effective: Element[];
			try {
				effective = selectElements(x.xpath, new Map(Object.entries(x.namespaces)), doc);
			} catch (error) {
				// an expression we cannot evaluate (unsupported, undeclared prefix, over budget) is a
				// note: the position stays unknown, never assumed empty; anything else is a bug
				if (!(error instanceof InputError)) throw error;
				notes.push(`${x.assertion} ${x.xpath} was not evaluated on the message: ${error.message}`);
				continue;
			}
			const kinds = new Set(effective.map(qname));
			const named = lastStepName(x.xpath, x.namespaces);
			if (named) kinds.add(named);
			if (kinds.size === 0) continue;
			positions.push({
				assertion: `${x.assertion} ${x.xpath}`,
				expected: `the element${effective.length === 1 ? '' : 's'} ${x.assertion} ${x.xpath} selects`,
				effective,
				holds: (el) => kinds.has(qname(el)),
			});
		}
	}
	return { positions, notes };
}

/** A signed element's place against one position, or null when it is where the receiver reads. */
function displacement(
	el: Element,
	pos: PolicyPosition,
	covered: (e: Element) => boolean,
): NonNullable<ReferenceFacts['wrapping']> | null {
	const same = pos.effective.filter((e) => e !== el && qname(e) === qname(el));
	// what the receiver reads there and no signature covers: only that makes a wrapping (an empty
	// position, or one holding signed copies only, fails the policy at most)
	const unsigned = same.filter((e) => !covered(e));
	if (unsigned.length === 0) return null;
	const outer = unsigned.find((e) => contains(e, el));
	if (!pos.effective.includes(el)) {
		if (outer)
			return {
				variant: 'nested',
				detail: `nested inside the unsigned ${outer.tagName} the receiver reads (${pos.assertion})`,
			};
		const parent = el.parentNode;
		return {
			variant: 'relocated',
			detail: `moved under ${isElement(parent) ? parent.tagName : 'the document'}; the receiver reads an unsigned ${el.tagName} at the position (${pos.assertion})`,
		};
	}
	if (outer)
		return {
			variant: 'nested',
			detail: `nested inside an unsigned ${outer.tagName} the receiver also reads (${pos.assertion})`,
		};
	return {
		variant: 'duplicated',
		detail: `${same.length + 1} ${el.tagName} elements where the receiver reads, ${unsigned.length} of them not signed: a receiver may use ${unsigned.length === 1 ? 'that one' : 'one of those'} (${pos.assertion})`,
	};
}

/**
 * Judges the references of the signatures over one document against the positions its policy
 * names; a wrapping found here overrides a position judged fine on structure alone (a doubled
 * header sits under soap:Header, yet the receiver may read the unsigned copy), never the reverse.
 */
export function judgePolicyPositions(
	doc: Document,
	alternatives: readonly PolicyAlternative[],
	signatures: readonly SignatureFacts[],
): { judged: number; notes: string[] } {
	const { positions, notes } = policyPositions(doc, alternatives);
	if (positions.length === 0 || signatures.length === 0) return { judged: 0, notes };
	const targets: { ref: ReferenceFacts; el: Element }[] = [];
	const idMap = buildIdMap(doc);
	for (const s of signatures)
		for (const ref of s.references) {
			// a whole-document reference covers every position; a manifest's does not decide validity
			if (ref.wholeDocument || ref.inManifest || !ref.targetPath) continue;
			// by its ID through the shared index (one lookup), by path only for other URI forms
			const el = resolveFragment(idMap, ref.uri) ?? elementAtPath(doc, ref.targetPath);
			if (el) targets.push({ ref, el });
		}
	const signedEls = targets.map((t) => t.el);
	const covered = (e: Element): boolean => signedEls.some((s) => contains(s, e));
	const wholeDocument = signatures.some((s) =>
		s.references.some((r) => r.wholeDocument && !r.inManifest && r.digestValid === true),
	);
	let judged = 0;
	for (const { ref, el } of targets) {
		if (ref.atExpectedPosition === false) continue;
		for (const pos of positions) {
			if (!pos.holds(el)) continue;
			judged++;
			const moved = wholeDocument ? null : displacement(el, pos, covered);
			if (moved) {
				ref.atExpectedPosition = false;
				ref.expectedAt = pos.expected;
				ref.wrapping = moved;
				break;
			}
			if (ref.atExpectedPosition == null) {
				ref.atExpectedPosition = true;
				ref.expectedAt = pos.expected;
			}
		}
	}
	return { judged, notes };
}
