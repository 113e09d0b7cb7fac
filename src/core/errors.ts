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

/** The reason carried by anything thrown, for a fact's `reason`/`error` field. */
export function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
