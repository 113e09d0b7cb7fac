// Facts about certificates and private keys that the rules grade and the page shows.
// Structured-cloneable, never key material.
import type { ReportCertificate, ReportKey } from '../report/report';

export interface CertificateFacts extends ReportCertificate {
	/** Where in the input: alias, PEM block, BinarySecurityToken. */
	source: string;
	sha1: string;
	serialDecimal: string;
	/** CA/B validity days: ceil((notAfter − notBefore + 1 s) / 86400). */
	validityDays: number;
	explicitCurve: boolean;
	/** RSA public exponent (decimal), null for other keys. */
	rsaExponent: string | null;
	/** Comparable public-key identity used for pairing (never secret). */
	publicKeyId: string | null;
	signatureAlgorithmOid: string;
	/** subject == issuer (DER). `selfSigned` additionally means the signature verifies with its own key. */
	selfIssued: boolean;
	hasBasicConstraints: boolean;
	keyUsage: string[];
	extendedKeyUsage: string[];
	hasSan: boolean;
	subjectKeyId: string | null;
	authorityKeyId: string | null;
	/** Public key fingerprint (SHA-256 of the SubjectPublicKeyInfo DER), for KEY-* rules. */
	spkiSha256: string;
	/**
	 * Chain verdict against the trust anchors. Without anchors: false when the supplied chain
	 * fails a check no anchor can change, else null (cannot verify, with `chainNote`).
	 */
	chainValid: boolean | null;
	chainError?: string;
	/** Why the verdict is null (cannot verify) and what would settle it. */
	chainNote?: string;
	/**
	 * Sent beside a leaf but on no leaf's chain (SSL Labs: an extra certificate): not judged as
	 * deployed, and why.
	 */
	extraCertificate?: string;
	/**
	 * Without trust anchors: the connector that uses this certificate needs a key purpose its
	 * extendedKeyUsage (or a CA's above it) does not allow, so no anchor could validate it for
	 * that role (with anchors the same reason is the chainError).
	 */
	purposeError?: string;
	/**
	 * RFC 5280 profile rules the validated chain breaks but is accepted despite (non-critical
	 * basicConstraints on a CA), each naming the clause; shown beside the verdict.
	 */
	chainDeviations?: string[];
	/** Other candidate paths to an anchor (leaf first, sha256) and why each failed. */
	rejectedPaths?: { path: string[]; error: string }[];
	/** Chain built across all inputs, leaf first (sha256), this certificate included. */
	chain: string[];
	/** Position: leaf (end entity, or paired with a private key), intermediate CA, or root CA. */
	role: 'leaf' | 'intermediate' | 'root';
	/** Explicitly trusted: a trusted-certificate entry of a keystore, or marked by the user. */
	pinned: boolean;
	/** A private key for this certificate sits in the same input. */
	privateKeyInInput: boolean;
	/** Keystore entry creation date (JKS/JCEKS/BKS), when the certificate came from one. */
	entryCreated?: string | null;
	/**
	 * Listed as revoked by a dropped CRL of its issuer. `crlVerified`: the CRL's signature verified
	 * with a dropped issuer certificate (false: that certificate was not dropped).
	 */
	revoked?: { crlInput: string; date: string | null; crlVerified: boolean };
	/**
	 * A dropped CRL of its issuer is signed by the issuer but cannot be used for revocation
	 * checking (RFC 5280 profile: no or a critical CRL number, an issuer key without cRLSign), so
	 * its revocation status cannot be established; the reason names the clause.
	 */
	revocationUnknown?: string;
	/**
	 * The chain reaches a publicly trusted root (Mozilla list shipped with the app): the root is
	 * among the dropped certificates (`match: 'root'`, found by its public key) or the last
	 * certificate of the chain names it as issuer (`match: 'issuer'`, name + key identifier).
	 */
	publicRoot?: { name: string; match: 'root' | 'issuer' };
}

export interface PrivateKeyFacts extends ReportKey {
	source: string;
	/** PEM label or container, e.g. 'RSA PRIVATE KEY (DEK-Info AES-256-CBC)'. */
	protection: string | null;
	error?: string;
	/** Comparable public-key identity (public data) used to pair the key with certificates. */
	publicKeyId: string | null;
	/** The key-ring entry holding the material (null when the key stays locked). */
	keyId: string | null;
	/** Keystore alias, when the key sits in a keystore. */
	alias: string | null;
	/** A password of the default list (RULES.md 3.6) decrypted this key file. */
	defaultPassword?: string;
}

/** What the certificate card shows on request: decoded by the engine, off the page's thread. */
export interface CertificateDescription {
	extensions: ExtensionView[];
	/** Why the extensions could not be decoded (the card shows it instead of a list). */
	error?: string;
}

/** One decoded extension for the detail view. */
export interface ExtensionView {
	oid: string;
	name: string;
	critical: boolean;
	/** Decoded text lines (plain text, never markup). */
	lines: string[];
}

export interface CertificateView {
	sha256: string;
	sha1: string;
	source: string;
	subject: string;
	issuer: string;
	serialHex: string;
	serialDecimal: string;
	notBefore: string;
	notAfter: string;
	keyAlgorithm: string;
	keySize: number | null;
	curve: string | null;
	signatureAlgorithm: string;
	/** Its extensions are decoded when the page opens them (certificateExtensions). */
	extensionCount: number;
	/** The certificate; the page builds its raw ASN.1 view from it when opened. */
	pem: string;
}

export interface KeyView {
	source: string;
	format: string;
	keyAlgorithm: string | null;
	keySize: number | null;
	curve: string | null;
	encrypted: boolean;
	status: 'parsed' | 'locked' | 'error';
	note?: string;
}

/** Other PEM blocks (CRL, CSR, public key) listed with a one-line description. */
export interface OtherBlockView {
	label: string;
	description: string;
}

/** The outcome of checking a CRL's signature against the dropped certificates. */
export interface CrlVerdict {
	status: 'valid' | 'invalid' | 'issuer-missing' | 'unsupported';
	/** The certificate whose key verified (or failed to verify) the signature. */
	issuerSha256: string | null;
	text: string;
	/** Signed by its issuer but unusable for revocation checking, and why (RFC 5280 clause). */
	unusable?: string;
}

/** A certificate revocation list found in an input. */
export interface CrlView {
	issuer: string;
	thisUpdate: string | null;
	nextUpdate: string | null;
	/** Revoked serial numbers (hex as in CertificateFacts.serialNumber) with their dates. */
	revoked: {
		serial: string;
		date: string | null;
		/** Indirect CRL: the issuer (certificateIssuer entry extension) this and later entries are for. */
		certificateIssuer?: string;
	}[];
	/** Serials a delta CRL takes off the list (reasonCode removeFromCRL, RFC 5280 5.3.1). */
	removed?: string[];
	signatureAlgorithm: string;
	/** The CRL as dropped (public data), for the signature check in the certificate stage. */
	der: Uint8Array;
	/** Set by the certificate stage on the run's copy of the detail. */
	verdict?: CrlVerdict;
	/** nextUpdate has passed: the issuer may have revoked more since. */
	stale?: boolean;
}

/** Detail view of a certificate / key / PKCS#7 input. */
export interface X509Detail {
	summary: string;
	certificates: CertificateView[];
	keys: KeyView[];
	others: OtherBlockView[];
	crls: CrlView[];
}
