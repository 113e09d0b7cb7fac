// Verifies every ds:Signature of one parsed document against a set of supplied keys: builds the
// ID map first (duplicates recorded, never resolved), collects certificates the message carries,
// and returns per-signature facts plus the canonical bytes for the page.
import type { Document, Element, Node } from '@xmldom/xmldom';
import { toHex } from '../bytes/encoding';
import { descendants, NS } from '../xml/dom';
import { sha256 } from '@noble/hashes/sha2.js';
import { hash } from './algorithms';
import { buildIdMap, elementPath, type IdMap } from '../xml/ids';
import type { KeyContext, KnownCert, KnownSecret, SessionSecret } from './keyinfo';
import { certificateKey } from '../x509/certificate-key';
import type { ReferenceFacts, SignatureFacts } from './facts';
import {
	judgeSamlPosition,
	judgeSamlSignaturePlacement,
	judgeSecurityTokenPosition,
	judgeWsaPosition,
} from '../xml/positions';
import { skippedFacts, verifySignature, type CanonicalCapture } from './verify';
import { isBug } from '../errors';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** Signatures verified per document; more would let one hostile file keep the engine busy. */
export const MAX_SIGNATURES = 64;

function tooMany(
	element: Element,
	opts: VerifyDocumentOptions,
	count: number,
): { facts: SignatureFacts; canonical: CanonicalCapture } {
	return {
		facts: {
			...skippedFacts(element, opts),
			error: `not verified: the document holds ${count} signatures and only the first ${MAX_SIGNATURES} are checked`,
		},
		canonical: { signedInfo: '', references: [] },
	};
}

export interface SuppliedCert {
	der: Uint8Array;
	sha256?: string;
	names: string[];
	label: string;
}

export interface VerifyDocumentOptions {
	inputName: string;
	origin: 'input' | 'decrypted';
	certs: readonly KnownCert[];
	secrets: readonly KnownSecret[];
	/** Keys the decryption stage unwrapped from this message's EncryptedKeys. */
	sessionKeys?: readonly SessionSecret[];
	external?: (uri: string) => Uint8Array | null;
	/** Digested bytes allowed for this document (see verify.ts MAX_DIGESTED_BYTES). */
	digestBudget?: number;
	chain?: (
		cert: KnownCert,
		all: readonly KnownCert[],
	) => Promise<{ trusted: boolean; error?: string } | null>;
}

export interface MessageCert {
	der: Uint8Array;
	sha256: string;
	source: string;
}

export interface DocumentVerification {
	idMap: IdMap;
	signatures: {
		element: Element;
		facts: SignatureFacts;
		canonical: CanonicalCapture;
		targets?: ReadonlyMap<ReferenceFacts, Element>;
		/** Tokens STR-Transforms dereferenced, by SecurityTokenReference. */
		strTokens?: ReadonlyMap<Element, Element>;
	}[];
	/** Certificates carried by the document (BinarySecurityToken, X509Certificate, KeyIdentifier). */
	messageCerts: MessageCert[];
}

/** Parses supplied certificates once (unreadable ones are skipped). */
export async function knownCerts(list: readonly SuppliedCert[]): Promise<KnownCert[]> {
	const out: KnownCert[] = [];
	for (const c of list) {
		try {
			const info = certificateKey(c.der);
			out.push({
				sha256: c.sha256 ?? toHex(await hash('sha256', c.der)),
				info,
				names: c.names,
				label: c.label,
			});
		} catch (error) {
			if (isBug(error)) throw error;
			// not a certificate (the corpus ships a text file among certificates): ignore
		}
	}
	return out;
}

export async function verifyDocument(
	doc: Document,
	opts: VerifyDocumentOptions,
): Promise<DocumentVerification> {
	const idMap = buildIdMap(doc);
	const certs = [...opts.certs];
	const messageCerts: MessageCert[] = [];
	const keys: KeyContext = {
		certs,
		secrets: [...opts.secrets],
		sessionKeys: opts.sessionKeys ?? [],
		idMap,
		addMessageCert(der, source) {
			const sha = toHex(sha256(der));
			if (!messageCerts.some((m) => m.sha256 === sha)) {
				try {
					certificateKey(der);
					messageCerts.push({ der, sha256: sha, source });
				} catch (error) {
					// not a certificate: the null tells the caller, which records it
					if (isBug(error)) throw error;
					return null;
				}
			}
			const existing = certs.find((c) => c.sha256 === sha);
			if (existing) return existing;
			const known: KnownCert = { sha256: sha, info: certificateKey(der), names: [], label: source };
			certs.push(known);
			return known;
		},
		external: (uri) => opts.external?.(uri) ?? null,
	};
	const signatures: DocumentVerification['signatures'] = [];
	const root = doc.documentElement;
	const isSig = root && root.namespaceURI === NS.ds && (root.localName ?? '') === 'Signature';
	const elements = root ? [...(isSig ? [root] : []), ...descendants(root, NS.ds, 'Signature')] : [];
	const chain = opts.chain;
	for (const [n, element] of elements.entries()) {
		if (n >= MAX_SIGNATURES) {
			signatures.push({ element, ...tooMany(element, opts, elements.length) });
			continue;
		}
		const result = await verifySignature(element, {
			inputName: opts.inputName,
			origin: opts.origin,
			keys,
			...(opts.digestBudget === undefined ? {} : { digestBudget: opts.digestBudget }),
			...(chain ? { chain: (cert: KnownCert) => chain(cert, certs) } : {}),
		});
		signatures.push({ element, ...result });
	}
	markSamlPositions(doc, signatures);
	return { idMap, signatures, messageCerts };
}

/**
 * Signature wrapping judged by position: for each reference that resolved to a SAML Response,
 * Assertion, Subject or Conditions, a WS-Addressing header block, a UsernameToken or a Timestamp,
 * whether that copy is the one a consumer reads.
 */
function markSamlPositions(
	doc: Document,
	signatures: readonly {
		element: Element;
		facts: SignatureFacts;
		targets?: ReadonlyMap<ReferenceFacts, Element>;
		strTokens?: ReadonlyMap<Element, Element>;
	}[],
): void {
	// what each reference really signs: its target, or for an STR-Transform the token it names
	// (a SAML assertion a WS-Security signature covers through its SecurityTokenReference)
	const signed = (s: (typeof signatures)[number]): [ReferenceFacts, Element][] =>
		[...(s.targets ?? [])].map(([ref, el]) => {
			const token = s.strTokens?.get(el);
			if (!token) return [ref, el];
			ref.tokenPath = elementPath(token);
			return [ref, token];
		});
	const covered = new Set<Element>();
	for (const s of signatures) for (const [, el] of signed(s)) covered.add(el);
	for (const s of signatures) {
		for (const [ref, el] of signed(s)) {
			// signed: a reference's target or inside one (an assertion in a signed Response)
			const isCovered = (e: Element): boolean => {
				for (let n: Node | null = e; n; n = n.parentNode)
					if (covered.has(n as Element)) return true;
				return false;
			};
			const pos =
				judgeSamlPosition(el, doc, isCovered) ??
				judgeWsaPosition(el, doc, isCovered) ??
				judgeSecurityTokenPosition(el, doc, isCovered);
			// an enveloped SAML signature belongs in what it signs; a detached one (a WS-Security
			// message signature over a SAML token) sits in wsse:Security by design, and one over
			// content inside another signed element (an Advice assertion) protects nothing the
			// consumer would read without that element's signature
			const inside = el.parentNode ? isCovered(el.parentNode as Element) : false;
			const placed =
				ref.transforms.includes(ENVELOPED) && !inside
					? judgeSamlSignaturePlacement(s.element, el)
					: null;
			const v = pos?.effective === false ? pos : placed?.effective === false ? placed : pos;
			if (!v || v.effective === null) continue;
			ref.atExpectedPosition = v.effective;
			ref.expectedAt = v.expected;
			if (v.variant) ref.wrapping = { variant: v.variant, detail: v.detail ?? '' };
		}
	}
}
