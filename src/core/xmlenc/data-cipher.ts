// Decrypts CipherData octets with a content key: AES-CBC and 3DES-CBC (IV first, ISO 10126
// padding) and AES-GCM (12-byte IV first, 128-bit tag last), per XML Encryption 1.1 section 5.2.
import { aesCbcDecryptRaw, aesGcmDecrypt } from '../crypto/aes';
import { removeXmlEncPadding } from '../crypto/padding';
import { tripleDesCbcDecryptRaw } from '../crypto/tripledes';
import type { DataCipher } from './algorithms';
import { cryptoFailure, isStructural, malformed } from './errors';

/** Shape checks that do not depend on the key: safe to report specifically. */
export function checkCipherShape(cipher: DataCipher, octets: Uint8Array): void {
	if (cipher.kind === 'aes-gcm') {
		if (octets.length < 12 + 16) {
			throw malformed(
				`AES-GCM ciphertext of ${octets.length} bytes is shorter than its 12-byte IV and 16-byte tag (truncated)`,
			);
		}
		return;
	}
	const block = cipher.kind === 'aes-cbc' ? 16 : 8;
	if (octets.length < 2 * block || octets.length % block !== 0) {
		throw malformed(
			`${cipher.kind === 'aes-cbc' ? 'AES' : '3DES'}-CBC ciphertext of ${octets.length} bytes is not an IV plus whole ${block}-byte blocks (truncated or not CBC)`,
		);
	}
}

export async function decryptWithCipher(
	cipher: DataCipher,
	key: Uint8Array,
	octets: Uint8Array,
): Promise<Uint8Array> {
	if (key.length !== cipher.keyLength) throw cryptoFailure('key length does not fit');
	checkCipherShape(cipher, octets);
	try {
		if (cipher.kind === 'aes-gcm') {
			return await aesGcmDecrypt(key, octets.subarray(0, 12), octets.subarray(12));
		}
		const block = cipher.kind === 'aes-cbc' ? 16 : 8;
		const iv = octets.subarray(0, block);
		const body = octets.subarray(block);
		const raw =
			cipher.kind === 'aes-cbc'
				? await aesCbcDecryptRaw(key, iv, body)
				: tripleDesCbcDecryptRaw(key, iv, body);
		const plain = removeXmlEncPadding(raw, block);
		if (!plain) throw cryptoFailure('padding');
		return plain;
	} catch (error) {
		if (isStructural(error)) throw error;
		throw cryptoFailure('decryption failed');
	}
}
