// Where a consumer looks for a SAML element, and whether a signed copy is the one it reads
// (signature wrapping judged by position). A SAML consumer takes the samlp:Response at
// the document root (or the SOAP Body's first child), reads the saml:Assertion children of that
// Response (of the wsse:Security headers for the WSS SAML token profile, or the document element
// when the assertion stands alone), and the Subject and Conditions of that assertion. A signed
// element anywhere else, or a signed assertion beside an unsigned one where the consumer reads,
// is a wrapping: the signature verifies while the consumer uses other content.
import type { Document, Element } from '@xmldom/xmldom';
import {
	attrNS,
	child,
	childElements,
	children,
	descendants,
	is,
	localName,
	NS,
	trimmedText,
} from './dom';
import { mutations } from './element-index';
import { readEnvelope } from './envelope';
import { isWsa, WST_NAMESPACES } from './namespaces';

export const SAMLP2 = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAMLP1 = 'urn:oasis:names:tc:SAML:1.0:protocol';

export type SamlKind = 'response' | 'assertion' | 'subject' | 'conditions';

/**
 * What kind of SAML element a consumer looks for, or null. Every SAML protocol message (a
 * Response, LogoutResponse, ArtifactResponse, AuthnRequest, LogoutRequest…) counts as a 'response':
 * the consumer processes the one message at the top of what it received.
 */
export function samlKind(el: Element): SamlKind | null {
	const ns = el.namespaceURI ?? '';
	const local = localName(el);
	if ((ns === SAMLP2 || ns === SAMLP1) && /(Response|Request|Query)$/.test(local))
		return 'response';
	if (ns !== NS.saml2 && ns !== NS.saml1) return null;
	if (local === 'Assertion') return 'assertion';
	if (local === 'Subject') return 'subject';
	if (local === 'Conditions') return 'conditions';
	return null;
}

function soapBody(root: Element): Element | null {
	if (localName(root) !== 'Envelope') return null;
	const ns = root.namespaceURI ?? '';
	if (ns !== NS.soap11 && ns !== NS.soap12) return null;
	const bodies = children(root, ns, 'Body');
	return bodies.length === 1 ? (bodies[0] ?? null) : null;
}

/**
 * The SAML protocol messages a consumer processes, outermost first: the document element or the
 * SOAP Body's first child, and, when that is a samlp:ArtifactResponse (the artifact binding's
 * back-channel answer), the message it carries.
 */
export function processedMessages(doc: Document): Element[] {
	const root = doc.documentElement;
	if (!root) return [];
	const body = soapBody(root);
	const top = samlKind(root) === 'response' ? root : body ? childElements(body)[0] : undefined;
	if (!top || samlKind(top) !== 'response') return [];
	if (top.namespaceURI !== SAMLP2 || localName(top) !== 'ArtifactResponse') return [top];
	const carried = childElements(top).find((c) => samlKind(c) === 'response');
	return carried ? [top, carried] : [top];
}

/** The SAML protocol message whose assertions a consumer reads (the innermost processed one). */
export function effectiveResponse(doc: Document): Element | null {
	return processedMessages(doc).at(-1) ?? null;
}

const isAssertion = (e: Element): boolean => samlKind(e) === 'assertion';

/**
 * The assertions a parent carries: its saml:Assertion children, and those inside its
 * saml:EncryptedAssertion children once decrypted (the decrypted document keeps the wrapper).
 */
function carriedAssertions(parent: Element): Element[] {
	return childElements(parent).flatMap((c) =>
		isAssertion(c)
			? [c]
			: is(c, NS.saml2, 'EncryptedAssertion')
				? childElements(c).filter(isAssertion)
				: [],
	);
}

/** The assertions a consumer reads, and in words where it reads them. */
export function effectiveAssertions(
	doc: Document,
): { assertions: Element[]; where: string } | null {
	// asked once per signed SAML element: read once per document state (a hostile message may
	// sign thousands of assertions in a large Body)
	const stamp = mutations(doc);
	const cached = EFFECTIVE.get(doc);
	if (cached && cached.stamp === stamp) return cached.value;
	const value = readEffectiveAssertions(doc);
	EFFECTIVE.set(doc, { stamp, value });
	return value;
}

const EFFECTIVE = new WeakMap<
	Document,
	{ stamp: number; value: { assertions: Element[]; where: string } | null }
>();

function readEffectiveAssertions(doc: Document): { assertions: Element[]; where: string } | null {
	const root = doc.documentElement;
	if (!root) return null;
	if (isAssertion(root)) return { assertions: [root], where: 'the document element' };
	const resp = effectiveResponse(doc);
	if (resp)
		return {
			assertions: carriedAssertions(resp),
			where: 'a saml:Assertion child of the samlp:Response the consumer processes',
		};
	const ns = root.namespaceURI ?? '';
	const body = soapBody(root);
	if (body) {
		const headers = children(root, ns, 'Header');
		const secs = headers.length === 1 ? children(headers[0], NS.wsse, 'Security') : [];
		// a security token service's answer carries the issued assertion in the Body:
		// wst:RequestSecurityTokenResponse(Collection)/wst:RequestedSecurityToken/saml:Assertion
		const issued = descendants(body, WST_NAMESPACES, 'RequestedSecurityToken').flatMap((t) =>
			carriedAssertions(t),
		);
		return {
			assertions: [...secs.flatMap((s) => carriedAssertions(s)), ...issued],
			where: issued.length
				? 'a saml:Assertion child of the wsse:Security header or of a wst:RequestedSecurityToken in the Body (WS-Trust)'
				: 'a saml:Assertion child of the wsse:Security header (WSS SAML token profile)',
		};
	}
	return null;
}

export interface PositionVerdict {
	/** true: the consumer reads this copy; false: it does not (wrapping); null: no rule applies. */
	effective: boolean | null;
	/** Where the consumer looks, in words. */
	expected: string;
	/** How the signed copy was displaced, when it was. */
	variant?: 'relocated' | 'nested' | 'duplicated';
	detail?: string;
}

function insideAssertion(el: Element): Element | null {
	// the nearest enclosing assertion
	for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode)
		if (isAssertion(p as Element)) return p as Element;
	return null;
}

/** How a signed copy was displaced: by its nearest telling ancestor. */
function displaced(el: Element): { variant: 'relocated' | 'nested'; detail: string } {
	for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) {
		const e = p as Element;
		if (is(e, NS.ds, 'Object'))
			return { variant: 'relocated', detail: 'moved into a ds:Object of a signature' };
		if (isAssertion(e))
			return {
				variant: 'nested',
				detail: `nested inside another assertion (${e.getAttribute('ID') || e.getAttribute('AssertionID') || e.tagName})`,
			};
	}
	const parent = el.parentNode as Element | null;
	return { variant: 'relocated', detail: `moved under ${parent?.tagName ?? 'another element'}` };
}

/**
 * Judges a signed SAML element's position. `covered` says whether an element is signed: the
 * target of some signature's reference or inside one (an unsigned assertion beside a signed one is
 * what a doubled assertion attack adds).
 */
export function judgeSamlPosition(
	el: Element,
	doc: Document,
	covered: (e: Element) => boolean,
): PositionVerdict | null {
	const kind = samlKind(el);
	if (!kind) return null;
	if (kind === 'response') {
		const processed = processedMessages(doc);
		const resp = processed.at(-1) ?? null;
		const expected = `the ${el.tagName} at the document root or as the SOAP Body’s first child (or carried by the samlp:ArtifactResponse there)`;
		if (processed.includes(el)) return { effective: true, expected };
		if (resp && covered(resp)) return null;
		return { effective: false, expected, ...displaced(el) };
	}
	if (kind === 'assertion') {
		const eff = effectiveAssertions(doc);
		if (!eff) return null;
		if (!eff.assertions.includes(el)) {
			// not read, but what is read is signed too (a signed assertion in the saml:Advice of the
			// signed assertion is signed content of that one): nothing unsigned to swap in
			if (eff.assertions.length > 0 && eff.assertions.every(covered)) return null;
			return { effective: false, expected: eff.where, ...displaced(el) };
		}
		const unsigned = eff.assertions.filter((a) => a !== el && !covered(a));
		if (unsigned.length)
			return {
				effective: false,
				expected: eff.where,
				variant: 'duplicated',
				detail: `${eff.assertions.length} assertions where the consumer reads, ${unsigned.length} of them not signed: a consumer may use ${unsigned.length === 1 ? 'that one' : 'one of those'} (${unsigned.map((u) => u.getAttribute('ID') || u.getAttribute('AssertionID') || '?').join(', ')})`,
			};
		return { effective: true, expected: eff.where };
	}
	// Subject / Conditions: read from the assertion the consumer reads
	const owner = insideAssertion(el);
	const expected = `the ${localName(el)} of an assertion the consumer reads`;
	if (!owner) return { effective: false, expected, ...displaced(el) };
	const ownerVerdict = judgeSamlPosition(owner, doc, (e) => e === owner || covered(e));
	if (!ownerVerdict || ownerVerdict.effective !== false) return { effective: true, expected };
	return { effective: false, expected, ...displaced(owner) };
}

/**
 * A signed WS-Addressing header block: the receiver reads the first block of that name (in any
 * WS-Addressing version), so a signed copy beside an unsigned one of the same name is a wrapping
 * even though both sit under soap:Header. Null when el is not a header block (the envelope model
 * judges where it sits).
 */
export function judgeWsaPosition(
	el: Element,
	doc: Document,
	covered: (e: Element) => boolean,
): PositionVerdict | null {
	if (!isWsa(el.namespaceURI)) return null;
	const env = readEnvelope(doc);
	if (!env) return null;
	const local = localName(el);
	// wsa:RelatesTo may repeat (one per relationship type); every other header appears once
	if (local === 'RelatesTo') return null;
	const same = env.blocks.filter((b) => isWsa(b.namespaceURI) && localName(b) === local);
	if (!same.includes(el)) return null;
	const expected = `the first wsa:${local} header block of soap:Header`;
	const unsigned = same.filter((b) => b !== el && !covered(b));
	if (unsigned.length === 0) return { effective: true, expected };
	return {
		effective: false,
		expected,
		variant: 'duplicated',
		detail: `${same.length} wsa:${local} header blocks, ${unsigned.length} of them not signed: a receiver reads ${same[0] === el ? 'the signed first one, another may read the rest' : 'the first, which is not the signed one'}`,
	};
}

/** Roles the ultimate receiver plays besides none: SOAP 1.2 ultimateReceiver, and "next" (1.1 / 1.2). */
const RECEIVER_ROLES: ReadonlySet<string> = new Set([
	'http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver',
	'http://www.w3.org/2003/05/soap-envelope/role/next',
	'http://schemas.xmlsoap.org/soap/actor/next',
]);

/**
 * A signed UsernameToken or Timestamp: the service reads the one in the wsse:Security header
 * addressed to it (no actor / role, the SOAP 1.2 ultimateReceiver role, or "next"). A signed copy elsewhere
 * (an unknown header, a Security header for an intermediary) while that header holds an unsigned
 * one is a wrapping: the caller is authenticated, or the message's freshness judged, by content no
 * signature covers. A second UsernameToken beside the signed one is one too; two Timestamps in one
 * header are XSW-MULTIPLE-SECURITY-ELEMENTS' finding. Null when no rule applies.
 */
export function judgeSecurityTokenPosition(
	el: Element,
	doc: Document,
	covered: (e: Element) => boolean,
): PositionVerdict | null {
	const ut = is(el, NS.wsse, 'UsernameToken');
	if (!ut && !is(el, NS.wsu, 'Timestamp')) return null;
	const env = readEnvelope(doc);
	if (!env) return null;
	const roleAttr = env.version === '1.1' ? 'actor' : 'role';
	const mine = env.securityHeaders.filter((h) => {
		const role = attrNS(h, env.soapNs, roleAttr);
		return !role || RECEIVER_ROLES.has(role);
	});
	if (mine.length === 0) return null;
	const same = mine.flatMap((h) => children(h, el.namespaceURI ?? '', localName(el)));
	const expected = `a ${el.tagName} child of the wsse:Security header for the ultimate receiver`;
	const unsigned = same.filter((e) => e !== el && !covered(e));
	if (same.includes(el)) {
		if (unsigned.length === 0 || !ut) return { effective: true, expected };
		return {
			effective: false,
			expected,
			variant: 'duplicated',
			detail: `${same.length} ${el.tagName} elements where the service reads, ${unsigned.length} of them not signed (${unsigned.map((u) => trimmedText(child(u, NS.wsse, 'Username')) || '?').join(', ')})`,
		};
	}
	// nothing unsigned where the service reads: no content to swap in (a missing token is
	// another finding)
	if (unsigned.length === 0) return null;
	return { effective: false, expected, ...displaced(el) };
}

/**
 * Where a SAML signature must sit: a child of the Response, Assertion or other protocol message it
 * signs (SAML 2.0 core 5.4.1-5.4.2 and the schemas, which place ds:Signature right after the
 * Issuer; SAML 1.1 likewise). A signature elsewhere (under samlp:Status, inside another message)
 * still verifies, since the enveloped transform drops it wherever it is, but a consumer that looks
 * for the message's own signature either finds none or is pointed at content it does not process;
 * libraries such as ruby-saml refuse it. Null when the target is not a SAML message or assertion.
 */
export function judgeSamlSignaturePlacement(
	signature: Element,
	el: Element,
): PositionVerdict | null {
	const kind = samlKind(el);
	if (kind !== 'response' && kind !== 'assertion') return null;
	const expected = `the ds:Signature as a child of the ${el.tagName} it signs (SAML core 5.4)`;
	if (signature.parentNode === el) return { effective: true, expected };
	const parent = signature.parentNode as Element | null;
	return {
		effective: false,
		expected,
		variant: 'relocated',
		detail: `its ds:Signature sits under ${parent?.tagName ?? 'the document'}, not in the ${el.tagName} it signs`,
	};
}
