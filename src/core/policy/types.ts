// Plain-data shapes of normalized WS-Policy / WS-SecurityPolicy alternatives and of what a
// captured envelope shows: structured-cloneable, read by rules and by the WSDL view.

export type BindingKind = 'transport' | 'symmetric' | 'asymmetric' | 'none';

export type TokenType =
	| 'X509'
	| 'UsernameToken'
	| 'HttpsToken'
	| 'SAML'
	| 'Kerberos'
	| 'IssuedToken'
	| 'SecureConversation'
	| 'SpnegoContext'
	| 'KeyValue'
	| 'Other';

/** Where a token assertion sits: a binding's token slot or a supporting-token container. */
export type TokenRole =
	| 'transport'
	| 'protection'
	| 'signature'
	| 'encryption'
	| 'initiator'
	| 'recipient'
	| 'supporting'
	| 'signed-supporting'
	| 'endorsing'
	| 'signed-endorsing'
	| 'encrypted-supporting'
	| 'signed-encrypted-supporting'
	| 'endorsing-encrypted'
	| 'signed-endorsing-encrypted';

export interface PolicyToken {
	type: TokenType;
	/** The assertion as written, e.g. "sp:UsernameToken". */
	assertion: string;
	role: TokenRole;
	/** The container assertion, e.g. "sp:SignedSupportingTokens" or "sp:InitiatorToken". */
	container: string;
	/** Last segment of sp:IncludeToken (Never, Once, AlwaysToRecipient, AlwaysToInitiator, Always). */
	includeToken: string | null;
	/** Nested assertions and flags: WssX509V3Token10, HashPassword, RequireClientCertificate… */
	options: string[];
}

/** What sp:SignedParts / sp:EncryptedParts name. */
export interface PartSet {
	body: boolean;
	/** Every header (an empty sp:SignedParts). */
	allHeaders: boolean;
	/** Named headers as "{namespace}Name" ("{namespace}*" when Name is absent). */
	headers: string[];
	attachments: boolean;
}

/** One sp:XPath of sp:SignedElements / sp:EncryptedElements / sp:ContentEncryptedElements. */
export interface PolicyXPath {
	assertion: 'sp:SignedElements' | 'sp:EncryptedElements' | 'sp:ContentEncryptedElements';
	xpath: string;
	/** Prefix → namespace URI in scope at the sp:XPath element ('' = default namespace). */
	namespaces: Record<string, string>;
	/** sp:XPath (1.0) or sp:XPath2 (XPath Filter 2.0 expressions). */
	version: 'XPath' | 'XPath2';
}

export interface PolicyAlternative {
	binding: BindingKind;
	/** The binding assertion as written, e.g. "sp:AsymmetricBinding"; null without one. */
	bindingAssertion: string | null;
	/** Which policy supplied the binding (policy id or element path), for de-duplication. */
	origin: string;
	spVersion: '1.1' | '1.2' | '1.3' | null;
	algorithmSuite: string | null;
	/** Suite modifiers (InclusiveC14N, STRTransform10, XPath10, XPathFilter20, AbsXPath). */
	suiteOptions: string[];
	includeTimestamp: boolean;
	layout: string | null;
	encryptBeforeSigning: boolean;
	encryptSignature: boolean;
	protectTokens: boolean;
	onlySignEntireHeadersAndBody: boolean;
	tokens: PolicyToken[];
	signedParts: PartSet;
	encryptedParts: PartSet;
	signedElements: string[];
	encryptedElements: string[];
	contentEncryptedElements: string[];
	/**
	 * The same XPath expressions with the assertion that names them and the namespace prefixes in
	 * scope where the policy wrote them, so a captured message can be read at those positions.
	 */
	elementXPaths?: PolicyXPath[];
	/** wsam:Addressing / wsaw:UsingAddressing applies. */
	addressing: boolean;
	wss: 'Wss10' | 'Wss11' | null;
	requireSignatureConfirmation: boolean;
	trust: string | null;
	/** Assertions that were not understood (prefixed names), never silently dropped. */
	unknownAssertions: string[];
}

/** What one captured envelope shows, read from its DOM and the signature/encryption facts. */
export interface CapturedMessage {
	inputName: string;
	soapVersion: '1.1' | '1.2';
	/** wsa:Action and wsa:To headers. */
	action: string | null;
	to: string | null;
	/** The Body's first child as {namespace}local (from the decrypted document when encrypted). */
	bodyElement: string | null;
	bodyEncrypted: boolean;
	securityHeader: boolean;
	timestamp: { present: boolean; signed: boolean };
	usernameToken: { present: boolean; passwordType: 'text' | 'digest' | 'none' } | null;
	/** BinarySecurityToken value types (short: X509v3, X509PKIPathv1, PKCS7, Kerberos…). */
	binaryTokens: string[];
	/** An X.509 certificate is referenced (KeyIdentifier, IssuerSerial) without being included. */
	x509Referenced: boolean;
	saml: boolean;
	/** Signed targets: "Body", "Timestamp", "UsernameToken", "BinarySecurityToken", "Header {ns}local". */
	signedTargets: string[];
	signatureAlgorithms: string[];
	digestAlgorithms: string[];
	dataAlgorithms: string[];
	keyTransports: string[];
	/** Where the algorithm facts came from. */
	algorithmSource: 'facts' | 'document' | 'none';
	/** The operation this envelope was matched to. */
	match: MessageMatch | null;
	/** Why it matched (or why not). */
	matchNote: string;
}

export interface MessageMatch {
	/** Input name of the WSDL holding the operation. */
	wsdl: string;
	binding: string;
	operation: string;
	direction: 'input' | 'output';
	/** 'SOAPAction': the message's wsa:Action equals the operation's soap:operation/@soapAction. */
	by: 'wsa:Action' | 'SOAPAction' | 'Body element';
}
