// Facts about SOAP envelopes and their WS-Security headers.
import type { EncryptedKeyFacts } from '../xmlenc/facts';

export interface TimestampFacts {
	path: string;
	id: string | null;
	created: string | null;
	expires: string | null;
}

export interface UsernameTokenFacts {
	path: string;
	id: string | null;
	username: string;
	/** Password/@Type as written; null when the Type attribute is absent (means PasswordText). */
	passwordTypeUri: string | null;
	/** 'none' when the token carries no password at all. */
	passwordType: 'PasswordText' | 'PasswordDigest' | 'other' | 'none';
	hasNonce: boolean;
	nonceEncodingType: string | null;
	created: string | null;
	/** The token sits inside EncryptedData / EncryptedHeader (or was recovered by decryption). */
	protectedByEncryption: boolean;
}

export interface BinarySecurityTokenFacts {
	path: string;
	id: string | null;
	valueType: string | null;
	encodingType: string | null;
	/** SHA-256 of the certificate the token carries, when it is an X.509 token. */
	certSha256: string | null;
}

export type { SamlAssertionFacts } from '../xml/saml';
import type { SamlAssertionFacts } from '../xml/saml';

export interface SecurityHeaderFacts {
	path: string;
	/** SOAP 1.1 @actor / SOAP 1.2 @role; null = the ultimate receiver. */
	actor: string | null;
	mustUnderstand: string | null;
	/** Qualified names of the children, in order. */
	children: string[];
	timestamps: TimestampFacts[];
	usernameTokens: UsernameTokenFacts[];
	binarySecurityTokens: BinarySecurityTokenFacts[];
	signaturePaths: string[];
	encryptedKeys: number;
	referenceLists: number;
	signatureConfirmations: number;
	assertions: SamlAssertionFacts[];
}

export interface EnvelopeFacts {
	inputName: string;
	soapVersion: '1.1' | '1.2';
	documentOrigin: 'input' | 'decrypted';
	/** The file's modification time (ISO), the default capture time for WSS-TIMESTAMP-STALE. */
	fileDate: string | null;
	envelopePath: string;
	headerPath: string | null;
	headerCount: number;
	bodyPath: string | null;
	bodyCount: number;
	bodyId: string | null;
	/** QName ({namespace}local) of the Body's first element child: the operation the service runs. */
	bodyFirstChild: string | null;
	/** The same as written (prefix:local). */
	bodyFirstChildName: string | null;
	bodyChildCount: number;
	/** The Body's content is xenc:EncryptedData. */
	bodyEncrypted: boolean;
	headerBlocks: { name: string; qname: string; path: string; id: string | null }[];
	wsa: {
		to: string | null;
		action: string | null;
		messageId: string | null;
		replyTo: string | null;
	};
	securityHeaders: SecurityHeaderFacts[];
	encryptedData: { path: string; id: string | null; type: string | null }[];
	encryptedHeaders: number;
	/** ID values held by more than one element (XSW-DUPLICATE-ID). */
	duplicateIds: { id: string; paths: string[] }[];
	/** Every usable UsernameToken anywhere (also outside a Security header). */
	usernameTokens: UsernameTokenFacts[];
}

/** A signature as the page shows it: facts plus the canonical bytes (bounded; never in the report). */
export interface SignatureView {
	index: number;
	signedInfoCanonical: string;
	references: { uri: string; canonical: string; truncated: boolean }[];
}

/** One node of the "what is signed" tree. */
export interface TreeNode {
	name: string;
	path: string;
	id: string | null;
	/** Indexes (into the input's signatures) of the signatures whose references cover this element. */
	signedBy: number[];
	/** The element is directly a reference target (not only inside one). */
	targetOf: number[];
	role: 'body' | 'timestamp' | 'security' | 'header' | 'signature' | 'envelope' | null;
	/** Leaf text, shortened. */
	text: string | null;
	children: TreeNode[];
	/** Children left out to keep the view bounded. */
	omitted: number;
}

/** Detail view of an XML input: the "what is signed" tree and signatures (the signature stage shapes it). */
export interface XmlDetail {
	summary: string;
	/** Tree of the original document (and of decrypted ones, labelled). */
	trees: { label: string; origin: 'input' | 'decrypted'; root: TreeNode }[];
	signatures: SignatureView[];
	/** Index range of this input's signatures in facts.signatures. */
	signatureIndexes: number[];
	/** Every EncryptedKey of the input: content key, signing key, or unlinked (the decryption stage). */
	encryptedKeys?: EncryptedKeyFacts[];
	/** SAML assertions of the input (standalone, in a Response, or in a SOAP header). */
	saml?: SamlAssertionFacts[];
}
