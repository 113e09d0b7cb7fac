// Decrypts CipherData octets with a content key: AES-CBC and 3DES-CBC (IV first, ISO 10126
// padding) and AES-GCM (12-byte IV first, 128-bit tag last), per XML Encryption 1.1 section 5.2.
// The octets come in pieces (a CipherValue is base64-decoded piece by piece) and are decrypted
// in chunks, so a 10 MB CipherValue is never held as text, octets and plaintext at once: CBC
// decrypts each chunk with the last ciphertext block of the one before as its IV and takes the
// padding off the last one; GCM above GCM_ONE_CALL_BYTES runs as AES-CTR plus GHASH
// (crypto/aes-gcm-chunked.ts) and hands out nothing before its tag is checked. A plaintext the
// decrypted document is assembled around (ChunkOptions.room) is decrypted into a buffer with
// that room, GCM in place over its ciphertext.
import { aesCbcRawDecryptor, aesGcmDecryptor } from '../crypto/aes';
import { aesGcmChunks, aesGcmDecryptInPlace } from '../crypto/aes-gcm-chunked';
import { removeXmlEncPadding } from '../crypto/padding';
import { tripleDesCbcDecryptRaw } from '../crypto/tripledes';
import { SLICE_CHARS } from '../bytes/base64-chunks';
import { joinBytes, toHex } from '../bytes/encoding';
import { digest } from '../bytes/digest';
import { releaseBuffer, releaseWhole } from '../bytes/text-backed';
import type { DataCipher } from './algorithms';
import { cryptoFailure, isStructural, malformed } from './errors';

/** Ciphertext octets as pieces of any size, in order; `pieces()` starts again at each call. */
export interface CipherPieces {
	length: number;
	pieces(): Iterable<Uint8Array>;
	/**
	 * True when each piece is a fresh buffer nobody else holds (decoded base64), which the reader
	 * frees once it is used: a freed piece needs no garbage collection, which a loop that makes
	 * few JavaScript objects may not trigger before the next ten pieces are made.
	 */
	fresh?: boolean;
}

/** Octets already in memory as one piece (not freed: the caller holds them). */
export function wholePieces(bytes: Uint8Array): CipherPieces {
	return { length: bytes.length, pieces: () => [bytes] };
}

/** Octets decrypted per chunk (a multiple of every block size); tests lower it. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * AES-GCM ciphertexts up to this size are decrypted by WebCrypto in one call, larger ones in
 * chunks: GHASH in JavaScript costs several ms per MB where WebCrypto's whole AES-GCM takes 2.
 * Measured on the bench's 10 MB Body (13.5 MB envelope, three runs each, load 4-5): in one call
 * 484–533 ms and an engine peak of 50.6–51.2 MB, in chunks 561–595 ms and 48.6–49.7 MB. The peak
 * is the decrypted text beside the document it is spliced into, not the ciphertext, so chunks
 * pay only from about this size on.
 */
export const GCM_ONE_CALL_BYTES = 16 * 1024 * 1024;

/** How decryptPieces cuts its work; tests lower both to reach every chunk boundary. */
export interface ChunkOptions {
	chunkBytes?: number;
	gcmOneCallBytes?: number;
	/**
	 * decryptPlaintext: octets of spare room to leave after the plaintext, so the decrypted
	 * document can be assembled around it in its own buffer (replace.ts) instead of in a second
	 * buffer as large. CBC and 3DES chunks are copied into such a buffer; AES-GCM (128 and 256)
	 * is then decrypted in place in it (crypto/aes-gcm-chunked.ts aesGcmDecryptInPlace), where
	 * WebCrypto's one call would hand back a plaintext buffer of its own, with no room.
	 */
	room?: number;
}

/**
 * The sizes the decryption stage uses (and base64 slices of a CipherValue, cipher-source.ts).
 * Mutable only so a test can run real producers' messages through the smallest chunks
 * (chunked-decryption.test.ts); nothing else writes them.
 */
export const chunkLimits = {
	chunkBytes: CHUNK_BYTES,
	gcmOneCallBytes: GCM_ONE_CALL_BYTES,
	sliceChars: SLICE_CHARS,
};

/** Shape checks that do not depend on the key: safe to report specifically. */
export function checkCipherShape(cipher: DataCipher, length: number): void {
	if (cipher.kind === 'aes-gcm') {
		if (length < 12 + 16) {
			throw malformed(
				`AES-GCM ciphertext of ${length} bytes is shorter than its 12-byte IV and 16-byte tag (truncated)`,
			);
		}
		return;
	}
	const block = cipher.kind === 'aes-cbc' ? 16 : 8;
	if (length < 2 * block || length % block !== 0) {
		throw malformed(
			`${cipher.kind === 'aes-cbc' ? 'AES' : '3DES'}-CBC ciphertext of ${length} bytes is not an IV plus whole ${block}-byte blocks (truncated or not CBC)`,
		);
	}
}

/** Reads exact lengths across the pieces: a subarray when one piece holds them, else a copy. */
class PieceReader {
	private readonly source: Iterator<Uint8Array>;
	private piece: Uint8Array = new Uint8Array(0);
	private at = 0;

	/** `fresh`: the pieces are the reader's to free (CipherPieces.fresh). */
	constructor(
		pieces: Iterable<Uint8Array>,
		private readonly fresh = false,
	) {
		this.source = pieces[Symbol.iterator]();
	}

	/**
	 * Frees the piece read last when it is fresh and used up; call it only when what `read`
	 * returned from it is no longer needed.
	 */
	done(): void {
		if (this.copy) releaseBuffer(this.copy);
		this.copy = null;
		if (this.fresh && this.at === this.piece.length && this.piece.length) {
			releaseBuffer(this.piece);
			this.piece = new Uint8Array(0);
			this.at = 0;
		}
	}

	/** The buffer `read` last assembled across pieces: the reader's own, freed by `done`. */
	private copy: Uint8Array | null = null;

	read(n: number): Uint8Array {
		if (this.piece.length - this.at >= n) {
			this.at += n;
			return this.piece.subarray(this.at - n, this.at);
		}
		const out = new Uint8Array(n);
		this.copy = out;
		let filled = 0;
		while (filled < n) {
			if (this.at === this.piece.length) {
				if (this.fresh && this.piece.length) releaseBuffer(this.piece);
				const next = this.source.next();
				if (next.done) throw malformed('the ciphertext ended early (truncated)');
				this.piece = next.value;
				this.at = 0;
				continue;
			}
			const take = Math.min(n - filled, this.piece.length - this.at);
			out.set(this.piece.subarray(this.at, this.at + take), filled);
			this.at += take;
			filled += take;
		}
		return out;
	}
}

/**
 * Decrypts `source` chunk by chunk and hands each plaintext chunk to `sink` in order; throws
 * cryptoFailure for a wrong key, a bad pad or a wrong tag (GCM: the sink must not use what it
 * got until this returns). `chunkBytes` must be a positive multiple of 16.
 * The plaintext chunks are fresh buffers the sink may keep or free.
 */
export async function decryptPieces(
	cipher: DataCipher,
	key: Uint8Array,
	source: CipherPieces,
	sink: (plain: Uint8Array, last: boolean) => void,
	{
		chunkBytes = chunkLimits.chunkBytes,
		gcmOneCallBytes = chunkLimits.gcmOneCallBytes,
		room = 0,
	}: ChunkOptions = {},
): Promise<void> {
	if (key.length !== cipher.keyLength) throw cryptoFailure('key length does not fit');
	if (chunkBytes <= 0 || chunkBytes % 16 !== 0)
		throw new RangeError('chunkBytes: a multiple of 16');
	checkCipherShape(cipher, source.length);
	const reader = new PieceReader(source.pieces(), source.fresh);
	try {
		if (cipher.kind === 'aes-gcm' && room > 0 && key.length !== 24) {
			// a large plaintext wanted with room (decryptPlaintext): decrypted where its ciphertext
			// is, in a buffer of ours with that room, not handed back by WebCrypto beside it
			const buffer = new Uint8Array(source.length + room);
			for (let at = 0; at < source.length;) {
				const n = Math.min(chunkBytes, source.length - at);
				buffer.set(reader.read(n), at);
				reader.done();
				at += n;
			}
			let plain: Uint8Array;
			try {
				plain = await aesGcmDecryptInPlace(key, buffer.subarray(0, source.length), chunkBytes);
			} catch (error) {
				releaseBuffer(buffer);
				throw error;
			}
			sink(plain, true);
			return;
		}
		if (cipher.kind === 'aes-gcm' && source.length <= gcmOneCallBytes) {
			const decrypt = await aesGcmDecryptor(key);
			const octets = reader.read(source.length);
			const pending = decrypt(octets.subarray(0, 12), octets.subarray(12));
			// taken by the call (aesGcmDecryptor): the reader's copy is freed before the plaintext
			// comes back, not beside it
			reader.done();
			sink(await pending, true);
			return;
		}
		if (cipher.kind === 'aes-gcm') {
			const body = source.length - 12 - 16;
			const gcm = await aesGcmChunks(key, reader.read(12).slice(), body);
			for (let left = body; left > 0;) {
				const n = Math.min(chunkBytes, left);
				const plain = await gcm.decrypt(reader.read(n));
				reader.done();
				left -= n;
				sink(plain, left === 0);
			}
			if (!gcm.verify(reader.read(16))) throw cryptoFailure('tag');
			return;
		}
		const block = cipher.kind === 'aes-cbc' ? 16 : 8;
		const decrypt =
			cipher.kind === 'aes-cbc'
				? await aesCbcRawDecryptor(key)
				: (iv: Uint8Array, data: Uint8Array) =>
						Promise.resolve(tripleDesCbcDecryptRaw(key, iv, data));
		let iv = reader.read(block).slice();
		for (let left = source.length - block; left > 0;) {
			const n = Math.min(chunkBytes, left);
			const data = reader.read(n);
			const next = data.slice(n - block);
			let plain = await decrypt(iv, data);
			reader.done();
			iv = next;
			left -= n;
			if (left === 0) {
				// ISO 10126: only the last octet (the pad length) is defined
				const unpadded = removeXmlEncPadding(plain, block);
				if (!unpadded) throw cryptoFailure('padding');
				plain = unpadded;
			}
			sink(plain, left === 0);
		}
	} catch (error) {
		if (isStructural(error)) throw error;
		throw cryptoFailure('decryption failed');
	}
}

/** Decrypts octets already in memory (an EncryptedKey's wrapped key) into one buffer. */
export async function decryptWithCipher(
	cipher: DataCipher,
	key: Uint8Array,
	octets: Uint8Array,
): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	await decryptPieces(cipher, key, wholePieces(octets), (p) => void parts.push(p));
	return parts.length === 1 ? (parts[0] as Uint8Array) : joinBytes(parts);
}

/**
 * Decrypted content as the stages use it: its octets in one buffer, which the plaintext owns
 * (releasePlaintext frees it), and their digest. The text is made once, in the document the
 * octets are spliced into (replace.ts): text pieces decoded during the decryption stayed alive
 * beside that document until a full garbage collection (10 MB of a 13.5 MB envelope's peak),
 * while a buffer is freed the moment it is copied.
 */
export interface Plaintext {
	octets: Uint8Array;
	/** SHA-256 of the plaintext octets, lower-case hex. */
	sha256: string;
	/** Length in octets. */
	length: number;
}

/** Frees a plaintext's octets (nothing else may hold them: decryptPlaintext made them). */
export function releasePlaintext(p: Plaintext): void {
	releaseWhole(p.octets);
}

/**
 * The plaintext as text (UTF-8 decoded as the page shows it, a byte order mark dropped), at most
 * `limit` UTF-16 code units of it, and whether there is more. Only the start is decoded, in
 * windows of as many octets as characters are still wanted (a character takes at least one), so
 * the head is a string of about its own length: a slice of a longer decoded string would keep
 * all of it alive as long as the facts live (3 MB for the 1 MB shown of a 10 MB Body).
 */
export function plaintextHead(p: Plaintext, limit: number): { text: string; truncated: boolean } {
	const decoder = new TextDecoder('utf-8');
	const pieces: string[] = [];
	let chars = 0;
	let at = 0;
	while (chars <= limit && at < p.octets.length) {
		const end = Math.min(p.octets.length, at + Math.max(4, limit + 1 - chars));
		const piece = decoder.decode(p.octets.subarray(at, end), { stream: true });
		pieces.push(piece);
		chars += piece.length;
		at = end;
	}
	if (at >= p.octets.length) {
		const last = decoder.decode();
		pieces.push(last);
		chars += last.length;
	}
	const text = pieces.join('');
	return { text: text.length > limit ? text.slice(0, limit) : text, truncated: chars > limit };
}

/**
 * Decrypts into one buffer of octets and digests it. Chunks (CBC, GCM above
 * GCM_ONE_CALL_BYTES) are copied into a buffer as long as the ciphertext (the plaintext is never
 * longer) plus `options.room`, and freed; GCM in one call hands over WebCrypto's output as it
 * is. WebCrypto digests the buffer in one call: hashing chunk by chunk in JavaScript cost 10 ms
 * per MB where WebCrypto takes 2.
 */
export async function decryptPlaintext(
	cipher: DataCipher,
	key: Uint8Array,
	source: CipherPieces,
	options: ChunkOptions = {},
): Promise<Plaintext> {
	let octets: Uint8Array | null = null;
	let length = 0;
	try {
		await decryptPieces(
			cipher,
			key,
			source,
			(plain, last) => {
				if (!octets && last) {
					// the whole plaintext in one chunk (GCM in one call or in place, a small CBC): kept
					// as it is
					octets = plain;
					length = plain.length;
					return;
				}
				octets ??= new Uint8Array(source.length + Math.max(0, options.room ?? 0));
				octets.set(plain, length);
				length += plain.length;
				// the chunk's whole buffer: CBC's last chunk is a view of it without the padding
				releaseWhole(plain);
			},
			options,
		);
	} catch (error) {
		if (octets) releaseBuffer(octets);
		throw error;
	}
	const whole: Uint8Array = (octets ?? new Uint8Array(0)).subarray(0, length);
	return { octets: whole, sha256: toHex(await digest('SHA-256', whole)), length };
}
