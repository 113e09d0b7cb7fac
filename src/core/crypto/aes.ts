// AES for XML Encryption: WebCrypto where it can (128/256-bit keys; CBC through the crafted-block
// trick because WebCrypto insists on PKCS#7 padding) and @noble/ciphers for AES-192, which
// Chromium refuses (shared/notes/libraries.md section 5).
import { CryptoError } from '../errors';
import { loadNobleAes } from './noble-aes';
import { bufferSource, toArrayBuffer } from '../bytes/encoding';
import { releaseBuffer } from '../bytes/text-backed';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

function checkKey(key: Uint8Array): void {
	if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
		throw new CryptoError('aes/key-length', `AES key of ${key.length} bytes`);
	}
}

/**
 * AES-CBC decryption without removing any padding. For WebCrypto, a block that encrypts to a
 * full PKCS#7 pad is appended (E_K(0x10…⊕last)); WebCrypto strips exactly that block.
 */
export async function aesCbcDecryptRaw(
	key: Uint8Array,
	iv: Uint8Array,
	data: Uint8Array,
): Promise<Uint8Array> {
	return (await aesCbcRawDecryptor(key))(iv, data);
}

/**
 * aesCbcDecryptRaw with the key imported once, for a ciphertext decrypted in chunks: CBC
 * decrypts each chunk on its own when its IV is the last ciphertext block of the chunk before.
 */
export async function aesCbcRawDecryptor(
	key: Uint8Array,
): Promise<(iv: Uint8Array, data: Uint8Array) => Promise<Uint8Array>> {
	checkKey(key);
	const whole = (data: Uint8Array) => {
		if (data.length === 0 || data.length % 16 !== 0) {
			throw new CryptoError(
				'aes/partial-block',
				'AES-CBC ciphertext is not a whole number of blocks',
			);
		}
	};
	if (key.length === 24) {
		const { cbc } = await loadNobleAes();
		return (iv, data) => {
			whole(data);
			return Promise.resolve(cbc(key, iv, { disablePadding: true }).decrypt(data));
		};
	}
	const k = await subtle().importKey('raw', toArrayBuffer(key), 'AES-CBC', false, [
		'encrypt',
		'decrypt',
	]);
	return async (iv, data) => {
		whole(data);
		const last = data.subarray(data.length - 16);
		const padBlock = new Uint8Array(16).fill(16);
		const extra = new Uint8Array(
			await subtle().encrypt({ name: 'AES-CBC', iv: toArrayBuffer(last) }, k, padBlock),
		).subarray(0, 16);
		const joined = new Uint8Array(data.length + 16);
		joined.set(data);
		joined.set(extra, data.length);
		const plain = new Uint8Array(
			await subtle().decrypt({ name: 'AES-CBC', iv: toArrayBuffer(iv) }, k, joined),
		);
		// ours alone: freed now rather than at a garbage collection (chunked decryption makes ten)
		releaseBuffer(joined);
		return plain;
	};
}

/** AES-GCM decryption: `data` is ciphertext ‖ 128-bit tag; throws when the tag does not verify. */
export async function aesGcmDecrypt(
	key: Uint8Array,
	iv: Uint8Array,
	data: Uint8Array,
): Promise<Uint8Array> {
	return (await aesGcmDecryptor(key))(iv, data);
}

/**
 * aesGcmDecrypt with the key imported first, so that the returned function has taken `data`
 * (copied it, or decrypted it) by the time it returns: WebCrypto copies its input when called
 * (WebCrypto, 'decrypt' step 2: "a copy of the bytes held by the data parameter"), and
 * @noble/ciphers' AES-192 decrypts at once. The caller may free `data` as soon as the call
 * returns, before the promise settles: a 10 MB ciphertext then no longer sits beside the
 * plaintext WebCrypto hands back.
 */
export async function aesGcmDecryptor(
	key: Uint8Array,
): Promise<(iv: Uint8Array, data: Uint8Array) => Promise<Uint8Array>> {
	checkKey(key);
	const short = (data: Uint8Array) => {
		if (data.length < 16)
			throw new CryptoError('aes/short-gcm', 'AES-GCM data shorter than its tag');
	};
	if (key.length === 24) {
		const { gcm } = await loadNobleAes();
		return (iv, data) => {
			short(data);
			return Promise.resolve(gcm(key, iv).decrypt(data));
		};
	}
	const k = await subtle().importKey('raw', toArrayBuffer(key), 'AES-GCM', false, ['decrypt']);
	return (iv, data) => {
		short(data);
		return subtle()
			.decrypt(
				{ name: 'AES-GCM', iv: toArrayBuffer(iv), tagLength: 128 },
				k,
				// the view as it is: a copy of a 10 MB ciphertext sat beside it and the plaintext
				bufferSource(data),
			)
			.then((plain) => new Uint8Array(plain));
	};
}

/** RFC 3394 AES key unwrap (kw-aes128/192/256); throws when the integrity check fails. */
export async function aesKeyUnwrap(kek: Uint8Array, wrapped: Uint8Array): Promise<Uint8Array> {
	checkKey(kek);
	if (wrapped.length < 24 || wrapped.length % 8 !== 0) {
		throw new CryptoError('aes/wrapped-key-length', 'wrapped key has an invalid length');
	}
	return (await loadNobleAes()).aeskw(kek).decrypt(wrapped);
}
