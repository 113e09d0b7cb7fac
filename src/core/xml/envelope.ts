// The one SOAP envelope reader: root, version, Header and Body (with their counts), header blocks,
// Body children, wsse:Security headers and WS-Addressing headers. The envelope model (soap stage)
// and the policy check's captured-message reader both start from it, and it is kept per document
// (until the document changes), so the stages share one reading instead of walking it twice.
import type { Document, Element } from '@xmldom/xmldom';
import { childElements, descendants, is, localName } from './dom';
import { mutations } from './element-index';
import { NS, WSA_NAMESPACES } from './namespaces';

export interface SoapEnvelope {
	root: Element;
	/** The SOAP namespace of the root (1.1 or 1.2). */
	soapNs: string;
	version: '1.1' | '1.2';
	/** Every soap:Header child of the root; the first is the one a receiver reads. */
	headers: readonly Element[];
	bodies: readonly Element[];
	header: Element | null;
	body: Element | null;
	/** The element children of the first Header. */
	blocks: readonly Element[];
	/** The element children of the first Body. */
	bodyChildren: readonly Element[];
	/** The header blocks that are wsse:Security headers, in order. */
	securityHeaders: readonly Element[];
	/** The first header block named `local` in any WS-Addressing namespace. */
	wsaHeader(local: string): Element | null;
	/**
	 * What the wsse:Security headers hold at any depth (tokens, token references, signatures,
	 * assertions), read once per document state for the envelope model and the policy check.
	 */
	readonly security: SecurityContent;
}

/** The elements of the wsse:Security headers (descendants, in document order), by kind. */
export interface SecurityContent {
	usernameTokens: readonly Element[];
	binarySecurityTokens: readonly Element[];
	timestamps: readonly Element[];
	/** wsse:KeyIdentifier of SecurityTokenReferences (in signatures' KeyInfo or EncryptedKeys). */
	keyIdentifiers: readonly Element[];
	x509IssuerSerials: readonly Element[];
	signatures: readonly Element[];
	/** SAML 1.1 and 2.0 assertions (WSS SAML token profile). */
	assertions: readonly Element[];
	encryptedKeys: readonly Element[];
}

function securityContent(headers: readonly Element[]): SecurityContent {
	const all = headers.flatMap((h) => descendants(h));
	const of = (ns: string | readonly string[], local: string): Element[] =>
		all.filter(
			(e) =>
				(typeof ns === 'string' ? e.namespaceURI === ns : ns.includes(e.namespaceURI ?? '')) &&
				localName(e) === local,
		);
	return {
		usernameTokens: of(NS.wsse, 'UsernameToken'),
		binarySecurityTokens: of(NS.wsse, 'BinarySecurityToken'),
		timestamps: of(NS.wsu, 'Timestamp'),
		keyIdentifiers: of(NS.wsse, 'KeyIdentifier'),
		x509IssuerSerials: of(NS.ds, 'X509IssuerSerial'),
		signatures: of(NS.ds, 'Signature'),
		assertions: of([NS.saml1, NS.saml2], 'Assertion'),
		encryptedKeys: of(NS.xenc, 'EncryptedKey'),
	};
}

const READ = new WeakMap<Document, { stamp: number; envelope: SoapEnvelope | null }>();

function read(doc: Document): SoapEnvelope | null {
	const root = doc.documentElement;
	if (!root || localName(root) !== 'Envelope') return null;
	const soapNs = root.namespaceURI ?? '';
	if (soapNs !== NS.soap11 && soapNs !== NS.soap12) return null;
	const top = childElements(root);
	const headers = top.filter((k) => is(k, soapNs, 'Header'));
	const bodies = top.filter((k) => is(k, soapNs, 'Body'));
	const header = headers[0] ?? null;
	const body = bodies[0] ?? null;
	const blocks = header ? childElements(header) : [];
	const securityHeaders = blocks.filter((b) => is(b, NS.wsse, 'Security'));
	let security: SecurityContent | null = null;
	return {
		root,
		soapNs,
		version: soapNs === NS.soap11 ? '1.1' : '1.2',
		headers,
		bodies,
		header,
		body,
		blocks,
		bodyChildren: body ? childElements(body) : [],
		securityHeaders,
		wsaHeader: (local) =>
			blocks.find((b) => WSA_NAMESPACES.has(b.namespaceURI ?? '') && localName(b) === local) ??
			null,
		// read on first use: most envelopes are only asked for their Header and Body
		get security() {
			security ??= securityContent(securityHeaders);
			return security;
		},
	};
}

/** The envelope of a document, or null when its root is not a SOAP 1.1 or 1.2 Envelope. */
export function readEnvelope(doc: Document): SoapEnvelope | null {
	const stamp = mutations(doc);
	const cached = READ.get(doc);
	if (cached && cached.stamp === stamp) return cached.envelope;
	const envelope = read(doc);
	READ.set(doc, { stamp, envelope });
	return envelope;
}
