// Hand-written type guards for a report (and connector form) read from an untrusted source such
// as a share link: every field the page renders is checked to be of the contract's type.
import type { ConnectorForm } from '../tls/facts';
import {
	INPUT_KINDS,
	REPORT_FORMAT,
	REPORT_VERSION,
	SEVERITIES,
	type FindingLocation,
	type InputGrade,
	type Report,
} from '../report/report';

type Obj = Record<string, unknown>;

const LETTERS = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'];
const OVERALL = [...LETTERS, 'T', 'M'];
const AREA_GRADES = [...OVERALL, 'N/A'];
const GRADE_AREAS = ['tls', 'certificates', 'keystores', 'messages', 'wsdl'];
/** Bounds for arrays read from a link; a real report is far below them. */
const MAX_ITEMS = 10_000;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const orNull =
	<T>(guard: (v: unknown) => v is T) =>
	(v: unknown): v is T | null =>
		v === null || guard(v);
const oneOf =
	(values: readonly string[]) =>
	(v: unknown): v is string =>
		isStr(v) && values.includes(v);
const arrayOf =
	<T>(guard: (v: unknown) => v is T) =>
	(v: unknown): v is T[] =>
		Array.isArray(v) && v.length <= MAX_ITEMS && v.every(guard);
const optional =
	<T>(guard: (v: unknown) => v is T) =>
	(v: unknown): v is T | undefined =>
		v === undefined || guard(v);

/** Checks that `o` has every listed field and that each passes its guard. */
function shape(o: unknown, fields: Record<string, (v: unknown) => boolean>): o is Obj {
	if (!isObj(o)) return false;
	return Object.entries(fields).every(([key, guard]) => guard(o[key]));
}

const strings = arrayOf(isStr);
const status = oneOf(['parsed', 'locked', 'error']);

const isInputNote = (v: unknown) =>
	shape(v, { level: oneOf(['error', 'warning']), line: orNull(isNum), message: isStr });

const isInput = (v: unknown) =>
	shape(v, {
		name: isStr,
		size: isNum,
		sha256: isStr,
		kind: oneOf(INPUT_KINDS),
		status,
		error: optional(isStr),
		notes: optional(arrayOf(isInputNote)),
	});

const isCertificate = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		sha256: isStr,
		subject: isStr,
		issuer: isStr,
		serialNumber: isStr,
		notBefore: isStr,
		notAfter: isStr,
		keyAlgorithm: isStr,
		keySize: orNull(isNum),
		curve: orNull(isStr),
		signatureAlgorithm: isStr,
		selfSigned: isBool,
		isCA: isBool,
		subjectAltNames: strings,
	});

const isEntry = (v: unknown) =>
	shape(v, {
		alias: isStr,
		type: oneOf(['private-key', 'trusted-certificate', 'secret-key']),
		created: orNull(isStr),
		certSha256: strings,
		keyAlgorithm: orNull(isStr),
		keySize: orNull(isNum),
		keyLocked: isBool,
	});

const isKeystore = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		type: oneOf(['JKS', 'JCEKS', 'PKCS12', 'BKS', 'PEM', 'PKCS7']),
		status,
		entries: arrayOf(isEntry),
	});

const isKey = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		format: isStr,
		encrypted: isBool,
		status,
		keyAlgorithm: orNull(isStr),
		keySize: orNull(isNum),
		curve: orNull(isStr),
		matchesCertSha256: strings,
	});

const isReference = (v: unknown) =>
	shape(v, {
		uri: isStr,
		target: orNull(isStr),
		digestAlgorithm: isStr,
		digestValid: orNull(isBool),
	});

const isSignature = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		signatureId: orNull(isStr),
		valid: orNull(isBool),
		verdict: optional(oneOf(['valid', 'invalid', 'cannot-verify'])),
		signatureAlgorithm: isStr,
		references: arrayOf(isReference),
		signerCertSha256: orNull(isStr),
		keySource: isStr,
		error: optional(isStr),
	});

const isDecryption = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		encryptedDataId: orNull(isStr),
		dataAlgorithm: isStr,
		keyTransport: orNull(isStr),
		status: oneOf(['decrypted', 'no-key', 'failed']),
		plaintextSha256: optional(isStr),
		error: optional(isStr),
	});

const isEndpoint = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		service: isStr,
		port: isStr,
		address: isStr,
		secure: isBool,
		binding: oneOf(['soap11', 'soap12', 'http']),
	});

const isPolicy = (v: unknown) =>
	shape(v, {
		inputName: isStr,
		subject: isStr,
		binding: oneOf(['transport', 'asymmetric', 'symmetric', 'none']),
		algorithmSuite: orNull(isStr),
		includeTimestamp: isBool,
		signedParts: strings,
		encryptedParts: strings,
		tokens: strings,
	});

const isTls = (v: unknown) =>
	shape(v, {
		inputName: orNull(isStr),
		source: isStr,
		minVersion: orNull(isStr),
		protocols: strings,
		cipherSuites: strings,
	});

const isLocation = (v: unknown): v is FindingLocation =>
	shape(v, { inputName: orNull(isStr), subject: isStr, evidence: isStr });

const isInputGrade = (v: unknown): v is InputGrade =>
	shape(v, { name: isStr, grade: oneOf(AREA_GRADES) });

const isFinding = (v: unknown) =>
	shape(v, {
		ruleId: isStr,
		severity: oneOf(SEVERITIES),
		title: isStr,
		inputName: orNull(isStr),
		subject: isStr,
		evidence: isStr,
		remediation: isStr,
		references: strings,
		area: optional(isStr),
		effect: optional(isStr),
		locations: optional(arrayOf(isLocation)),
	});

function isByArea(v: unknown): boolean {
	if (!isObj(v)) return false;
	return Object.entries(v).every(([k, g]) => GRADE_AREAS.includes(k) && oneOf(AREA_GRADES)(g));
}

const isGrade = (v: unknown) =>
	shape(v, {
		overall: oneOf(AREA_GRADES),
		ignoringTrust: optional(oneOf(LETTERS)),
		byArea: isByArea,
		capReasons: strings,
		warnings: optional(strings),
		// Optional here: links made before these fields existed still open (see withCompleteness).
		complete: optional(isBool),
		notAnalyzed: optional(strings),
		byInput: optional(arrayOf(isInputGrade)),
	});

/** True only for a value with the contract's report shape (format and version included). */
export function isReport(v: unknown): v is Report {
	return shape(v, {
		format: (x) => x === REPORT_FORMAT,
		version: (x) => x === REPORT_VERSION,
		generatedAt: isStr,
		grade: isGrade,
		inputs: arrayOf(isInput),
		certificates: arrayOf(isCertificate),
		keystores: arrayOf(isKeystore),
		keys: arrayOf(isKey),
		signatures: arrayOf(isSignature),
		decryptions: arrayOf(isDecryption),
		endpoints: arrayOf(isEndpoint),
		policies: arrayOf(isPolicy),
		tlsSettings: arrayOf(isTls),
		findings: arrayOf(isFinding),
	});
}

/**
 * A report from a link made before `grade.complete` / `grade.notAnalyzed` existed gets them from
 * its inputs' statuses, so the page can say what was not analyzed either way.
 */
export function withCompleteness(report: Report): Report {
	const g = report.grade as Partial<Report['grade']> & Report['grade'];
	if (typeof g.complete === 'boolean' && Array.isArray(g.notAnalyzed)) return report;
	const notAnalyzed = report.inputs
		.filter(
			(i) =>
				i.status !== 'parsed' &&
				!(i.status === 'error' && i.kind === 'unknown' && !/cancel/i.test(i.error ?? '')),
		)
		.map((i) => i.name);
	return { ...report, grade: { ...g, complete: notAnalyzed.length === 0, notAnalyzed } };
}

/** Corrected configurations in a link: changed lines only, bounded. */
export function isSharedFixes(
	v: unknown,
): v is { inputName: string; profile: string; lines: { op: '+' | '-'; line: string }[] }[] {
	return arrayOf((f: unknown): f is Obj =>
		shape(f, {
			inputName: isStr,
			profile: isStr,
			lines: arrayOf((l: unknown): l is Obj => shape(l, { op: oneOf(['+', '-']), line: isStr })),
		}),
	)(v);
}

/** True for a connector form with every field of the expected type. */
export function isConnectorForm(v: unknown): v is ConnectorForm {
	return shape(v, {
		name: isStr,
		type: oneOf(['REST', 'SOAP', 'EMAIL']),
		endpoint: isStr,
		role: oneOf(['client', 'server']),
		lowestTlsVersion: oneOf(['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3', '']),
		runtime: isStr,
		cipherSuites: isStr,
		keystoreInput: isStr,
		truststoreInput: isStr,
		wsSecurity: (w) =>
			shape(w, { sign: isBool, encrypt: isBool, timestamp: isBool, usernameToken: isBool }),
	});
}
