// The JSON report: the public interface defined by shared/CONTRACT.md (format version 1).
// Field names and meanings here must not change without bumping REPORT_VERSION.

export const REPORT_FORMAT = 'wssec-analyzer-report';
export const REPORT_VERSION = 1;

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type GradeLetter = 'A+' | 'A' | 'A-' | 'B' | 'C' | 'D' | 'E' | 'F';
export type OverallGrade = GradeLetter | 'T' | 'M';
/** Sub-grade areas of the report; `N/A` where nothing in that area was analyzed. */
export type GradeArea = 'tls' | 'certificates' | 'keystores' | 'messages' | 'wsdl';

export type InputKind =
	| 'pkcs12'
	| 'jks'
	| 'jceks'
	| 'bks'
	| 'pem'
	| 'der-certificate'
	| 'pkcs7'
	| 'private-key'
	| 'wsdl'
	| 'soap-envelope'
	| 'xml-signature'
	| 'xml'
	| 'tls-config'
	| 'scan-result'
	| 'unknown';

export const INPUT_KINDS: readonly InputKind[] = [
	'pkcs12',
	'jks',
	'jceks',
	'bks',
	'pem',
	'der-certificate',
	'pkcs7',
	'private-key',
	'wsdl',
	'soap-envelope',
	'xml-signature',
	'xml',
	'tls-config',
	'scan-result',
	'unknown',
];

export type InputStatus = 'pending' | 'parsed' | 'locked' | 'error';

export interface ReportInput {
	name: string;
	size: number;
	sha256: string;
	kind: InputKind;
	status: Exclude<InputStatus, 'pending'>;
	error?: string;
	/**
	 * What the reader found wrong in an input it still read (a TLS settings file with a syntax
	 * error, a directive its server rejects, a duplicate that stops the server from starting):
	 * the errors and warnings of its card. Absent when there are none.
	 */
	notes?: ReportInputNote[];
}

export interface ReportInputNote {
	level: 'error' | 'warning';
	/** Line in the input, when the reader knows it. */
	line: number | null;
	message: string;
}

export interface ReportCertificate {
	inputName: string;
	sha256: string;
	subject: string;
	issuer: string;
	serialNumber: string;
	notBefore: string;
	notAfter: string;
	keyAlgorithm: string;
	keySize: number | null;
	curve: string | null;
	signatureAlgorithm: string;
	selfSigned: boolean;
	isCA: boolean;
	subjectAltNames: string[];
	/**
	 * Added in version 1 (optional): the chain verdict. `valid`/`invalid` against the supplied
	 * trust anchors; without anchors `invalid` when the supplied chain fails whatever anchor is
	 * added, else `cannot-verify` (no anchor, or a signature that cannot be checked here).
	 */
	chainVerdict?: ChainVerdict;
	/** Why the chain is invalid, or why it cannot be verified and what would settle it. */
	chainError?: string;
	/** RFC 5280 profile rules the chain breaks but is accepted despite, each with its clause. */
	chainDeviations?: string[];
	/** The key purpose the connector's role needs and the chain excludes (no anchor can help). */
	purposeError?: string;
	/** Sent beside a leaf but on no leaf's chain (an extra certificate), and so not judged. */
	extraCertificate?: string;
}

export type ChainVerdict = 'valid' | 'invalid' | 'cannot-verify';

export interface ReportKeystoreEntry {
	alias: string;
	type: 'private-key' | 'trusted-certificate' | 'secret-key';
	created: string | null;
	certSha256: string[];
	keyAlgorithm: string | null;
	keySize: number | null;
	keyLocked: boolean;
}

export interface ReportKeystore {
	inputName: string;
	type: 'JKS' | 'JCEKS' | 'PKCS12' | 'BKS' | 'PEM' | 'PKCS7';
	status: 'parsed' | 'locked' | 'error';
	entries: ReportKeystoreEntry[];
}

export interface ReportKey {
	inputName: string;
	format: string;
	encrypted: boolean;
	status: 'parsed' | 'locked' | 'error';
	keyAlgorithm: string | null;
	keySize: number | null;
	curve: string | null;
	matchesCertSha256: string[];
}

export interface ReportSignatureReference {
	uri: string;
	target: string | null;
	digestAlgorithm: string;
	digestValid: boolean | null;
	/**
	 * Added field: false when a transform (XPath, XPath Filter 2.0, XSLT…) keeps only part of the
	 * target, so `target` is referenced but not signed as a whole. Always present in an export.
	 */
	coversWholeTarget?: boolean;
}

export type KeySource =
	| 'BinarySecurityToken'
	| 'KeyIdentifier'
	| 'X509IssuerSerial'
	| 'X509Certificate'
	| 'KeyValue'
	| 'uploaded'
	| 'none';

/** valid / invalid (a step failed) / cannot-verify (key absent, content still encrypted, resource not dropped). */
export type SignatureVerdict = 'valid' | 'invalid' | 'cannot-verify';

export interface ReportSignature {
	inputName: string;
	signatureId: string | null;
	/** null only when it cannot be checked (cannot-verify), with the reason in error. */
	valid: boolean | null;
	/** Optional in facts (derived from valid); always present in an exported report. */
	verdict?: SignatureVerdict;
	signatureAlgorithm: string;
	references: ReportSignatureReference[];
	signerCertSha256: string | null;
	keySource: KeySource;
	error?: string;
	/**
	 * Added field: the signer against the trust anchors given. true: it chains to one; false: it
	 * does not (or is a bare key with no certificate); null: not evaluated, because no anchor was
	 * given or nothing identified the signer. A valid signature with null authenticates nobody.
	 * Optional in facts; always present in an exported report.
	 */
	chainTrusted?: boolean | null;
	/** Added field: why chainTrusted is false. */
	chainError?: string;
}

export interface ReportDecryption {
	inputName: string;
	encryptedDataId: string | null;
	dataAlgorithm: string;
	keyTransport: string | null;
	status: 'decrypted' | 'no-key' | 'failed';
	plaintextSha256?: string;
	error?: string;
}

export interface ReportEndpoint {
	inputName: string;
	service: string;
	port: string;
	address: string;
	secure: boolean;
	binding: 'soap11' | 'soap12' | 'http';
}

export interface ReportPolicy {
	inputName: string;
	subject: string;
	binding: 'transport' | 'asymmetric' | 'symmetric' | 'none';
	algorithmSuite: string | null;
	includeTimestamp: boolean;
	signedParts: string[];
	encryptedParts: string[];
	tokens: string[];
}

export type TlsVersion = 'SSLv2' | 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface ReportTlsSettings {
	inputName: string | null;
	source: string;
	minVersion: TlsVersion | null;
	protocols: TlsVersion[];
	cipherSuites: string[];
}

/** A tlsSettings row of the report: the sets graded, the runtime as stated (or null) and notes. */
export interface ReportTlsRow extends ReportTlsSettings {
	runtime: string | null;
	notes?: string[];
}

export interface Finding {
	ruleId: string;
	severity: Severity;
	title: string;
	inputName: string | null;
	subject: string;
	evidence: string;
	remediation: string;
	references: string[];
	/** Added in version 1 (optional): the catalog area and the grade effect of this hit. */
	area?: string;
	effect?: string;
	/**
	 * Added in version 1 (optional): further places where the same rule found the same thing
	 * (the same certificate in another input, the same note on other subjects of this input).
	 */
	locations?: FindingLocation[];
}

export interface FindingLocation {
	inputName: string | null;
	subject: string;
	evidence: string;
}

/** The grade of one input's own findings (added in version 1, optional). */
export interface InputGrade {
	name: string;
	grade: OverallGrade | 'N/A';
}

export interface ReportGrade {
	/** `N/A` when no input (and no connector form) gave evidence. */
	overall: OverallGrade | 'N/A';
	/** The letter the overall grade would be if trust issues (T/M) were ignored. */
	ignoringTrust?: GradeLetter;
	byArea: Partial<Record<GradeArea, OverallGrade | 'N/A'>>;
	capReasons: string[];
	warnings?: string[];
	/** False while any input is locked, failed, cancelled or pending (contract, added in v1). */
	complete: boolean;
	/** Those inputs, by name; empty when complete. */
	notAnalyzed: string[];
	/** Each input's grade from its own findings (added in version 1). */
	byInput?: InputGrade[];
}

export interface Report {
	format: typeof REPORT_FORMAT;
	version: typeof REPORT_VERSION;
	generatedAt: string;
	grade: ReportGrade;
	inputs: ReportInput[];
	certificates: ReportCertificate[];
	keystores: ReportKeystore[];
	keys: ReportKey[];
	signatures: ReportSignature[];
	decryptions: ReportDecryption[];
	endpoints: ReportEndpoint[];
	policies: ReportPolicy[];
	tlsSettings: ReportTlsRow[];
	findings: Finding[];
}
