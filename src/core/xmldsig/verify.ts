// Verifies one ds:Signature: every Reference (resolution by ID with duplicate detection, the
// transform chain, digest computed vs declared), SignedInfo canonicalization (with the
// InclusiveNamespaces PrefixList WSS4J puts there), key resolution and the signature value.
// Never throws for bad input: every problem lands in the facts with a specific message.
import type { Document, Element, Node } from '@xmldom/xmldom';
import {
	fromBase64,
	fromUtf8,
	NOT_BASE64,
	toBase64,
	utf8OrNull,
	utf8PrefixOrNull,
} from '../bytes/encoding';
import {
	attr,
	child,
	childElements,
	children,
	contains,
	descendants,
	is,
	NS,
	trimmedText,
	WSA_NAMESPACES,
} from '../xml/dom';
import { parsePlainXml } from '../xml/fast-parse';
import { MAX_XML_DEPTH, parseXml } from '../xml/safe-parse';
import { elidedRegions } from '../xml/stream/skeleton';
import {
	DIGESTS,
	hash,
	HASH_BYTES,
	SIGNATURE_ALGORITHM,
	SIGNATURES,
	verifyAsymmetric,
	verifyHmac,
} from './algorithms';
import { c14nMode, canonicalize, DOCUMENT_NODE, ELEMENT_NODE, type NodeSet } from './c14n';
import type { FailedStep, FailureKind, ReferenceFacts, SignatureFacts, TargetKind } from './facts';
import { elementPath, lookupId } from '../xml/ids';
import { resolveKeys, type KeyCandidate, type KeyContext, type KnownCert } from './keyinfo';
import { dnText } from './keys';
import { canonicalizeFilteredBytes } from './c14n-filtered';
import { digestNodeSet } from './stream-digest';
import { bstCanonical, keyIdentifierCertificate, x509DataCertificate } from './str-dereference';
import { evaluateXPathFilter, evaluateFilter2, XPATH_UNSUPPORTED } from './xpath';
import { specDefinedAlgorithm } from './spec-algorithms';
import { hasCode, InputError, ParseError, reasonOf, UnsupportedError } from '../errors';

const T = {
	enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
	base64: 'http://www.w3.org/2000/09/xmldsig#base64',
	xpath: 'http://www.w3.org/TR/1999/REC-xpath-19991116',
	filter2: 'http://www.w3.org/2002/06/xmldsig-filter2',
	xslt: 'http://www.w3.org/TR/1999/REC-xslt-19991116',
	str: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform',
	manifest: 'http://www.w3.org/2000/09/xmldsig#Manifest',
	/** xmlsec's XPointer transform (xmldsig-more): the input node-set cut down to what an XPointer names. */
	xptr: 'http://www.w3.org/2001/04/xmldsig-more/xptr',
} as const;

/** KeyIdentifier value types naming a SAML assertion by its ID (WSS SAML Token Profile 1.0 / 1.1). */
const SAML_KEY_IDENTIFIERS: ReadonlySet<string> = new Set([
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-saml-token-profile-1.0#SAMLAssertionID',
	'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID',
]);

/** References processed per signature (each may canonicalize the whole document). */
export const MAX_REFERENCES = 256;

/** Canonical bytes kept for the page (bounded; never in the report). */
export const MAX_KEPT_CANONICAL = 128 * 1024;

export interface CanonicalCapture {
	signedInfo: string;
	references: { uri: string; text: string; truncated: boolean }[];
}

export interface VerifyOptions {
	inputName: string;
	origin: 'input' | 'decrypted';
	keys: KeyContext;
	/** Trust check of the signer certificate (null when no anchors). */
	chain?: (cert: KnownCert) => Promise<{ trusted: boolean; error?: string } | null>;
	/** Bytes of referenced content digested per document (default MAX_DIGESTED_BYTES). */
	digestBudget?: number;
}

/**
 * Referenced content canonicalized and digested per document, over all its signatures and
 * references: 255 whole-document references over 4 MB took 50 s. A real message digests each
 * part once or twice (the 30 MB bench envelope: about 60 MB).
 */
export const MAX_DIGESTED_BYTES = 96 * 1024 * 1024;
/** Per verifyDocument call (its KeyContext): a cached document is verified afresh each run. */
const digested = new WeakMap<KeyContext, number>();

type Data = { kind: 'nodes'; set: NodeSet } | { kind: 'octets'; bytes: Uint8Array };

/** Codes of a reference's failures read `xmldsig/reference-<FailureKind>`. */
const REFERENCE = 'xmldsig/reference-';
const REFERENCE_KINDS: ReadonlySet<string> = new Set<FailureKind>([
	'malformed',
	'unsupported-algorithm',
	'key-not-found',
]);

/** A reference that cannot be dereferenced: malformed, or needing what is not implemented or given. */
function refError(message: string, kind: FailureKind = 'malformed'): InputError {
	const code = `${REFERENCE}${kind}` as const;
	return kind === 'malformed' ? new ParseError(code, message) : new UnsupportedError(code, message);
}

/** The failure kind of anything thrown while digesting a reference. */
function referenceFailureKind(error: unknown): FailureKind {
	if (error instanceof InputError && error.code.startsWith(REFERENCE)) {
		const kind = error.code.slice(REFERENCE.length);
		if (REFERENCE_KINDS.has(kind)) return kind as FailureKind;
	}
	return hasCode(error, XPATH_UNSUPPORTED) ? 'unsupported-algorithm' : 'malformed';
}

/**
 * The first MAX_KEPT_CANONICAL characters of canonical octets, decoding no more than that;
 * `total` is the whole length when `bytes` is only its start (a streamed digest keeps no more).
 */
function keepBytes(bytes: Uint8Array, total = bytes.length): { text: string; truncated: boolean } {
	// 4 bytes per character at most; a character cut at the end is dropped by the streaming decode
	const head =
		bytes.length > MAX_KEPT_CANONICAL * 4 ? bytes.subarray(0, MAX_KEPT_CANONICAL * 4) : bytes;
	const whole = head === bytes && total === bytes.length;
	const text = whole ? utf8OrNull(bytes) : utf8PrefixOrNull(head);
	if (text === null) return { text: `(${total} bytes of binary data)`, truncated: false };
	const kept = keep(text);
	return whole ? kept : { text: kept.text, truncated: true };
}

function keep(s: string): { text: string; truncated: boolean } {
	return s.length > MAX_KEPT_CANONICAL
		? { text: s.slice(0, MAX_KEPT_CANONICAL), truncated: true }
		: { text: s, truncated: false };
}

export function targetKind(el: Element): TargetKind {
	const ns = el.namespaceURI ?? '';
	const local = el.localName ?? el.tagName;
	if ((ns === NS.soap11 || ns === NS.soap12) && local === 'Body') return 'body';
	if (ns === NS.wsu && local === 'Timestamp') return 'timestamp';
	if (WSA_NAMESPACES.has(ns)) return 'wsa-header';
	if (
		(ns === NS.wsse &&
			(local === 'BinarySecurityToken' ||
				local === 'UsernameToken' ||
				local === 'SecurityTokenReference')) ||
		((ns === NS.saml1 || ns === NS.saml2) && local === 'Assertion')
	)
		return 'token';
	return 'other';
}

function parseXPointer(uri: string): { kind: 'root' } | { kind: 'id'; id: string } | null {
	const m = /^#xpointer\((.*)\)$/.exec(uri);
	if (!m) return null;
	const expr = (m[1] ?? '').trim();
	if (expr === '/') return { kind: 'root' };
	const id = /^id\(\s*(['"])(.*?)\1\s*\)$/.exec(expr);
	return id ? { kind: 'id', id: id[2] ?? '' } : null;
}

class SignatureVerifier {
	readonly doc: Document;
	readonly capture: CanonicalCapture = { signedInfo: '', references: [] };
	/** The element each same-document reference resolved to (for the position checks). */
	readonly targets = new Map<ReferenceFacts, Element>();
	/** The token an STR-Transform dereferenced, by SecurityTokenReference (what it really signs). */
	readonly strTokens = new Map<Element, Element>();
	constructor(
		private readonly sig: Element,
		private readonly opts: VerifyOptions,
	) {
		this.doc = sig.ownerDocument as Document;
	}

	private dereference(uri: string | null, ref: ReferenceFacts): Data {
		if (uri === null) {
			// XML-DSig leaves a URI-less Reference to the application; xmlsec1 and the signing
			// libraries (xml-crypto, signxml) take the whole document when it holds one signature
			const sigCount = descendants(this.doc, NS.ds, 'Signature').length;
			if (sigCount !== 1)
				throw refError(
					`Reference without URI in a document with ${sigCount} signatures: which data it signs is up to the application, so it is not guessed`,
				);
			ref.note =
				'no URI attribute: taken as the whole document, as xmlsec1 and the signing libraries resolve it when the document holds one signature';
		}
		if (uri === '' || uri === null) {
			ref.wholeDocument = true;
			ref.target = this.doc.documentElement?.tagName ?? null;
			ref.targetPath = this.doc.documentElement ? elementPath(this.doc.documentElement) : null;
			ref.targetKind = 'other';
			return { kind: 'nodes', set: { root: this.doc, withComments: false } };
		}
		if (uri.startsWith('#')) {
			const xp = parseXPointer(uri);
			if (uri.startsWith('#xpointer(') && !xp)
				throw refError(
					`XPointer ${uri} is not supported (only #xpointer(/) and #xpointer(id('…')))`,
					'unsupported-algorithm',
				);
			if (xp?.kind === 'root') {
				ref.wholeDocument = true;
				ref.target = this.doc.documentElement?.tagName ?? null;
				ref.targetPath = this.doc.documentElement ? elementPath(this.doc.documentElement) : null;
				ref.targetKind = 'other';
				return { kind: 'nodes', set: { root: this.doc, withComments: true } };
			}
			const id = xp?.kind === 'id' ? xp.id : decodeURIComponent(uri.slice(1));
			const found = lookupId(this.opts.keys.idMap, id);
			if (!found.ok) {
				if (found.reason === 'duplicate') {
					ref.duplicateId = true;
					throw refError(
						`#${id} is held by ${found.count} elements (duplicate ID): refused to pick one`,
					);
				}
				throw refError(`#${id} does not exist in the document`);
			}
			ref.target = found.element.tagName;
			ref.targetPath = elementPath(found.element);
			ref.targetKind = targetKind(found.element);
			this.targets.set(ref, found.element);
			return { kind: 'nodes', set: { root: found.element, withComments: !!xp } };
		}
		const bytes = this.opts.keys.external(uri);
		if (!bytes)
			throw refError(
				`${uri} is a detached resource: drop that file too to check this reference`,
				'key-not-found',
			);
		ref.target = uri;
		ref.targetKind = 'other';
		return { kind: 'octets', bytes };
	}

	private toNodes(data: Data): NodeSet {
		if (data.kind === 'nodes') return data.set;
		const t = utf8OrNull(data.bytes);
		if (t === null) throw refError('octets to canonicalize are not UTF-8 XML');
		const text = t.replace(/^\uFEFF/, '');
		let doc = parseXml(text).doc;
		// the transforms that follow are this signature's, not the parsed document's: a skeleton
		// (xml/stream/skeleton.ts) cannot take an XPath, so octets get their full tree (a skeleton
		// is made only of text the plain parser takes)
		if (elidedRegions(doc).length > 0) doc = parsePlainXml(text, MAX_XML_DEPTH) ?? doc;
		// parsed octets keep their comments: only same-document URIs drop them (XML-DSig 4.4.3.3)
		return { root: doc, withComments: true };
	}

	/** The canonicalization a Transform element asks for (with its PrefixList), or null. */
	private c14nOf(el: Element): ReturnType<typeof c14nMode> {
		const mode = c14nMode(attr(el, 'Algorithm') ?? '');
		const inc = child(el, NS.exc, 'InclusiveNamespaces');
		if (mode && inc)
			mode.inclusivePrefixes = (attr(inc, 'PrefixList') ?? '').split(/\s+/).filter(Boolean);
		return mode;
	}

	private transform(el: Element, data: Data): Data {
		const alg = attr(el, 'Algorithm') ?? '';
		const mode = this.c14nOf(el);
		if (mode) {
			const set = this.toNodes(data);
			return { kind: 'octets', bytes: canonicalizeFilteredBytes(set, mode) };
		}
		switch (alg) {
			case T.enveloped: {
				const set = this.toNodes(data);
				const excluded = new Set(set.excluded ?? []);
				excluded.add(this.sig);
				return { kind: 'nodes', set: { ...set, excluded } };
			}
			case T.base64: {
				let s: string;
				if (data.kind === 'octets') s = new TextDecoder().decode(data.bytes);
				else {
					const root = data.set.root;
					s =
						(root.nodeType === DOCUMENT_NODE
							? (root as Document).documentElement?.textContent
							: root.textContent) ?? '';
				}
				try {
					return { kind: 'octets', bytes: fromBase64(s.replace(/\s+/g, '')) };
				} catch (error) {
					if (!hasCode(error, NOT_BASE64)) throw error;
					throw refError('base64 transform: the content is not base64');
				}
			}
			case T.xpath: {
				const set = this.toNodes(data);
				const expr = child(el, NS.ds, 'XPath');
				if (!expr) throw refError('XPath transform without ds:XPath');
				return { kind: 'nodes', set: evaluateXPathFilter(set, expr, this.sig) };
			}
			case T.filter2: {
				const set = this.toNodes(data);
				return {
					kind: 'nodes',
					set: evaluateFilter2(set, children(el, T.filter2, 'XPath'), this.sig),
				};
			}
			case T.str:
				return { kind: 'octets', bytes: fromUtf8(this.strTransform(el, data)) };
			case T.xptr: {
				// xpointer(/) keeps the input; xpointer(id('x')) keeps the subtree of the one element
				// holding ID x (the one ID rule: a duplicated ID never resolves), as xmlsec does
				const set = this.toNodes(data);
				const text = trimmedText(child(el, T.xptr, 'XPointer'));
				const xp = parseXPointer(`#${text}`);
				if (!xp)
					throw refError(
						`XPointer transform ${text} is not supported (only xpointer(/) and xpointer(id('…')))`,
						'unsupported-algorithm',
					);
				if (xp.kind === 'root') return { kind: 'nodes', set };
				const found = lookupId(this.opts.keys.idMap, xp.id);
				if (!found.ok)
					throw refError(
						found.reason === 'duplicate'
							? `XPointer transform: id('${xp.id}') is held by ${found.count} elements (duplicate ID): refused to pick one`
							: `XPointer transform: id('${xp.id}') does not exist in the document`,
					);
				return { kind: 'nodes', set: { ...set, root: found.element } };
			}
			default:
				throw refError(
					`transform ${alg || '(no Algorithm)'} is not supported`,
					'unsupported-algorithm',
				);
		}
	}

	/** WSS STR-Transform: exc-c14n of the dereferenced token, with xmlns="" on its root (as WSS4J). */
	private strTransform(el: Element, data: Data): string {
		if (data.kind !== 'nodes' || data.set.root.nodeType !== ELEMENT_NODE)
			throw refError('STR-Transform input is not a SecurityTokenReference element');
		const str = data.set.root as Element;
		if (!is(str, NS.wsse, 'SecurityTokenReference'))
			throw refError(`STR-Transform applied to ${str.tagName}, not a SecurityTokenReference`);
		const r = child(str, NS.wsse, 'Reference');
		const kid = child(str, NS.wsse, 'KeyIdentifier');
		const x509 = child(str, NS.ds, 'X509Data');
		const samlId = kid && SAML_KEY_IDENTIFIERS.has(attr(kid, 'ValueType') ?? '');
		if (!r && (kid || x509) && !samlId) {
			// the token is not in the message by id: the certificate the STR names
			const token = kid
				? keyIdentifierCertificate(kid, this.opts.keys.certs)
				: x509DataCertificate(x509 as Element, this.opts.keys.certs);
			if (!token.ok)
				throw refError(
					`STR-Transform: ${token.message}`,
					token.reason === 'not-found' ? 'key-not-found' : 'unsupported-algorithm',
				);
			return bstCanonical(str, token.der);
		}
		// a wsse:Reference to a token in the message, or a SAML assertion by its ID (WSS SAML Token
		// Profile 1.1: KeyIdentifier of ValueType SAMLID / SAMLAssertionID, the WSS4J / CXF
		// sender-vouches form), both resolved by the one ID rule
		const uri = samlId ? `#${trimmedText(kid)}` : attr(r, 'URI');
		if (!uri?.startsWith('#'))
			throw refError(
				'STR-Transform: only a wsse:Reference to a token in the message, a SAML assertion ID, an X.509 KeyIdentifier or ds:X509Data is supported',
				'unsupported-algorithm',
			);
		const found = lookupId(this.opts.keys.idMap, uri.slice(1));
		if (!found.ok)
			throw refError(
				`STR-Transform: token ${uri} ${found.reason === 'duplicate' ? 'is a duplicate ID' : 'does not exist'}`,
			);
		this.strTokens.set(str, found.element);
		const params = child(el, NS.wsse, 'TransformationParameters');
		const cm = child(params, NS.ds, 'CanonicalizationMethod');
		const mode =
			c14nMode(attr(cm, 'Algorithm') ?? '') ?? c14nMode('http://www.w3.org/2001/10/xml-exc-c14n#');
		if (!mode) throw refError('STR-Transform: no canonicalization method');
		const inc = child(cm, NS.exc, 'InclusiveNamespaces');
		if (inc) mode.inclusivePrefixes = (attr(inc, 'PrefixList') ?? '').split(/\s+/).filter(Boolean);
		const out = canonicalize({ root: found.element, withComments: false }, mode);
		const tag = found.element.tagName;
		if (!out.startsWith(`<${tag} xmlns="`)) return `<${tag} xmlns=""` + out.slice(tag.length + 1);
		return out;
	}

	/**
	 * Sign-then-encrypt: the reference's target holds xenc:EncryptedData that was encrypted after
	 * signing, so its digest cannot match until it is decrypted. In a wsse:Security header the
	 * order says so (WSS processes header entries in order: a ReferenceList or EncryptedKey naming
	 * that EncryptedData before the Signature means decrypt first); elsewhere an EncryptedData inside
	 * the signed element cannot have been signed as such. Returns a description, or null.
	 */
	private encryptedBeforeSigning(uri: string | null): string | null {
		if (this.opts.origin !== 'input') return null;
		let target: Element | null = null;
		if (uri === null || uri === '' || uri === '#xpointer(/)') target = this.doc.documentElement;
		else if (uri.startsWith('#')) {
			const xp = parseXPointer(uri);
			const found = lookupId(
				this.opts.keys.idMap,
				xp?.kind === 'id' ? xp.id : decodeURIComponent(uri.slice(1)),
			);
			target = found.ok ? found.element : null;
		}
		if (!target) return null;
		const inside = descendants(target, NS.xenc, 'EncryptedData');
		if (inside.length === 0) return null;
		const sec = this.sig.parentNode;
		if (!is(sec, NS.wsse, 'Security')) return `${inside.length} xenc:EncryptedData inside`;
		const ids = new Set(inside.map((e) => attr(e, 'Id')).filter((v): v is string => !!v));
		for (const entry of childElements(sec as Element)) {
			if (entry === this.sig) break;
			const listed = descendants(entry, NS.xenc, 'DataReference').some((d) =>
				ids.has((attr(d, 'URI') ?? '').replace(/^#/, '')),
			);
			if (listed)
				return `the ${entry.tagName} before this signature in the Security header lists it`;
		}
		return null;
	}

	private async reference(el: Element, inManifest: boolean): Promise<ReferenceFacts> {
		const uri = attr(el, 'URI');
		const dm = attr(child(el, NS.ds, 'DigestMethod'), 'Algorithm') ?? '';
		const ref: ReferenceFacts = {
			uri: uri ?? '',
			target: null,
			targetKind: null,
			targetPath: null,
			wholeDocument: false,
			digestAlgorithm: dm,
			digestValid: null,
			transforms: [],
			declaredDigest: trimmedText(child(el, NS.ds, 'DigestValue')).replace(/\s+/g, ''),
			computedDigest: null,
			...(inManifest ? { inManifest: true } : {}),
		};
		let kept: { text: string; truncated: boolean };
		try {
			const transforms = children(child(el, NS.ds, 'Transforms'), NS.ds, 'Transform');
			ref.transforms = transforms.map((t) => attr(t, 'Algorithm') ?? '');
			const narrowing = transforms.filter((t) => narrows(attr(t, 'Algorithm') ?? ''));
			if (narrowing.length) ref.narrowedBy = narrowing.map(describeTransform);
			const limit = this.opts.digestBudget ?? MAX_DIGESTED_BYTES;
			const spent = digested.get(this.opts.keys) ?? 0;
			if (spent >= limit) {
				throw refError(
					`not checked: the references of this document already digested ${spent.toLocaleString('en')} bytes, the limit per document is ${limit.toLocaleString('en')}`,
				);
			}
			let data = this.dereference(uri, ref);
			// a node-set's last canonicalization streams into the digest (digestNodeSet): the
			// canonical form of a large document is never held whole
			let last: ReturnType<typeof c14nMode> = null;
			for (const [i, t] of transforms.entries()) {
				if (i === transforms.length - 1 && data.kind === 'nodes') last = this.c14nOf(t);
				if (!last) data = this.transform(t, data);
			}
			const h = DIGESTS[dm];
			if (!h)
				throw refError(`digest method ${dm || '(none)'} is not supported`, 'unsupported-algorithm');
			let digest: Uint8Array;
			if (data.kind === 'nodes') {
				const mode = last ?? c14nMode('http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
				if (!mode) throw refError('internal: no default c14n');
				const streamed = await digestNodeSet(data.set, mode, h, MAX_KEPT_CANONICAL * 4);
				digested.set(this.opts.keys, (digested.get(this.opts.keys) ?? 0) + streamed.length);
				digest = streamed.digest;
				kept = keepBytes(streamed.head, streamed.length);
			} else {
				digested.set(this.opts.keys, (digested.get(this.opts.keys) ?? 0) + data.bytes.length);
				digest = await hash(h, data.bytes);
				kept = keepBytes(data.bytes);
			}
			ref.computedDigest = toBase64(digest);
			ref.digestValid = ref.computedDigest === ref.declaredDigest;
			if (!ref.digestValid) {
				const sealed = this.encryptedBeforeSigning(uri);
				if (sealed) {
					ref.digestValid = null;
					ref.stillEncrypted = true;
					ref.error = `cannot verify yet: the signed content is still encrypted (${sealed}); drop the recipient's private key to decrypt it first`;
				} else ref.error = 'digest mismatch: the referenced content changed after signing';
			}
			this.capture.references.push({ uri: ref.uri, ...kept });
		} catch (e) {
			ref.digestValid = false;
			ref.error = reasonOf(e);
			(ref as ReferenceFacts & { failureKind?: FailureKind }).failureKind = referenceFailureKind(e);
			this.capture.references.push({ uri: ref.uri, text: '', truncated: false });
		}
		return ref;
	}

	async run(): Promise<SignatureFacts> {
		const sig = this.sig;
		const parent =
			sig.parentNode && sig.parentNode.nodeType === ELEMENT_NODE
				? (sig.parentNode as Element)
				: null;
		let inAssertion = false;
		for (let p: Node | null = parent; p; p = p.parentNode) {
			if (
				p.nodeType === ELEMENT_NODE &&
				(is(p, NS.saml1, 'Assertion') || is(p, NS.saml2, 'Assertion'))
			)
				inAssertion = true;
		}
		const si = child(sig, NS.ds, 'SignedInfo');
		const cm = child(si, NS.ds, 'CanonicalizationMethod');
		const sm = child(si, NS.ds, 'SignatureMethod');
		const structure = structureProblem(sig, si);
		const hol = child(sm, NS.ds, 'HMACOutputLength');
		const inc = child(cm, NS.exc, 'InclusiveNamespaces');
		const facts: SignatureFacts = {
			inputName: this.opts.inputName,
			signatureId: attr(sig, 'Id'),
			valid: null,
			cryptoValid: null,
			signatureAlgorithm: attr(sm, 'Algorithm') ?? '',
			references: [],
			signerCertSha256: null,
			keySource: 'none',
			path: elementPath(sig),
			documentOrigin: this.opts.origin,
			overDecrypted: this.opts.origin === 'decrypted',
			canonicalizationMethod: attr(cm, 'Algorithm') ?? '',
			inclusivePrefixes: (attr(inc, 'PrefixList') ?? '').split(/\s+/).filter(Boolean),
			hmacOutputLength: hol ? Number(trimmedText(hol)) : null,
			keyInfoForms: [],
			keyForm: null,
			rawKeyInKeyInfo: false,
			signerSubject: null,
			chainTrusted: null,
			parent: parent?.tagName ?? null,
			inSecurityHeader: is(parent, NS.wsse, 'Security'),
			inAssertion,
			enveloping: false,
			manifests: 0,
		};
		const fail = (kind: FailureKind, message: string, step?: FailedStep): SignatureFacts => {
			facts.valid = false;
			// cannot verify: the key is absent, the content still encrypted, or an algorithm or
			// transform a specification defines and this analyzer does not implement (that says
			// nothing about the signature)
			const unknown =
				kind === 'key-not-found' || kind === 'still-encrypted' || kind === 'unsupported-algorithm';
			facts.cryptoValid = unknown ? null : false;
			if (unknown) facts.valid = null;
			facts.failureKind = kind;
			facts.failedStep = step ?? STEP_OF[kind];
			facts.error = message;
			// a URI no specification defines names no computation: no verifier can validate the
			// signature (xmlsec1 and Santuario refuse it too), so it is invalid, not unverifiable
			const undefinedUri =
				kind === 'unsupported-algorithm' && facts.valid === null ? undefinedAlgorithm(sig) : null;
			if (undefinedUri !== null) {
				facts.valid = false;
				facts.undefinedAlgorithm = undefinedUri;
				facts.error = `${message}: no specification defines the algorithm ${undefinedUri || '(empty)'}, so core validation (XML-DSig 1.1 §3.2) cannot succeed for any verifier`;
			}
			return facts;
		};
		// structure before crypto: what the XML Signature schema forbids is invalid whatever the keys
		if (structure) return fail('malformed', `structure: ${structure}`, 'structure');
		if (!si) return fail('malformed', 'structure: ds:Signature has no ds:SignedInfo', 'structure');
		const refs = children(si, NS.ds, 'Reference');
		const sv = child(sig, NS.ds, 'SignatureValue');
		let sigBytes: Uint8Array;
		try {
			sigBytes = fromBase64(trimmedText(sv).replace(/\s+/g, ''));
		} catch (error) {
			if (!hasCode(error, NOT_BASE64)) throw error;
			return fail('malformed', 'structure: ds:SignatureValue is not base64', 'structure');
		}

		if (refs.length > MAX_REFERENCES)
			return fail(
				'malformed',
				`ds:SignedInfo has ${refs.length} references; more than ${MAX_REFERENCES} are not processed`,
			);
		for (const r of refs) {
			const rf = await this.reference(r, false);
			facts.references.push(rf);
			const uri = attr(r, 'URI');
			if (uri?.startsWith('#')) {
				const found = lookupId(this.opts.keys.idMap, uri.slice(1));
				// enveloping: the signed content sits in the signature's own ds:Object (an
				// STR-Transform reference to the STR in its KeyInfo is not that)
				if (found.ok && children(sig, NS.ds, 'Object').some((o) => contains(o, found.element)))
					facts.enveloping = true;
				if (found.ok && is(found.element, NS.ds, 'Manifest')) {
					facts.manifests++;
					for (const mr of children(found.element, NS.ds, 'Reference').slice(0, MAX_REFERENCES))
						facts.references.push(await this.reference(mr, true));
				}
			}
			if (attr(r, 'Type') === T.manifest && !uri?.startsWith('#')) facts.manifests++;
		}

		const alg = SIGNATURES[facts.signatureAlgorithm];
		const cmode = c14nMode(facts.canonicalizationMethod);
		const keyInfo = child(sig, NS.ds, 'KeyInfo');
		const keys = await resolveKeys(keyInfo, this.opts.keys, alg?.family === 'hmac');
		facts.keyInfoForms = keys.forms;
		facts.rawKeyInKeyInfo = keys.rawKey;
		if (keys.referenced) facts.referencedKey = keys.referenced;

		const core = facts.references.filter((r) => !r.inManifest);
		const badRef = core.find((r) => r.digestValid === false);
		const sealedRef = core.find((r) => r.stillEncrypted);
		const label = (r: ReferenceFacts): string =>
			`reference ${core.indexOf(r) + 1} (${r.uri ? r.uri : r.note?.startsWith('no URI') ? 'no URI' : 'URI=""'})`;
		if (!cmode)
			return fail(
				'unsupported-algorithm',
				`canonicalization method ${facts.canonicalizationMethod || '(none)'} is not supported`,
			);
		if (!alg)
			return fail(
				'unsupported-algorithm',
				`signature method ${facts.signatureAlgorithm || '(none)'} is not supported`,
			);
		if (alg.family === 'hmac' && facts.hmacOutputLength !== null) {
			const min = Math.max(80, (HASH_BYTES[alg.hash] * 8) / 2);
			if (!(facts.hmacOutputLength >= min))
				return fail(
					'policy',
					`HMACOutputLength ${facts.hmacOutputLength} is below the minimum of ${min} bits (truncated-HMAC attack, CVE-2009-0217): refused`,
				);
		}
		if (badRef) {
			const kind =
				(badRef as ReferenceFacts & { failureKind?: FailureKind }).failureKind ?? 'digest-mismatch';
			if (kind !== 'digest-mismatch')
				return fail(
					kind,
					`${label(badRef)}: ${badRef.error ?? 'failed'}`,
					kind === 'malformed' ? 'reference' : undefined,
				);
		}
		// a digest that does not match is invalid whatever the key; content still encrypted is not
		// known either way until it is decrypted
		const refVerdict = (): SignatureFacts | null => {
			if (badRef)
				return fail('digest-mismatch', `${label(badRef)}: ${badRef.error ?? 'digest mismatch'}`);
			if (sealedRef)
				return fail('still-encrypted', `${label(sealedRef)}: ${sealedRef.error ?? ''}`);
			return null;
		};

		if (facts.inclusivePrefixes.length) cmode.inclusivePrefixes = facts.inclusivePrefixes;
		const canon = canonicalize({ root: si, withComments: true }, cmode);
		this.capture.signedInfo = keep(canon).text;
		const data = fromUtf8(canon);
		if (keys.candidates.length === 0) {
			const why = keys.referenced
				? `the signing key (${keys.referenced}) is not among the supplied files`
				: (keys.problems[0] ??
					'no key: the signature carries no usable KeyInfo and no certificate or key was supplied');
			if (badRef) return fail('digest-mismatch', `${label(badRef)}: ${badRef.error ?? ''}; ${why}`);
			return fail('key-not-found', why);
		}
		let lastError: string | null = null;
		for (const cand of keys.candidates) {
			let ok: boolean;
			try {
				if (cand.kind === 'secret') {
					if (alg.family !== 'hmac') continue;
					ok = verifyHmac(alg.hash, cand.bytes, data, sigBytes, facts.hmacOutputLength);
				} else {
					ok = await verifyAsymmetric(alg, cand.key, data, sigBytes, pssSalt(sm));
				}
			} catch (e) {
				lastError = reasonOf(e);
				if (hasCode(e, SIGNATURE_ALGORITHM) && keys.candidates.length === 1)
					return fail('unsupported-algorithm', lastError);
				continue;
			}
			if (!ok) continue;
			facts.keySource = cand.source;
			facts.keyForm = cand.form;
			if (keys.lax)
				facts.keySearch = `found by trying the dropped keys; ${keys.lax} (key: ${cand.kind === 'public' ? (cand.cert?.label ?? cand.form) : cand.label})`;
			if (cand.kind === 'public' && cand.cert) {
				facts.signerCertSha256 = cand.cert.sha256;
				facts.signerSubject = dnText(cand.cert.info.subjectRdns);
				const chain = this.opts.chain ? await this.opts.chain(cand.cert) : null;
				if (chain) {
					facts.chainTrusted = chain.trusted;
					if (chain.error) facts.chainError = chain.error;
				}
			}
			if (badRef)
				return fail(
					'digest-mismatch',
					`the SignatureValue verifies, but ${label(badRef)} does not: ${badRef.error ?? ''}`,
				);
			if (sealedRef) return refVerdict() ?? facts;
			facts.valid = true;
			facts.cryptoValid = true;
			return facts;
		}
		const first = keys.candidates[0];
		if (first && keys.identified) {
			facts.keySource = first.source;
			facts.keyForm = first.form;
			if (first.kind === 'public' && first.cert) {
				facts.signerCertSha256 = first.cert.sha256;
				facts.signerSubject = dnText(first.cert.info.subjectRdns);
			}
		}
		const byRefs = refVerdict();
		if (byRefs) return byRefs;
		if (!keys.identified) {
			// lax key search (xmlsec1 --lax-key-search): a dropped key of the signature's type and
			// size that does not verify means the SignatureValue or SignedInfo changed, as xmlsec1
			// reports it; keys that cannot have made this signature leave the signer unknown
			const fitting = keys.candidates.filter((c) => fits(alg.family, c, sigBytes.length));
			// a certificate KeyInfo identifies by digest, SKI or issuer/serial that nobody dropped
			// is another key: the signer is unknown, not the signature invalid
			const nameOnly = !keys.referenced || keys.referenced.startsWith('key named');
			if (fitting.length > 0 && nameOnly)
				return fail(
					'signature-mismatch',
					`the SignatureValue does not verify with any of the ${fitting.length} dropped key(s) of this type (tried because ${keys.lax ?? 'KeyInfo names no key'}): SignedInfo or the SignatureValue changed after signing, or a key that was not dropped signed it`,
				);
			return fail(
				'key-not-found',
				`${keys.referenced ? `the signing key (${keys.referenced}) is not among the supplied files; ` : ''}none of the ${keys.candidates.length} dropped key(s) can have made this signature (other type or size)${lastError ? ` (${lastError})` : ''}`,
			);
		}
		return fail(
			'signature-mismatch',
			lastError ??
				"the SignatureValue does not verify with the signer's key: SignedInfo changed or another key signed it",
		);
	}
}

/**
 * Whether a transform can leave part of its input out: everything but enveloped-signature (which
 * removes only the signature itself), the canonicalizations and the STR-Transform (which replaces
 * the reference with the whole token it names).
 */
function narrows(alg: string): boolean {
	return alg !== T.enveloped && alg !== T.str && c14nMode(alg) === null;
}

/** A narrowing transform in words: its URI and the expression that decides what it keeps. */
function describeTransform(t: Element): string {
	const alg = attr(t, 'Algorithm') ?? '(no Algorithm)';
	const exprs = [
		...children(t, NS.ds, 'XPath'),
		...children(t, T.filter2, 'XPath'),
		...children(t, T.xptr, 'XPointer'),
	].map((x) => {
		const filter = attr(x, 'Filter');
		const text = trimmedText(x).replace(/\s+/g, ' ');
		return filter ? `${filter} ${text}` : text;
	});
	return exprs.length ? `${alg} (${exprs.join('; ')})` : alg;
}

/**
 * The first algorithm URI of SignedInfo (canonicalization, signature method, each core reference's
 * transforms and digest method) that no specification defines, or null when all are defined.
 */
function undefinedAlgorithm(sig: Element): string | null {
	const si = child(sig, NS.ds, 'SignedInfo');
	const uris = [
		attr(child(si, NS.ds, 'CanonicalizationMethod'), 'Algorithm') ?? '',
		attr(child(si, NS.ds, 'SignatureMethod'), 'Algorithm') ?? '',
		...children(si, NS.ds, 'Reference').flatMap((r) => [
			...children(child(r, NS.ds, 'Transforms'), NS.ds, 'Transform').map(
				(t) => attr(t, 'Algorithm') ?? '',
			),
			attr(child(r, NS.ds, 'DigestMethod'), 'Algorithm') ?? '',
		]),
	];
	return uris.find((u) => !specDefinedAlgorithm(u)) ?? null;
}

const STEP_OF: Record<FailureKind, FailedStep> = {
	'digest-mismatch': 'reference',
	'signature-mismatch': 'signature-value',
	malformed: 'structure',
	'key-not-found': 'key',
	'still-encrypted': 'encrypted',
	'unsupported-algorithm': 'algorithm',
	policy: 'policy',
};

/**
 * What the XML Signature schema forbids in ds:Signature / ds:SignedInfo (checked before any
 * crypto, as xmlsec1 and the JDK do): exactly one SignedInfo then one SignatureValue, at most one
 * KeyInfo, and in SignedInfo one CanonicalizationMethod, one SignatureMethod, at least one Reference.
 */
export function structureProblem(sig: Element, si: Element | null): string | null {
	const count = (parent: Element, local: string): number => children(parent, NS.ds, local).length;
	const nSi = count(sig, 'SignedInfo');
	if (nSi !== 1)
		return nSi === 0
			? 'ds:Signature has no ds:SignedInfo'
			: `ds:Signature has ${nSi} ds:SignedInfo elements; the schema allows exactly one (a second one is a wrapping vector)`;
	const nSv = count(sig, 'SignatureValue');
	if (nSv !== 1)
		return nSv === 0
			? 'ds:Signature has no ds:SignatureValue'
			: `ds:Signature has ${nSv} ds:SignatureValue elements; the schema allows exactly one`;
	const nKi = count(sig, 'KeyInfo');
	if (nKi > 1) return `ds:Signature has ${nKi} ds:KeyInfo elements; the schema allows at most one`;
	const kids = childElements(sig);
	if (kids[0] !== si || !is(kids[1], NS.ds, 'SignatureValue'))
		return 'ds:Signature must start with ds:SignedInfo followed by ds:SignatureValue';
	if (!si) return 'ds:Signature has no ds:SignedInfo';
	// after SignedInfo and SignatureValue: an optional KeyInfo, then ds:Object elements only
	for (const [i, k] of kids.slice(2).entries()) {
		if (is(k, NS.ds, 'KeyInfo') && i === 0) continue;
		if (!is(k, NS.ds, 'Object'))
			return `ds:Signature holds ${k.tagName} after its SignatureValue; the schema allows only ds:KeyInfo then ds:Object there (content hidden inside a signature is a wrapping vector)`;
	}
	const nCm = count(si, 'CanonicalizationMethod');
	if (nCm !== 1)
		return nCm === 0
			? 'ds:SignedInfo has no ds:CanonicalizationMethod'
			: `ds:SignedInfo has ${nCm} ds:CanonicalizationMethod elements; the schema allows exactly one`;
	const nSm = count(si, 'SignatureMethod');
	if (nSm !== 1)
		return nSm === 0
			? 'ds:SignedInfo has no ds:SignatureMethod'
			: `ds:SignedInfo has ${nSm} ds:SignatureMethod elements; the schema allows exactly one`;
	if (count(si, 'Reference') === 0) return 'ds:SignedInfo has no ds:Reference';
	return null;
}

/** Whether a key could have made a signature of this family and length (lax key search). */
function fits(family: string, c: KeyCandidate, sigLength: number): boolean {
	if (family === 'hmac') return c.kind === 'secret';
	if (c.kind !== 'public') return false;
	const k = c.key;
	if (family === 'rsa' || family === 'rsa-pss')
		return k.kind === 'rsa' && (k.n.toString(16).length + 1) >> 1 === sigLength;
	if (family === 'ecdsa') {
		const size = k.kind === 'ec' ? (k.point.length - 1) / 2 : 0;
		return size > 0 && sigLength === size * 2;
	}
	if (family === 'dsa') return k.kind === 'dsa';
	if (family === 'eddsa') return k.kind === 'ed25519';
	return false;
}

function pssSalt(sm: Element | null): number | undefined {
	const params = childElements(sm ?? (null as unknown as Element)).find(
		(e) => (e.localName ?? '') === 'RSAPSSParams',
	);
	const salt = params
		? childElements(params).find((e) => (e.localName ?? '') === 'SaltLength')
		: null;
	return salt ? Number(trimmedText(salt)) : undefined;
}

/** Facts of a signature that was not processed (the caller sets the error). */
export function skippedFacts(
	sig: Element,
	opts: Pick<VerifyOptions, 'inputName' | 'origin'>,
): SignatureFacts {
	return {
		inputName: opts.inputName,
		signatureId: attr(sig, 'Id'),
		valid: null,
		cryptoValid: null,
		signatureAlgorithm:
			attr(child(child(sig, NS.ds, 'SignedInfo'), NS.ds, 'SignatureMethod'), 'Algorithm') ?? '',
		references: [],
		signerCertSha256: null,
		keySource: 'none',
		path: elementPath(sig),
		documentOrigin: opts.origin,
		overDecrypted: opts.origin === 'decrypted',
		canonicalizationMethod: '',
		inclusivePrefixes: [],
		hmacOutputLength: null,
		keyInfoForms: [],
		keyForm: null,
		rawKeyInKeyInfo: false,
		signerSubject: null,
		chainTrusted: null,
		parent: null,
		inSecurityHeader: false,
		inAssertion: false,
		enveloping: false,
		manifests: 0,
	};
}

/** Verifies a signature element; returns its facts and the canonical bytes for the page. */
export async function verifySignature(
	sig: Element,
	opts: VerifyOptions,
): Promise<{
	facts: SignatureFacts;
	canonical: CanonicalCapture;
	targets?: ReadonlyMap<ReferenceFacts, Element>;
	strTokens?: ReadonlyMap<Element, Element>;
}> {
	const v = new SignatureVerifier(sig, opts);
	try {
		const facts = await v.run();
		return { facts, canonical: v.capture, targets: v.targets, strTokens: v.strTokens };
	} catch (e) {
		// A bug or an unforeseen input: say so on the signature instead of losing the document.
		const message = `internal error while verifying: ${reasonOf(e)}`;
		return {
			facts: {
				...skippedFacts(sig, opts),
				valid: false,
				cryptoValid: false,
				failureKind: 'malformed',
				error: message,
			},
			canonical: v.capture,
		};
	}
}
