// The two failure classes of decryption. Structural problems (unknown algorithm, missing
// CipherReference target) get specific messages; every cryptographic failure (padding, MAC, key
// unwrap) collapses into one message so the page can never act as a padding oracle. Both are
// InputErrors of core/errors.ts, told apart by code.
import { CryptoError, hasCode, ParseError, UnsupportedError, type InputError } from '../errors';

/** Codes of the structural failures, each with its specific message. */
export const XMLENC_UNSUPPORTED = 'xmlenc/unsupported';
export const XMLENC_MALFORMED = 'xmlenc/malformed';
/** Code of every cryptographic failure (padding, MAC, key length), collapsed to one message. */
export const XMLENC_CRYPTO_FAILURE = 'xmlenc/crypto-failure';

/** An algorithm or parameter this decryption does not implement. */
export function unsupported(message: string): UnsupportedError {
	return new UnsupportedError(XMLENC_UNSUPPORTED, message);
}

/** A missing or unreadable part of the encrypted structure. */
export function malformed(message: string, cause?: unknown): ParseError {
	return new ParseError(XMLENC_MALFORMED, message, {}, cause === undefined ? undefined : { cause });
}

/** A cryptographic failure; its message is for logs only, the page shows CRYPTO_FAILURE_MESSAGE. */
export function cryptoFailure(message: string): CryptoError {
	return new CryptoError(XMLENC_CRYPTO_FAILURE, message);
}

/** Structural: safe to report specifically (it does not depend on the key). */
export function isStructural(error: unknown): error is InputError {
	return hasCode(error, XMLENC_UNSUPPORTED, XMLENC_MALFORMED);
}

export function isCryptoFailure(error: unknown): error is CryptoError {
	return hasCode(error, XMLENC_CRYPTO_FAILURE);
}

export const CRYPTO_FAILURE_MESSAGE =
	'could not be decrypted with the available keys: wrong key or corrupted data';

/** The collapsed message, naming the recipient when the KeyInfo says who it was (a fixed fact). */
export function cryptoFailureMessage(encryptedFor: string | null | undefined): string {
	return encryptedFor
		? `${CRYPTO_FAILURE_MESSAGE}. No key opens this; it was encrypted for ${encryptedFor}`
		: CRYPTO_FAILURE_MESSAGE;
}
