// Triple-DES for XML Encryption (tripledes-cbc data and RFC 3217 kw-tripledes key unwrap), on top
// of the raw 3DES-CBC of the certificates engineer's legacy DES (WebCrypto has no 3DES).
import { CryptoError } from '../errors';
import { sha1 } from '@noble/hashes/legacy.js';
import { equalBytes } from '../bytes/encoding';
import { tripleDesCbcDecrypt } from './legacy/des';

/** 3DES-CBC decryption without padding removal. */
export function tripleDesCbcDecryptRaw(
	key: Uint8Array,
	iv: Uint8Array,
	data: Uint8Array,
): Uint8Array {
	if (key.length !== 24)
		throw new CryptoError('3des/key-length', `3DES key of ${key.length} bytes`);
	if (data.length === 0 || data.length % 8 !== 0) {
		throw new CryptoError(
			'3des/partial-block',
			'3DES-CBC ciphertext is not a whole number of blocks',
		);
	}
	return tripleDesCbcDecrypt(key, iv, data);
}

const KW_IV = new Uint8Array([0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05]);

/**
 * CMS Triple-DES key unwrap (RFC 3217 section 3.2); throws when the checksum does not match.
 * XML Encryption also wraps AES keys this way, so the key length is not fixed at 24 bytes.
 */
export function tripleDesKeyUnwrap(kek: Uint8Array, wrapped: Uint8Array): Uint8Array {
	if (wrapped.length < 32 || wrapped.length % 8 !== 0) {
		throw new CryptoError(
			'3des/wrapped-key-length',
			'kw-tripledes wrapped key has an invalid length',
		);
	}
	const temp3 = tripleDesCbcDecryptRaw(kek, KW_IV, wrapped);
	const temp2 = temp3.slice().reverse();
	const iv = temp2.subarray(0, 8);
	const temp1 = tripleDesCbcDecryptRaw(kek, iv, temp2.subarray(8));
	const cek = temp1.subarray(0, temp1.length - 8);
	const icv = temp1.subarray(temp1.length - 8);
	if (!equalBytes(sha1(cek).subarray(0, 8), icv))
		throw new CryptoError('3des/kw-checksum', 'kw-tripledes checksum mismatch');
	return cek.slice();
}
