// The error policy in code: every failure caused by the user's input is an InputError with a
// coded reason; anything else thrown from core is a bug. See CONTRIBUTING.md, "Errors".
//
//   ParseError        the bytes or text are not what their kind requires (with a position)
//   LockedError       protected, and no password tried opened it
//   UnsupportedError  well-formed, but uses something this analyzer does not implement
//   CryptoError       a cryptographic operation on the input's data failed (wrong key, bad padding)
//   BudgetError       the input asks for more than a stated limit (size, depth, count, iterations)
//
// `src/analyze.ts` catches these once per input and shows the message on that input's card;
// stages record them as a fact's reason. Never catch one and drop its message: keep `message`
// (and `code`) in the fact or wrap it with `cause`.

/** Where in the input a failure was seen; fill in what the parser knows. */
export interface ErrorPosition {
	/** Byte offset in the decoded input, or character offset in text. */
	offset?: number;
	/** Element or structure path, e.g. "/Envelope/Header/Security". */
	path?: string;
	line?: number;
	column?: number;
}

/** Error codes read `<area>/<kebab-reason>`, e.g. "pem/bad-base64", "asn1/length-past-end". */
export type ErrorCode = `${string}/${string}`;

/** Base of every failure caused by the input; `code` is stable, `message` is for people. */
export abstract class InputError extends Error {
	abstract override readonly name: string;
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly where: ErrorPosition = {},
		options?: { cause?: unknown },
	) {
		super(message, options);
	}
}

/**
 * The input is malformed for its kind. `src/analyze.ts` turns it into the input's error message;
 * stages turn it into the fact's reason.
 */
export class ParseError extends InputError {
	override readonly name: string = 'ParseError';
}

/**
 * The input is protected and none of the passwords tried opened it. Carries what the UI needs
 * to ask: `wrongPassword` is true once the user typed one that did not work.
 */
export class LockedError extends InputError {
	override readonly name: string = 'LockedError';
	constructor(
		message: string,
		readonly wrongPassword: boolean,
		code: ErrorCode = 'input/locked',
	) {
		super(code, message);
	}
}

/** The input is well-formed but uses an algorithm, version or feature we do not implement. */
export class UnsupportedError extends InputError {
	override readonly name: string = 'UnsupportedError';
}

/** A cryptographic operation over the input's data failed; the message says which and why. */
export class CryptoError extends InputError {
	override readonly name: string = 'CryptoError';
}

/** The input exceeds a limit we set against hostile files; says which limit and what was seen. */
export class BudgetError extends InputError {
	override readonly name: string = 'BudgetError';
	constructor(
		code: ErrorCode,
		message: string,
		readonly limit: number,
		readonly seen: number | null = null,
		where: ErrorPosition = {},
	) {
		super(code, message, where);
	}
}

export function isInputError(error: unknown): error is InputError {
	return error instanceof InputError;
}

export function isParseError(error: unknown): error is ParseError {
	return error instanceof ParseError;
}

/**
 * Whether `error` is an input error with exactly this code: how a caller tells one expected
 * failure (a certificate that is not one, a decryption structure problem) from any other, without
 * a class of its own.
 */
export function hasCode(error: unknown, ...codes: readonly ErrorCode[]): error is InputError {
	return error instanceof InputError && codes.includes(error.code);
}

/**
 * Whether something thrown is a bug of ours rather than a failure the input can cause, for a catch
 * that tries something and moves on (the next key, password or certificate): it rethrows a bug
 * and may drop an input failure's reason when it says why. Input failures are our InputErrors,
 * WebCrypto's DOMExceptions, SyntaxError and URIError (JSON.parse, BigInt, decodeURIComponent on
 * input text), RangeError (typed-array bounds on truncated data; deep nesting), and what the
 * libraries throw for bad data (asn1js, pkijs and @noble use Error and its subclasses; pkijs
 * names a missing mandatory field ParameterError, a TypeError). Bugs are TypeError (but that one),
 * ReferenceError and anything thrown that is not an Error.
 */
export function isBug(error: unknown): boolean {
	if (!(error instanceof Error)) return true;
	if (error instanceof InputError || error.name === 'ParameterError') return false;
	return error instanceof TypeError || error instanceof ReferenceError;
}

/** The reason carried by anything thrown, for a fact's `reason`/`error` field. */
export function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
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
export function describeFailure(
	error: unknown,
	stage: string,
): { message: string; internal: boolean } {
	if (isInputError(error)) return { message: error.message, internal: false };
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
