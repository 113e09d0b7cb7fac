// Facts about XML Encryption (EncryptedKey / EncryptedData).
// The contract fields (ReportDecryption) go into the report; everything else here is for the
// page only (the report builder copies the contract fields and never the plaintext).
import type { ReportDecryption } from '../report/report';

/** Which key opened an EncryptedData (never the key itself). */
export interface KeyUsedFacts {
	kind: 'private-key' | 'secret-key';
	/** KeyRing id of the key. */
	id: string;
	inputName: string;
	alias: string | null;
	/** Certificate paired with the private key, when known. */
	certSha256: string | null;
	certSubject: string | null;
}

/** Who the sender encrypted for, read from the EncryptedKey's KeyInfo. */
export interface RecipientFacts {
	/** Plain-language references (subject, serial and issuer, SKI, thumbprint, KeyName). */
	references: string[];
	/** The certificate those references name, when one of the dropped files (or the message) holds it. */
	certSha256: string | null;
	certSubject: string | null;
	/** The KeyInfo form used: 'IssuerSerial', 'SKI', 'Thumbprint', 'KeyName', 'BinarySecurityToken', … */
	forms: string[];
	/** The raw references, as the KeyInfo gives them (hex for binary values). */
	skis: string[];
	thumbprints: string[];
	issuerSerials: { issuer: string; serial: string }[];
	keyNames: string[];
	/** SHA-256 of certificates carried in the message (BinarySecurityToken, X509Certificate). */
	carriedCertificates: string[];
}

export interface DecryptionFacts extends ReportDecryption {
	/** Element path of the EncryptedData in the input. */
	path: string;
	/** Where it sits: the whole SOAP Body content, part of the Body, a header (EncryptedHeader), the wsse:Security header, or elsewhere. */
	location: 'body' | 'body-part' | 'header' | 'security-header' | 'other';
	/** The xenc Type: element, content, an attachment (SwA; skipped) or something else. */
	type: 'element' | 'content' | 'attachment' | 'other';
	typeUri: string | null;
	mimeType: string | null;
	/** The EncryptedKey that carried the content key, when there was one. */
	encryptedKeyId: string | null;
	/** OAEP digest and MGF1 hash (short names) for RSA-OAEP key transport. */
	oaep: { digest: string; mgf: string; params: boolean } | null;
	/** kw-aes*, kw-tripledes (URI), when the content key was wrapped with a symmetric key. */
	keyWrap: string | null;
	/** ECDH-ES and its KDF (URIs), when the key came from key agreement. */
	keyAgreement: string | null;
	keyDerivation: string | null;
	/** Where the ciphertext came from: inline CipherValue, or the CipherReference URI. */
	cipherReference: string | null;
	/** Why it failed: a cryptographic failure (one collapsed message), a structural problem, or no key at all. */
	failure: 'crypto' | 'structural' | 'no-key' | null;
	/** The decrypted content could not be put back in place (not XML, not one element). */
	documentError?: string;
	openedBy: KeyUsedFacts | null;
	recipient: RecipientFacts | null;
	/** Display only: the decrypted octets as text (cut at DISPLAY_LIMIT characters). */
	plaintext?: string;
	plaintextTruncated?: boolean;
	/** The WS-Addressing To of the message, for the HTTP rule (absent when the message has none). */
	wsaTo: string | null;
}

/** Longest plaintext kept for display; the hash always covers all of it. */
export const DISPLAY_LIMIT = 1_000_000;

/** What one EncryptedKey is for, and whether the dropped keys opened it (never the key itself). */
export interface EncryptedKeyFacts {
	inputName: string;
	id: string | null;
	path: string;
	keyTransport: string | null;
	/**
	 * 'data': a ReferenceList or an EncryptedData uses it; 'signature': only a signature (or a
	 * DerivedKeyToken a signature uses) refers to it; 'unlinked': nothing in the message refers to it.
	 */
	use: 'data' | 'signature' | 'unlinked';
	/** Base64 SHA-1 of its cipher octets (how an EncryptedKeySHA1 KeyIdentifier names it). */
	sha1: string | null;
	/** Whether unwrapping was attempted (a content key already opened for its data, or one past
	 * the per-input bound, is not unwrapped again). */
	tried: boolean;
	unwrapped: boolean;
	openedBy: KeyUsedFacts | null;
	/** Plain-language note for the card. */
	note: string;
}
