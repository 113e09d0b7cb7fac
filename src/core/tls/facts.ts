// Facts about declared and observed TLS settings, grouped by connector.
import type { ChannelScores } from '../report/grade';
import type { ReportTlsSettings, TlsVersion } from '../report/report';
import type { MailFacts, Origin, TlsParse } from './model';
import type { SuiteRow } from './suite-types';

/** RULES.md 4: what a runtime could change, one sentence per kind of fact (see effective.ts). */
export interface RuntimeCaveats {
	protocols: string;
	suites: string;
	tls13: string;
	dh: string;
}

export interface ProtocolFact {
	version: TlsVersion;
	origin: Origin;
}

/** A suite in effect: its row of the suite table (suite-types.ts) and where it came from. */
export interface SuiteFact extends Pick<
	SuiteRow,
	'iana' | 'openssl' | 'kx' | 'au' | 'cipher' | 'bits' | 'mode' | 'mac' | 'minVersion'
> {
	origin: Origin;
}

export interface RuntimeFacts {
	kind: 'java' | 'openssl' | 'dotnet' | 'node' | 'unknown';
	label: string;
	version: string | null;
	/** Java: the effective jdk.tls.disabledAlgorithms and the entries missing from its default. */
	disabledAlgorithms?: { value: string; origin: Origin; defaultValue: string; missing: string[] };
	certpathDisabled?: { value: string; origin: Origin; defaultValue: string; missing: string[] };
	/** Java 7 client before 7u111 without a TLS 1.2 override (RULES.md rule 18). */
	java7ClientTls10?: boolean;
	secLevel?: { level: number; origin: Origin; implicit: boolean } | null;
	dotnet?: {
		framework: string | null;
		/** `added`: OR-ed into the runtime default (`|=`), not the whole set. */
		flags: { names: string[]; origin: Origin; added?: boolean } | null;
		strongCrypto: boolean | null;
	};
}

export interface Vulnerability {
	id: string;
	tier: 'a' | 'b' | 'c' | 'd';
	evidence: string;
	origin: Origin;
}

/** One connector: endpoint + role, with the settings in force (observed wins over declared). */
export interface TlsFacts extends ReportTlsSettings {
	/** Section 3.2 step 4 category scores; null for a plain channel. */
	scores: ChannelScores | null;
	id: string;
	name: string;
	role: 'client' | 'server';
	channel: 'TLS' | 'STARTTLS' | 'PLAIN';
	endpoint: { scheme: string | null; host: string | null; port: number | null } | null;
	/** The declared product ("SOAP connector", "nginx", …) and the endpoint URL as written. */
	product?: string;
	endpointUrl?: string;
	/** Which facts the grade uses. */
	graded: 'declared' | 'observed';
	protocolFacts: ProtocolFact[];
	suiteFacts: SuiteFact[];
	tls13Facts: SuiteFact[];
	declared: { protocols: TlsVersion[]; suites: string[]; tls13: string[]; inputs: string[] } | null;
	observed: {
		protocols: TlsVersion[];
		suites: string[];
		tls13: string[];
		inputName: string;
	} | null;
	/** A declared lower bound (Pega "Lowest allowable") and what the runtime made of it. */
	declaredMinVersion: { version: TlsVersion; origin: Origin } | null;
	runtime: RuntimeFacts;
	/** The runtime as stated by the inputs or the runtime choice, or null (report `runtime`). */
	statedRuntime: string | null;
	/** Set when no runtime is stated: what a runtime could change, for the findings' evidence. */
	caveats: RuntimeCaveats | null;
	dh: { bits: number; origin: Origin } | null;
	curves: { name: string; bits: number }[];
	certificate: {
		keyAlgorithm: string;
		keySize: number;
		source: string;
		sha256: string | null;
	} | null;
	validationDisabled: Origin[];
	vulnerabilities: Vulnerability[];
	fallbackScsv: boolean | null;
	mail: MailFacts | null;
	/** Contributing inputs (declared files, scanner results, runtime files). */
	inputs: string[];
	notes: string[];
	/**
	 * Suite categories a scanner reported as offered or not (testssl.sh `cipherlist_3DES_IDEA`,
	 * `SWEET32`, …), used by the suite rules when the scan did not list the suites themselves.
	 */
	scannerCategories?: { id: ScannerCategory; offered: boolean; origin: Origin }[];
	/** HSTS as a scanner read it from the HTTP response (CGS-1 3.6: A+ needs max-age ≥ 180 days). */
	hsts?: { maxAge: number | null; origin: Origin } | null;
	/**
	 * Protocols below TLS 1.2 the graded scan did not test: whether they are offered is unknown,
	 * so the grade is at most A (build-report), like a runtime that is not stated.
	 */
	unscanned?: TlsVersion[];
	/** The same declaration on the runtimes that matter for its stack, before grading (stage). */
	whatIf?: { runtime: string; connector: TlsFacts }[];
	/** …and graded (analyze.ts): what the runtime would change. */
	runtimeTable?: RuntimeOutcome[];
}

/** Scanner suite categories (testssl.sh names; SWEET32 maps to 3DES_IDEA, RC4 to RC4). */
export type ScannerCategory =
	| 'NULL'
	| 'aNULL'
	| 'EXPORT'
	| 'LOW'
	| '3DES_IDEA'
	| 'OBSOLETED'
	| 'STRONG_NOFS'
	| 'STRONG_FS'
	| 'RC4';

/** The connector form of the page; its values travel in the share link. */
export interface ConnectorForm {
	name: string;
	/** EMAIL: an e-mail account (Pega Email Account), graded with the MAIL-* rules. */
	type: 'REST' | 'SOAP' | 'EMAIL';
	/** For type EMAIL: the account's mode, as the CONTRACT.md e-mail JSON states it. */
	mail?: {
		protocol: 'SMTP' | 'IMAP' | 'POP3';
		/** `starttls` alone is opportunistic (JavaMail's default); `starttls-required` is not. */
		security: 'none' | 'starttls' | 'starttls-required' | 'starttls-optional' | 'ssl';
		authentication: boolean;
		checkServerIdentity: boolean;
	};
	endpoint: string;
	role: 'client' | 'server';
	lowestTlsVersion: 'TLSv1.3' | 'TLSv1.2' | 'TLSv1.1' | 'TLSv1' | 'SSLv3' | '';
	runtime: string;
	cipherSuites: string;
	keystoreInput: string;
	truststoreInput: string;
	wsSecurity: { sign: boolean; encrypt: boolean; timestamp: boolean; usernameToken: boolean };
	/**
	 * The runtime chosen on a TLS input's card, by input name ("OpenSSL 1.1.1w", "Java 8u202"):
	 * it overrides what the file states and travels in the share link with the form.
	 */
	runtimes?: Record<string, string>;
}

/** A connector form nobody has filled in (the page's form before any edit, a runtime choice). */
export function emptyConnectorForm(): ConnectorForm {
	return {
		name: '',
		type: 'REST',
		endpoint: '',
		role: 'client',
		lowestTlsVersion: '',
		runtime: '',
		cipherSuites: '',
		keystoreInput: '',
		truststoreInput: '',
		wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: false },
	};
}

/** One row of "what the runtime would change": the outcome on one runtime. */
export interface RuntimeOutcome {
	runtime: string;
	protocols: TlsVersion[];
	/** Suites the configuration or default offers that this runtime drops. */
	dropped: string[];
	grade: string;
	/** The runtime graded now (stated), for highlighting. */
	current: boolean;
}

/** A connector as the detail view shows it. */
export interface ConnectorView {
	id: string;
	name: string;
	protocols: ProtocolFact[];
	suites: SuiteFact[];
	tls13: SuiteFact[];
	scores: ChannelScores | null;
	notes: string[];
	/** What a scanner reported beyond suites: categories and the HSTS header. */
	scanner?: { categories: NonNullable<TlsFacts['scannerCategories']>; hsts: TlsFacts['hsts'] };
}

/** One corrected file, as a line diff against the user's file. */
export interface TlsFix {
	profile: 'intermediate' | 'modern';
	text: string;
	diff: { op: ' ' | '+' | '-'; line: string }[];
}

/** Detail view of a TLS configuration or scanner input. */
export interface TlsDetail {
	summary: string;
	format: string;
	parse: TlsParse;
	connectors: ConnectorView[];
	fixes: TlsFix[];
}
