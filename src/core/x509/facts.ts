// Facts about certificates and private keys that the rules grade and the page shows.
// Owned by the certificates/keystores work (issue #3); extend freely, keep it structured-cloneable.
import type { ReportCertificate, ReportKey } from '../report/report';

export interface CertificateFacts extends ReportCertificate {
	/** Where in the input: alias, PEM block, BinarySecurityToken. */
	source: string;
	/** Public key fingerprint (SHA-256 of the SubjectPublicKeyInfo DER), for KEY-* rules. */
	spkiSha256: string;
	/** Chain verdict against the user's trust anchors; null when none were marked. */
	chainValid: boolean | null;
	chainError?: string;
}

export interface PrivateKeyFacts extends ReportKey {
	source: string;
}

/** Detail view of a certificate / key / PKCS#7 input (issue #3 shapes it). */
export interface X509Detail {
	summary: string;
}
