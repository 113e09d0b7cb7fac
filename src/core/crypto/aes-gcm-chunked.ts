// AES-GCM decryption in chunks, for ciphertexts too large to hold twice (WebCrypto's AES-GCM takes
// the whole ciphertext in one call and copies it): GCM is AES-CTR for the data plus GHASH over
// the ciphertext for the tag (NIST SP 800-38D), so each chunk is decrypted by WebCrypto's AES-CTR
// (AES-192, which Chromium refuses, by @noble/ciphers) and hashed by @noble/ciphers' GHASH,
// and the tag is checked once the last chunk is in. Nothing decrypted may be used before
// `verify` returned true: the caller keeps the plaintext to itself until then.
import { loadNobleAes, loadNoblePolyval } from './noble-aes';
import { toArrayBuffer } from '../bytes/encoding';
import { CryptoError } from '../errors';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

export interface GcmChunks {
	/**
	 * Decrypts the next chunk of ciphertext; every chunk but the last must be a whole number of
	 * 16-byte blocks (GHASH pads each chunk it is given).
	 */
	decrypt(chunk: Uint8Array): Promise<Uint8Array>;
	/** After the last chunk: whether the 16-byte tag is right (compared in constant time). */
	verify(tag: Uint8Array): boolean;
}

/** The counter block `iv ‖ n` (n as a 32-bit big-endian integer) of a 96-bit IV. */
function counterBlock(iv: Uint8Array, n: number): Uint8Array {
	const block = new Uint8Array(16);
	block.set(iv);
	new DataView(block.buffer).setUint32(12, n >>> 0, false);
	return block;
}

/** E_K of 16-byte blocks, each encrypted on its own (the hash key H and the tag mask E_K(J0)). */
type BlockEncrypt = (block: Uint8Array) => Promise<Uint8Array>;
/** AES-CTR over `data` from counter block `counter` (32-bit counter, as GCM increments it). */
type CtrCrypt = (counter: Uint8Array, data: Uint8Array) => Promise<Uint8Array>;

async function primitives(key: Uint8Array): Promise<{ encrypt: BlockEncrypt; ctr: CtrCrypt }> {
	if (key.length === 24) {
		const { ctr, ecb } = await loadNobleAes();
		return {
			encrypt: (block) => Promise.resolve(ecb(key, { disablePadding: true }).encrypt(block)),
			// noble's counter is the whole block; it equals GCM's 32-bit counter below 2^32 blocks
			ctr: (counter, data) => Promise.resolve(ctr(key, counter).decrypt(data)),
		};
	}
	const k = await subtle().importKey('raw', toArrayBuffer(key), 'AES-CTR', false, ['encrypt']);
	const run: CtrCrypt = async (counter, data) =>
		new Uint8Array(
			await subtle().encrypt(
				{ name: 'AES-CTR', counter: toArrayBuffer(counter), length: 32 },
				k,
				data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : data.slice(),
			),
		);
	// E_K(X) is the CTR keystream of one zero block starting at counter X
	return { encrypt: (block) => run(block, new Uint8Array(16)), ctr: run };
}

/**
 * Starts decrypting `length` octets of AES-GCM ciphertext (tag not included) under a 96-bit
 * IV, no additional authenticated data (XML Encryption 1.1 section 5.2.4).
 */
export async function aesGcmChunks(
	key: Uint8Array,
	iv: Uint8Array,
	length: number,
): Promise<GcmChunks> {
	if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
		throw new CryptoError('aes/key-length', `AES key of ${key.length} bytes`);
	}
	if (iv.length !== 12) throw new CryptoError('aes/gcm-iv', `AES-GCM IV of ${iv.length} bytes`);
	const { encrypt, ctr: crypt } = await primitives(key);
	const hashKey = await encrypt(new Uint8Array(16));
	const mask = await encrypt(counterBlock(iv, 1));
	const { GHASH } = await loadNoblePolyval();
	const ghash = new GHASH(hashKey, length);
	let blocks = 0;
	let done = 0;
	let open = true;
	return {
		async decrypt(chunk) {
			if (!open || chunk.length === 0) return new Uint8Array(0);
			if (done % 16 !== 0) throw new TypeError('aesGcmChunks: only the last chunk may be partial');
			ghash.update(chunk);
			const plain = await crypt(counterBlock(iv, 2 + blocks), chunk);
			blocks += Math.ceil(chunk.length / 16);
			done += chunk.length;
			return plain;
		},
		verify(tag) {
			if (!open) throw new TypeError('aesGcmChunks: verify called twice');
			open = false;
			if (done !== length || tag.length !== 16) return false;
			const lengths = new Uint8Array(16);
			const view = new DataView(lengths.buffer);
			// bit lengths of the (empty) additional data and of the ciphertext, 64 bits each
			view.setUint32(8, Math.floor((length * 8) / 2 ** 32), false);
			view.setUint32(12, (length * 8) >>> 0, false);
			ghash.update(lengths);
			const s = ghash.digest();
			let diff = 0;
			for (let i = 0; i < 16; i++) diff |= s[i]! ^ mask[i]! ^ tag[i]!;
			return diff === 0;
		},
	};
}
