// What each TLS parser reads out of one input, before the stage groups inputs into connectors.
import type { TlsVersion } from '../report/report';

/** Where a value came from: a directive on a line of an input, the form, or a default. */
export interface Origin {
	inputName: string | null;
	/** Directive, property or form field; `default` when nothing set it. */
	directive: string;
	line: number | null;
	/** The text as written (or the default it stands for). */
	value: string;
}

export interface MailFacts {
	protocol: 'smtp' | 'imap' | 'pop3';
	host: string | null;
	port: number | null;
	mode: 'implicit' | 'starttls-required' | 'starttls-optional' | 'plain';
	auth: boolean | null;
	/** null: not set (JavaMail 1.x / Jakarta Mail 2.0 default to false). */
	checkServerIdentity: boolean | null;
	trustAll: boolean;
	origin: Origin;
}

export interface Setting<T> {
	value: T;
	origin: Origin;
}

export interface InputNote {
	level: 'info' | 'warning' | 'error';
	line: number | null;
	message: string;
}

/** The TLS implementation behind an endpoint: decides defaults and what is possible. */
export type TlsStack = 'openssl' | 'jsse' | 'dotnet' | 'node' | 'unknown';

export interface DeclaredEndpoint {
	label: string;
	format: string;
	role: 'client' | 'server';
	scheme: string | null;
	host: string | null;
	port: number | null;
	/** The endpoint URL as written (connector declarations). */
	url?: string;
	line: number | null;
	product: string;
	productVersion: string | null;
	stack: TlsStack;
	/** Already evaluated with the directive's own grammar. */
	protocols?: Setting<TlsVersion[]>;
	/** A lower bound only (Pega "Lowest allowable", ssl-min-ver, minVersion). */
	minVersion?: Setting<TlsVersion>;
	maxVersion?: Setting<TlsVersion>;
	/** OpenSSL cipher-string syntax. */
	cipherString?: Setting<string>;
	/** An explicit list of suite names (JSSE/IANA/OpenSSL). */
	cipherList?: Setting<string[]>;
	tls13Suites?: Setting<string[]>;
	dhBits?: Setting<number>;
	/** nginx: DHE suites are unusable without ssl_dhparam. */
	dhMissing?: Origin;
	curves?: Setting<string[]>;
	/** OpenSSL security level set outside the cipher string (HAProxy `ssl-security-level`). */
	secLevel?: Setting<number>;
	validationDisabled: Origin[];
	compression?: Setting<boolean>;
	insecureRenegotiation?: Setting<boolean>;
	/** Basenames of certificate/keystore files the endpoint references. */
	certificateFiles: string[];
	mail?: MailFacts;
	/** Runtime described inline (connector JSON/form, JVM flags next to the endpoint). */
	runtime?: string;
	/** Names of the defaults that apply when a directive is absent (shown as origin). */
	defaults: { protocols: string; ciphers: string };
}

export interface JavaDecl {
	version: string | null;
	disabledAlgorithms?: Setting<string>;
	certpathDisabled?: Setting<string>;
	clientProtocols?: Setting<TlsVersion[]>;
	serverProtocols?: Setting<TlsVersion[]>;
	httpsProtocols?: Setting<TlsVersion[]>;
	clientCipherSuites?: Setting<string[]>;
	serverCipherSuites?: Setting<string[]>;
	ephemeralDHKeySize?: Setting<string>;
	/** jdk.tls.namedGroups: EC curves and FFDHE groups the JVM offers or accepts. */
	namedGroups?: Setting<string[]>;
	/** jdk.disabled.namedCurves: the list `include jdk.disabled.namedCurves` pulls in. */
	disabledNamedCurves?: Setting<string[]>;
	validationDisabled: Origin[];
}

export interface OpenSslDecl {
	version: string | null;
	/** `nginx -V` output also names nginx itself: its compiled-in defaults apply. */
	nginxVersion?: string;
	minProtocol?: Setting<TlsVersion>;
	maxProtocol?: Setting<TlsVersion>;
	cipherString?: Setting<string>;
	ciphersuites?: Setting<string[]>;
	options?: Setting<string>;
}

export interface DotnetDecl {
	framework: string | null;
	flags?: Setting<string[]>;
	/** The flags are only OR-ed in (`SecurityProtocol |= …`): they add to the runtime default. */
	flagsAdded?: boolean;
	strongCrypto?: Setting<boolean>;
	validationDisabled: Origin[];
}

export interface NodeDecl {
	version: string | null;
	minVersion?: Setting<TlsVersion>;
	maxVersion?: Setting<TlsVersion>;
	ciphers?: Setting<string>;
	validationDisabled: Origin[];
}

export interface ObservedEndpoint {
	scanner: 'testssl' | 'sslyze';
	host: string | null;
	port: number | null;
	starttls: string | null;
	protocols: TlsVersion[];
	/** IANA names of accepted TLS ≤ 1.2 suites, and of TLS 1.3 suites. */
	suites: string[];
	tls13: string[];
	/** False when the scan did not enumerate suites (testssl without -e/-E): S is unknown. */
	suitesListed: boolean;
	/**
	 * Protocols the scan did not test (sslyze command NOT_SCHEDULED or errored, testssl.sh id
	 * missing or a scanner problem): whether the server offers them is unknown.
	 */
	unscanned?: TlsVersion[];
	certKey: { keyAlgorithm: string; keySize: number } | null;
	certNames: string[];
	vulnerabilities: { id: string; tier: 'a' | 'b' | 'c' | 'd'; evidence: string }[];
	fallbackScsv: boolean | null;
	dhBits: number[];
	curves: { name: string; bits: number }[];
	/** The scanner's own grade, for comparison only. */
	scannerGrade: string | null;
	/**
	 * Suite categories the scanner tested without listing suites (testssl.sh `cipherlist_*`,
	 * `SWEET32`, `RC4`): id → offered or not, with the scanner's words.
	 */
	categories?: Record<string, { offered: boolean; evidence: string }>;
	/** Strict-Transport-Security as the scanner saw it; undefined when HTTP headers were not read. */
	hsts?: { maxAge: number | null; evidence: string };
}

export interface TlsParse {
	format: string;
	endpoints: DeclaredEndpoint[];
	java?: JavaDecl;
	openssl?: OpenSslDecl;
	dotnet?: DotnetDecl;
	node?: NodeDecl;
	observed: ObservedEndpoint[];
	notes: InputNote[];
	/** Included files: evaluated when dropped too, else "not evaluated". */
	includes: { path: string; line: number; evaluated: boolean }[];
}

export function emptyParse(format: string): TlsParse {
	return { format, endpoints: [], observed: [], notes: [], includes: [] };
}

export function origin(
	inputName: string | null,
	directive: string,
	line: number | null,
	value: string,
): Origin {
	return { inputName, directive, line, value };
}
