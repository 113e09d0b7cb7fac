// SHA-256 of data that arrives in chunks (decrypted content), without holding it: WebCrypto has
// no incremental digest and is several times faster than JavaScript hashing, so the chunks are
// kept and handed to it in one call while they stay under BUFFERED_BYTES (every message of
// ordinary size); past that they go through @noble/hashes' incremental SHA-256 and are let go
// at once. The same trade as the canonical-XML digest (xmldsig/stream-digest.ts).
import { sha256 } from '@noble/hashes/sha2.js';
import { digest } from './digest';

/** Octets kept for one WebCrypto call before switching to incremental hashing. */
export const BUFFERED_BYTES = 4 * 1024 * 1024;

export class ChunkedSha256 {
	private chunks: Uint8Array[] | null = [];
	private incremental: ReturnType<typeof sha256.create> | null = null;
	private length = 0;

	constructor(private readonly buffered = BUFFERED_BYTES) {}

	/** Adds a chunk; a buffered chunk is kept as given, so the caller must not change it. */
	update(chunk: Uint8Array): void {
		this.length += chunk.length;
		if (this.chunks && this.length > this.buffered) {
			const h = sha256.create();
			for (const c of this.chunks) h.update(c);
			this.chunks = null;
			this.incremental = h;
		}
		if (this.incremental) this.incremental.update(chunk);
		else this.chunks?.push(chunk);
	}

	async digest(): Promise<Uint8Array> {
		if (this.incremental) return this.incremental.digest();
		const all = this.chunks ?? [];
		if (all.length === 1) return digest('SHA-256', all[0] as Uint8Array);
		const bytes = new Uint8Array(this.length);
		let at = 0;
		for (const c of all) {
			bytes.set(c, at);
			at += c.length;
		}
		return digest('SHA-256', bytes);
	}
}
