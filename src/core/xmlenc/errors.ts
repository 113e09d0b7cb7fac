// The two failure classes of decryption. Structural problems (unknown algorithm, missing
// CipherReference target) get specific messages; every cryptographic failure (padding, MAC, key
// unwrap) collapses into one message so the page can never act as a padding oracle.

export class StructuralError extends Error {
	override name = 'StructuralError';
}

export class CryptoFailure extends Error {
	override name = 'CryptoFailure';
}

export const CRYPTO_FAILURE_MESSAGE =
	'could not be decrypted with the available keys: wrong key or corrupted data';

/** The collapsed message, naming the recipient when the KeyInfo says who it was (a fixed fact). */
export function cryptoFailureMessage(encryptedFor: string | null | undefined): string {
	return encryptedFor
		? `${CRYPTO_FAILURE_MESSAGE}. No key opens this; it was encrypted for ${encryptedFor}`
		: CRYPTO_FAILURE_MESSAGE;
}
