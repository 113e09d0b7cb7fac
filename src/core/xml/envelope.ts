// The one SOAP envelope reader: root, version, Header and Body (with their counts), header blocks,
// Body children, wsse:Security headers and WS-Addressing headers. The envelope model (soap stage)
// and the policy check's captured-message reader both start from it, and it is kept per document
// (until the document changes), so the stages share one reading instead of walking it twice.
import type { Document, Element } from '@xmldom/xmldom';
import { childElements, is, localName } from './dom';
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
		securityHeaders: blocks.filter((b) => is(b, NS.wsse, 'Security')),
		wsaHeader: (local) =>
			blocks.find((b) => WSA_NAMESPACES.has(b.namespaceURI ?? '') && localName(b) === local) ??
			null,
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
