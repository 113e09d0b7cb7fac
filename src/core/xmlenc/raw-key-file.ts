// A dropped file that no parser accepts may be a raw symmetric key (an HMAC secret, an AES or
// Triple-DES key): xmlsec1's --hmackey / --aeskey files, a key written out as hex or base64. Such
// files join the key ring as candidates wherever a secret key is wanted (HMAC signatures, keys of
// EncryptedData and key wrap), tried after any key the KeyInfo names, like xmlsec1's lax search.
import { fromBase64, fromHex, NOT_BASE64 } from '../bytes/encoding';
import { hasCode } from '../errors';

/** Larger unknown files are not taken as keys (HMAC-SHA-512 keys are rarely above 2 blocks). */
export const RAW_KEY_FILE_MAX_BYTES = 1024;

export interface RawKeyFile {
	bytes: Uint8Array;
	/** How the file writes the key. */
	encoding: 'binary' | 'hex' | 'base64';
}

function asText(bytes: Uint8Array): string | null {
	for (const b of bytes) if (b < 0x09 || (b > 0x0d && b < 0x20) || b > 0x7e) return null;
	return new TextDecoder().decode(bytes);
}

/**
 * The key readings of a small unrecognized file, most likely first: hex text (spaces, colons and
 * a 0x prefix allowed) decoded, base64 text decoded (at least 16 characters), and always the
 * file's bytes as they stand, which is how xmlsec1 --hmackey reads a key file (its "testkey", or
 * 32 hex characters used as a 32-byte secret). Each reading is a candidate; the key search tries
 * them all and the one that verifies or decrypts wins.
 */
export function rawKeysFromFile(bytes: Uint8Array): RawKeyFile[] {
	if (bytes.length === 0 || bytes.length > RAW_KEY_FILE_MAX_BYTES) return [];
	const out: RawKeyFile[] = [];
	const t = asText(bytes)?.trim();
	if (t) {
		const hex = t.replace(/^0x/i, '').replace(/[\s:]/g, '');
		if (/^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0 && hex.length >= 16)
			out.push({ bytes: fromHex(hex), encoding: 'hex' });
		const b64 = t.replace(/\s/g, '');
		if (
			out.length === 0 &&
			/^[A-Za-z0-9+/]+={0,2}$/.test(b64) &&
			b64.length >= 16 &&
			b64.length % 4 === 0
		) {
			try {
				out.push({ bytes: fromBase64(b64), encoding: 'base64' });
			} catch (error) {
				if (!hasCode(error, NOT_BASE64)) throw error;
				// not base64 after all
			}
		}
	}
	out.push({ bytes, encoding: 'binary' });
	return out;
}
