// The digest of a reference's node-set, fed by the canonicalizer chunk by chunk: the
// canonical form of a 30 MB envelope is never held as one buffer. WebCrypto has no incremental
// digest and is several times faster than JavaScript hashing, so the first chunks are kept and
// handed to it in one call when the whole output stays under BUFFERED_BYTES (every message of
// ordinary size); past that, the kept chunks and every later one go through @noble/hashes'
// incremental API and are dropped at once, so the memory stays bounded whatever the size.
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import { hash, type HashName } from './algorithms';
import { canonicalizeInto, type C14nMode } from './c14n';
import { canonicalizeFilteredBytes } from './c14n-filtered';
import type { FilteredNodeSet } from './xpath';

/** Canonical octets buffered for one WebCrypto digest before switching to incremental hashing. */
export const BUFFERED_BYTES = 4 * 1024 * 1024;

const INCREMENTAL = {
	sha1,
	sha224,
	sha256,
	sha384,
	sha512,
	md5,
	ripemd160,
	'sha3-224': sha3_224,
	'sha3-256': sha3_256,
	'sha3-384': sha3_384,
	'sha3-512': sha3_512,
} as const;

interface Incremental {
	update(data: Uint8Array): unknown;
	digest(): Uint8Array;
}

export interface NodeSetDigest {
	digest: Uint8Array;
	/** Length of the canonical form in octets. */
	length: number;
	/** Its first octets (at most `keep`), for the page's canonical view. */
	head: Uint8Array;
}

/**
 * Canonicalizes a node-set into a digest without holding its canonical form. `keep` octets of
 * the start are kept for display; `buffered` is the switch-over point (tests lower it).
 */
export async function digestNodeSet(
	set: FilteredNodeSet,
	mode: C14nMode,
	name: HashName,
	keep: number,
	buffered = BUFFERED_BYTES,
): Promise<NodeSetDigest> {
	if (set.namespaceFilter) {
		// XPath-filtered namespace nodes: the filtered canonicalizer makes one buffer (small sets)
		const bytes = canonicalizeFilteredBytes(set, mode);
		return { digest: await hash(name, bytes), length: bytes.length, head: bytes.subarray(0, keep) };
	}
	const state: { chunks: Uint8Array[] | null; incremental: Incremental | null } = {
		chunks: [],
		incremental: null,
	};
	let length = 0;
	const head = new Uint8Array(keep);
	let headLength = 0;
	canonicalizeInto(set, mode, (chunk) => {
		if (headLength < keep) {
			const part = chunk.subarray(0, keep - headLength);
			head.set(part, headLength);
			headLength += part.length;
		}
		length += chunk.length;
		if (state.chunks && length > buffered) {
			const h: Incremental = INCREMENTAL[name].create();
			for (const c of state.chunks) h.update(c);
			state.chunks = null;
			state.incremental = h;
		}
		if (state.incremental) state.incremental.update(chunk);
		else state.chunks?.push(chunk.slice());
	});
	const kept = head.subarray(0, headLength);
	if (state.incremental) return { digest: state.incremental.digest(), length, head: kept };
	const all = state.chunks ?? [];
	let bytes: Uint8Array;
	if (all.length === 1) bytes = all[0] as Uint8Array;
	else {
		bytes = new Uint8Array(length);
		let at = 0;
		for (const c of all) {
			bytes.set(c, at);
			at += c.length;
		}
	}
	return { digest: await hash(name, bytes), length, head: kept };
}
