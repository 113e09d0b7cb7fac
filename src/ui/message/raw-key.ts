// Parsing and checking a raw key the user types (hex or base64), for RawKeyForm.
import { fromBase64, fromHex, NOT_BASE64 } from '../../core/bytes/encoding';
import { hasCode, isParseError } from '../../core/errors';

export type RawKeyAlgorithm = 'AES' | 'HMAC' | '3DES';

/** Hex (spaces and colons allowed) first, then base64; null when it is neither. */
export function parseKeyText(text: string): Uint8Array | null {
	const t = text.trim();
	if (!t) return null;
	const hex = t.replace(/^0x/i, '');
	if (/^[0-9a-fA-F\s:]+$/.test(hex) && hex.replace(/[\s:]/g, '').length % 2 === 0) {
		try {
			return fromHex(hex);
		} catch (error) {
			// not hex after all: the null lets the form say the key is unreadable
			if (!isParseError(error)) throw error;
			return null;
		}
	}
	if (!/^[A-Za-z0-9+/=\s_-]+$/.test(t)) return null;
	try {
		const bytes = fromBase64(t.replace(/-/g, '+').replace(/_/g, '/'));
		return bytes.length ? bytes : null;
	} catch (error) {
		// not base64 either: the null lets the form say the key is unreadable
		if (!hasCode(error, NOT_BASE64)) throw error;
		return null;
	}
}

/** A message when the length does not fit the algorithm, else null. */
export function checkKeyLength(algorithm: RawKeyAlgorithm, length: number): string | null {
	if (algorithm === 'AES' && ![16, 24, 32].includes(length)) {
		return `An AES key is 16, 24 or 32 bytes; this one is ${length}.`;
	}
	if (algorithm === '3DES' && length !== 24) {
		return `A Triple-DES key is 24 bytes; this one is ${length}.`;
	}
	if (length === 0) return 'The key is empty.';
	return null;
}
