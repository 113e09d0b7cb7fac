// Facts about XML signatures (in envelopes and plain XML-DSig documents).
// SignatureFacts extends the report's signature (build-report copies only the contract fields).
import type { KeySource, ReportSignature, ReportSignatureReference } from '../report/report';

/** What a reference's target is, for policy and wrapping checks. */
export type TargetKind = 'body' | 'timestamp' | 'wsa-header' | 'token' | 'other';

export type FailureKind =
	| 'digest-mismatch'
	| 'signature-mismatch'
	| 'malformed'
	| 'key-not-found'
	/** Sign-then-encrypt: the signed content is still encrypted (no dropped key opened it). */
	| 'still-encrypted'
	| 'unsupported-algorithm'
	| 'policy';

export interface ReferenceFacts extends ReportSignatureReference {
	/** Qualified name of the target as written (e.g. 'soapenv:Body'), null when unresolved. */
	target: string | null;
	targetKind: TargetKind | null;
	/** Path of the target element from the root, e.g. /soapenv:Envelope/soapenv:Body. */
	targetPath: string | null;
	/** The target is the whole document (URI=""). */
	wholeDocument: boolean;
	transforms: string[];
	declaredDigest: string;
	/** Base64 digest we computed; null when the reference could not be processed. */
	computedDigest: string | null;
	/** Why the reference could not be processed or does not match. */
	error?: string;
	/** The reference pointed to an ID held by more than one element. */
	duplicateId?: boolean;
	/** The target sits where the receiver processes it (Body under Envelope, Timestamp in Security…); null = no rule applies. */
	atExpectedPosition?: boolean | null;
	/** This reference sits in a ds:Manifest (its digest does not decide core validity). */
	inManifest?: boolean;
	/** Where the consumer reads an element of this kind, in words (set with atExpectedPosition). */
	expectedAt?: string;
	/** How the signed copy was displaced from where the consumer reads (signature wrapping). */
	wrapping?: { variant: 'relocated' | 'nested' | 'duplicated'; detail: string };
	/** How the reference was read when that needs saying (e.g. a URI-less reference). */
	note?: string;
	/**
	 * For an STR-Transform reference: the path of the token its SecurityTokenReference names (a
	 * SAML assertion, a BinarySecurityToken), the content the digest really covers.
	 */
	tokenPath?: string;
	/** The target holds xenc:EncryptedData no dropped key opened (sign-then-encrypt). */
	stillEncrypted?: boolean;
	/**
	 * Transforms that keep only part of the target (XPath, XPath Filter 2.0, XSLT, base64,
	 * XPointer), each with its expression when it has one: the digest then covers what they
	 * keep, not the whole element, so the element does not count as signed ("see what is
	 * signed", XML-DSig 1.1 §8.1.3). Absent when the transforms are only enveloped-signature,
	 * canonicalization and STR-Transform.
	 */
	narrowedBy?: string[];
}

/** The step of XML-DSig core validation that decided an invalid or cannot-verify verdict. */
export type FailedStep =
	'structure' | 'reference' | 'signature-value' | 'key' | 'algorithm' | 'policy' | 'encrypted';

export interface SignatureFacts extends ReportSignature {
	references: ReferenceFacts[];
	/** Path of the ds:Signature element. */
	path: string;
	documentOrigin: 'input' | 'decrypted';
	/** The signature was found in a decrypted document (sign-then-encrypt). */
	overDecrypted: boolean;
	canonicalizationMethod: string;
	inclusivePrefixes: string[];
	/** ds:HMACOutputLength when present (bits). */
	hmacOutputLength: number | null;
	/** null: not checked; true/false: signature value (and every digest) with the resolved key. */
	cryptoValid: boolean | null;
	failureKind?: FailureKind;
	/**
	 * An algorithm URI of SignedInfo that no specification defines (spec-algorithms.ts): no
	 * verifier can compute it, so the signature is invalid rather than "cannot verify".
	 */
	undefinedAlgorithm?: string;
	/** Which step failed (set whenever valid is not true). */
	failedStep?: FailedStep;
	/**
	 * How the key was found when KeyInfo did not lead to a dropped key: every dropped key of the
	 * signature's type was tried, as xmlsec1 --lax-key-search does. Says what KeyInfo named.
	 */
	keySearch?: string;
	/** The KeyInfo forms seen (e.g. 'wsse:Reference→BinarySecurityToken', 'ds:KeyValue'). */
	keyInfoForms: string[];
	/** More precise than keySource: the hint that found the key. */
	keyForm: string | null;
	/** KeyInfo carries the key itself (KeyValue, DEREncodedKeyValue, bare X509Data): BSP R5417. */
	rawKeyInKeyInfo: boolean;
	/** Subject DN of the signer certificate, when known. */
	signerSubject: string | null;
	/** Chain verdict against the trust anchors: null when no anchors were given or no certificate. */
	chainTrusted: boolean | null;
	chainError?: string;
	/** What the key reference named when no supplied key matched it. */
	referencedKey?: string;
	/** Parent element of the ds:Signature (qualified name). */
	parent: string | null;
	/** The signature is a child of a wsse:Security header. */
	inSecurityHeader: boolean;
	/** The signature is inside a SAML assertion (the assertion's own signature). */
	inAssertion: boolean;
	/** Enveloping: a reference targets content inside the signature's own ds:Object. */
	enveloping: boolean;
	/** Number of ds:Manifest elements referenced. */
	manifests: number;
	/** ID values held by more than one element in this signature's document. */
	duplicateIds?: { id: string; paths: string[] }[];
}

export type { KeySource };
