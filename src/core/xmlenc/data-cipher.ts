// Decrypts CipherData octets with a content key: AES-CBC and 3DES-CBC (IV first, ISO 10126
// padding) and AES-GCM (12-byte IV first, 128-bit tag last), per XML Encryption 1.1 section 5.2.
// The octets come in pieces (a CipherValue is base64-decoded piece by piece) and are decrypted
// in chunks, so a 10 MB CipherValue is never held as text, octets and plaintext at once: CBC
// decrypts each chunk with the last ciphertext block of the one before as its IV and takes the
// padding off the last one; GCM runs as AES-CTR plus GHASH (crypto/aes-gcm-chunked.ts) and
// hands out nothing before its tag is checked.
import { aesCbcRawDecryptor } from '../crypto/aes';
import { aesGcmChunks } from '../crypto/aes-gcm-chunked';
import { tripleDesCbcDecryptRaw } from '../crypto/tripledes';
import { toHex } from '../bytes/encoding';
import { ChunkedSha256 } from '../bytes/chunked-sha256';
import type { DataCipher } from './algorithms';
import { cryptoFailure, isStructural, malformed } from './errors';

/** Ciphertext octets as pieces of any size, in order; `pieces()` starts again at each call. */
export interface CipherPieces {
	length: number;
	pieces(): Iterable<Uint8Array>;
}

/** Octets already in memory as one piece. */
export function wholePieces(bytes: Uint8Array): CipherPieces {
	return { length: bytes.length, pieces: () => [bytes] };
}

/** Octets decrypted per chunk (a multiple of every block size); tests lower it. */
export const CHUNK_BYTES = 1024 * 1024;

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

	constructor(pieces: Iterable<Uint8Array>) {
		this.source = pieces[Symbol.iterator]();
	}

	read(n: number): Uint8Array {
		if (this.piece.length - this.at >= n) {
			this.at += n;
			return this.piece.subarray(this.at - n, this.at);
		}
		const out = new Uint8Array(n);
		let filled = 0;
		while (filled < n) {
			if (this.at === this.piece.length) {
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
 */
export async function decryptPieces(
	cipher: DataCipher,
	key: Uint8Array,
	source: CipherPieces,
	sink: (plain: Uint8Array) => void,
	chunkBytes = CHUNK_BYTES,
): Promise<void> {
	if (key.length !== cipher.keyLength) throw cryptoFailure('key length does not fit');
	if (chunkBytes <= 0 || chunkBytes % 16 !== 0)
		throw new RangeError('chunkBytes: a multiple of 16');
	checkCipherShape(cipher, source.length);
	const reader = new PieceReader(source.pieces());
	try {
		if (cipher.kind === 'aes-gcm') {
			const body = source.length - 12 - 16;
			const gcm = await aesGcmChunks(key, reader.read(12).slice(), body);
			for (let left = body; left > 0;) {
				const n = Math.min(chunkBytes, left);
				sink(await gcm.decrypt(reader.read(n)));
				left -= n;
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
			iv = next;
			left -= n;
			if (left === 0) {
				// ISO 10126: only the last octet (the pad length) is defined
				const pad = plain[plain.length - 1] ?? 0;
				if (pad < 1 || pad > block) throw cryptoFailure('padding');
				plain = plain.subarray(0, plain.length - pad);
			}
			sink(plain);
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
	await decryptPieces(cipher, key, wholePieces(octets), (p) => parts.push(p));
	if (parts.length === 1) return parts[0] as Uint8Array;
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Decrypted content as the stages use it: its text (UTF-8, as the page shows it) and digest. */
export interface Plaintext {
	text: string;
	/** SHA-256 of the plaintext octets, lower-case hex. */
	sha256: string;
	/** Length in octets. */
	length: number;
}

/**
 * Decrypts into text and digest without holding the plaintext octets: each chunk is hashed and
 * decoded as it comes (a streaming decoder, so a character split between chunks is whole).
 */
export async function decryptToText(
	cipher: DataCipher,
	key: Uint8Array,
	source: CipherPieces,
	chunkBytes = CHUNK_BYTES,
): Promise<Plaintext> {
	const decoder = new TextDecoder('utf-8');
	const digest = new ChunkedSha256();
	const texts: string[] = [];
	let length = 0;
	await decryptPieces(
		cipher,
		key,
		source,
		(plain) => {
			length += plain.length;
			digest.update(plain);
			texts.push(decoder.decode(plain, { stream: true }));
		},
		chunkBytes,
	);
	texts.push(decoder.decode());
	return { text: texts.join(''), sha256: toHex(await digest.digest()), length };
}
