// Coded, located failures caused by the user's input (never by a bug in the analyzer).

/**
 * Thrown by parsers for bad input. `src/analyze.ts` is the only place that catches it and turns
 * it into the input's error message; any other exception is a bug and is shown as such.
 */
export class ParseError extends Error {
	override readonly name = 'ParseError';
	constructor(
		readonly code: `${string}/${string}`,
		message: string,
		readonly where: { offset?: number; path?: string; line?: number; column?: number } = {},
	) {
		super(message);
	}
}

/**
 * The input is protected and none of the passwords tried opened it. Carries what the UI needs
 * to ask: `wrongPassword` is true once the user typed one that did not work.
 */
export class LockedError extends Error {
	override readonly name = 'LockedError';
	constructor(
		message: string,
		readonly wrongPassword: boolean,
	) {
		super(message);
	}
}

export function isParseError(error: unknown): error is ParseError {
	return error instanceof ParseError;
}

/** A format, version or algorithm recognised but not supported; the message names it. */
export class UnsupportedError extends Error {
	override readonly name: string = 'UnsupportedError';
	constructor(
		readonly code: `${string}/${string}`,
		message: string,
	) {
		super(message);
	}
}

/** A cryptographic operation failed on the input's data (bad padding, wrong key length, ...). */
export class CryptoFailure extends Error {
	override readonly name = 'CryptoFailure';
	constructor(
		readonly code: `${string}/${string}`,
		message: string,
	) {
		super(message);
	}
}

/**
 * The input asks for more work than the analyzer gives one input (key derivation cost, nesting,
 * element counts). Checked before the work starts; the message names the bound and the demand.
 */
export class BudgetError extends Error {
	override readonly name = 'BudgetError';
	constructor(
		readonly code: `${string}/${string}`,
		message: string,
		readonly bound: { limit: number; requested: number },
	) {
		super(message);
	}
}

/** Errors an input can cause: shown as they are on that input's card. */
export function isInputError(
	error: unknown,
): error is ParseError | LockedError | UnsupportedError | CryptoFailure | BudgetError {
	return (
		error instanceof ParseError ||
		error instanceof LockedError ||
		error instanceof UnsupportedError ||
		error instanceof CryptoFailure ||
		error instanceof BudgetError
	);
}

/**
 * Messages of the libraries we parse with (asn1js, pkijs, @peculiar/x509, xmldom, WebCrypto) for
 * input they cannot read, with what the input would have to be instead. Matched on the library's
 * own wording; anything not listed stays an internal error (a bug to report).
 */
const LIBRARY_MESSAGES: readonly { test: RegExp; say: (m: RegExpExecArray) => string }[] = [
	{
		// a RangeError too: before the generic bounds entry below
		test: /Maximum call stack size exceeded/i,
		say: () =>
			'The input is nested too deeply to analyze (a structure inside it recurses past the stack)',
	},
	{
		test: /^(?:Error during parsing of ASN\.1 data|Wrong ASN\.1 data|ASN\.1 data is empty)?.*?(End of input reached before message was fully decoded|Incorrect (?:length|block)|Zero buffer length|Too big integer|Length of input too (?:big|small)|Wrong (?:length|tag)|Value block.*|Object's schema was not verified against input data.*|Encoded length.*|BER encoded.*)/i,
		say: (m) =>
			`Malformed DER/BER data: ${m[1] ?? m[0]} (the ASN.1 structure is truncated or corrupt)`,
	},
	{
		test: /Object's schema was not verified|schema.*not verified|Wrong values for .* class|Object's schema/i,
		say: () =>
			'The ASN.1 structure is not the one expected here (a field is missing or of the wrong type)',
	},
	{
		test: /(?:Unknown|Unsupported) (?:algorithm|OID|signature algorithm|public key)[^\n]*/i,
		say: (m) => `Unsupported algorithm: ${m[0]}`,
	},
	{
		test: /Cannot (?:read|parse).*PEM|Incorrect PEM|Invalid PEM|PEM/i,
		say: (m) => `The PEM block could not be read: ${m.input.slice(0, 200)}`,
	},
	{
		test: /(?:atob|base64).*(?:invalid|incorrect|not correctly encoded)|invalid character|correctly encoded/i,
		say: () => 'A base64 body is not valid base64',
	},
	{
		test: /OperationError|The operation failed|Data provided to an operation does not meet requirements|DataError|InvalidAccessError/i,
		say: (m) => `A cryptographic operation rejected the input's data: ${m.input.slice(0, 200)}`,
	},
	{
		test: /(?:out of (?:bounds|range)|Offset is outside the bounds|Invalid typed array length|RangeError)/i,
		say: () =>
			'The data ends early or a length field points past its end (truncated or corrupt input)',
	},
];

/**
 * Turns any exception thrown while analyzing one input into that input's message, naming the
 * step (`stage`) it happened in. Input errors keep their message; known library failures get a
 * specific one; the rest (bugs) say so plainly.
 */
/**
 * Input-caused error classes that live with their parsers (x509, xmlenc) and are not yet
 * subclasses of the ones above: matched by name so this module imports nothing.
 */
const INPUT_ERROR_NAMES: ReadonlySet<string> = new Set([
	'CertificateFormatError',
	'KeyFormatError',
	'KeyLockedError',
	'StructuralError',
	'UnsupportedAlgorithmError',
]);

export function describeFailure(
	error: unknown,
	stage: string,
): { message: string; internal: boolean } {
	if (isInputError(error)) return { message: error.message, internal: false };
	if (error instanceof Error && INPUT_ERROR_NAMES.has(error.name))
		return { message: `${error.message} (while ${stage})`, internal: false };
	const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const text = error instanceof Error ? error.message || error.name : raw;
	for (const { test, say } of LIBRARY_MESSAGES) {
		const m = test.exec(text) ?? test.exec(raw);
		if (m) return { message: `${say(m)} (while ${stage})`, internal: false };
	}
	return {
		message: `Internal error while ${stage} (please report it): ${text.slice(0, 300)}`,
		internal: true,
	};
}
