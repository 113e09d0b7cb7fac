// AES-GCM decryption in chunks, for ciphertexts too large to hold twice (WebCrypto's AES-GCM takes
// the whole ciphertext in one call and copies it): GCM is AES-CTR for the data plus GHASH over
// the ciphertext for the tag (NIST SP 800-38D), so each chunk is decrypted by WebCrypto's AES-CTR
// (AES-192, which Chromium refuses, by @noble/ciphers) and hashed by @noble/ciphers' GHASH,
// and the tag is checked once the last chunk is in. Nothing decrypted may be used before
// `verify` returned true: the caller keeps the plaintext to itself until then.
import { loadNobleAes, loadNoblePolyval } from './noble-aes';
import { bufferSource, toArrayBuffer } from '../bytes/encoding';
import { releaseBuffer } from '../bytes/text-backed';
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

/** Bytes 8..15 and 0..7 of a 16-byte block: a 64-bit big-endian count, as GCM writes lengths. */
function setBitLength(block: Uint8Array, at: number, bytes: number): void {
	const view = new DataView(block.buffer, block.byteOffset, 16);
	view.setUint32(at, Math.floor((bytes * 8) / 2 ** 32), false);
	view.setUint32(at + 4, (bytes * 8) >>> 0, false);
}

/**
 * AES-GCM decryption (96-bit IV, 128-bit tag, no additional data) that writes the plaintext over
 * the ciphertext in the caller's buffer, so a large message is never held as ciphertext and
 * plaintext at once, nor as a second buffer WebCrypto hands back. `data` is IV ‖ ciphertext ‖
 * tag, a view the caller owns; the result is the view of the plaintext in it. AES-128/256 only
 * (WebCrypto); the tag is checked before anything is decrypted.
 *
 * The tag is checked through WebCrypto in one call, without a plaintext: AES-GCM encryption of
 * nothing with the ciphertext C as additional data under the same key and IV gives
 * T' = E_K(J0) ⊕ GHASH_H(C ‖ pad ‖ [8|C|]64 ‖ [0]64), and the tag of C is
 * T = E_K(J0) ⊕ GHASH_H(C ‖ pad ‖ [0]64 ‖ [8|C|]64) (NIST SP 800-38D, 7.1 and 7.2). GHASH is
 * Σ Xi·H^(m-i+1) over the same blocks but the last, the lengths block, which counts H once:
 * T = T' ⊕ (L ⊕ L')·H with H = E_K(0^128). Then AES-CTR from J0 + 1 (GCM's counter) decrypts C
 * chunk by chunk, each chunk's output written back where it was read.
 */
export async function aesGcmDecryptInPlace(
	key: Uint8Array,
	data: Uint8Array,
	chunkBytes: number,
): Promise<Uint8Array> {
	if (key.length !== 16 && key.length !== 32) {
		throw new CryptoError(
			'aes/key-length',
			`AES key of ${key.length} bytes (in place: 128 or 256)`,
		);
	}
	if (data.length < 12 + 16)
		throw new CryptoError('aes/short-gcm', 'AES-GCM data shorter than its IV and tag');
	if (chunkBytes <= 0 || chunkBytes % 16 !== 0)
		throw new RangeError('chunkBytes: a multiple of 16');
	const iv = data.slice(0, 12);
	const n = data.length - 12 - 16;
	const body = data.subarray(12, 12 + n);
	const tag = data.subarray(12 + n);
	const { encrypt, ctr } = await primitives(key);
	const gcmKey = await subtle().importKey('raw', toArrayBuffer(key), 'AES-GCM', false, ['encrypt']);
	const primed = new Uint8Array(
		await subtle().encrypt(
			{
				name: 'AES-GCM',
				iv: toArrayBuffer(iv),
				additionalData: bufferSource(body),
				tagLength: 128,
			},
			gcmKey,
			new Uint8Array(0),
		),
	);
	const hashKey = await encrypt(new Uint8Array(16));
	// L ⊕ L': the bit length of C in both halves
	const lengths = new Uint8Array(16);
	setBitLength(lengths, 0, n);
	setBitLength(lengths, 8, n);
	const { GHASH } = await loadNoblePolyval();
	const correction = new GHASH(hashKey, 16).update(lengths).digest();
	let diff = 0;
	for (let i = 0; i < 16; i++) diff |= primed[i]! ^ correction[i]! ^ tag[i]!;
	if (diff !== 0) throw new CryptoError('aes/gcm-tag', 'AES-GCM tag does not verify');
	for (let at = 0; at < n; at += chunkBytes) {
		const chunk = body.subarray(at, Math.min(n, at + chunkBytes));
		// WebCrypto copied the chunk when called: its plaintext goes where it was
		const plain = await ctr(counterBlock(iv, 2 + at / 16), chunk);
		body.set(plain, at);
		releaseBuffer(plain);
	}
	return body;
}
