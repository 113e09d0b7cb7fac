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
