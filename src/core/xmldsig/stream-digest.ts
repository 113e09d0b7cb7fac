// The digest of a reference's node-set, fed by the canonicalizer chunk by chunk. WebCrypto has no
// incremental digest and is several times faster than JavaScript hashing, so the chunks are kept
// and handed to it in one call when the whole output stays under BUFFERED_BYTES (every message
// up to the size of the bench's 30 MB envelope); past that, the kept chunks and every later one
// go through @noble/hashes' incremental API and are dropped at once, so the memory stays bounded
// whatever the size.
import type { Document } from '@xmldom/xmldom';
import { releaseBuffer } from '../bytes/text-backed';
import { elidedRegions } from '../xml/stream/skeleton';
import { hash, NOBLE_HASHES, type HashName } from './algorithms';
import { canonicalizeInto, type C14nMode } from './c14n';
import { canonicalizeFilteredBytes } from './c14n-filtered';
import type { FilteredNodeSet } from './xpath';

/**
 * Canonical octets buffered for one WebCrypto digest before switching to incremental hashing.
 * The engine holds a large envelope once, as text (bytes/text-backed.ts), so buffering a
 * canonical form as large as the document keeps it within three times the input (the 30 MB
 * bench envelope: text and canonical form about 60 MB); JavaScript SHA-256 took 160 ms of the
 * 10 MB envelope's 520 where WebCrypto takes 20.
 */
export const BUFFERED_BYTES = 32 * 1024 * 1024;

/** First size of the buffer of a document with nothing elided. */
const START_BYTES = 64 * 1024;
/** Room beyond the elided text for the tree around it (headers, the signature, declarations). */
const SLACK = 256 * 1024;

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
	// One buffer, sized from the skeleton's elided text when there is one (the canonical form of
	// elided content is about as long as its text), else grown by half again each time: no list
	// of chunks to copy into a final buffer, which held the canonical form twice at that moment.
	const doc = set.root.nodeType === 9 ? (set.root as Document) : set.root.ownerDocument;
	const elided = doc ? elidedRegions(doc).reduce((n, r) => n + (r.end - r.start), 0) : 0;
	let buffer: Uint8Array | null = new Uint8Array(
		Math.min(buffered, elided ? elided + SLACK : START_BYTES),
	);
	let incremental: Incremental | null = null;
	let length = 0;
	const head = new Uint8Array(keep);
	let headLength = 0;
	canonicalizeInto(set, mode, (chunk) => {
		if (headLength < keep) {
			const part = chunk.subarray(0, keep - headLength);
			head.set(part, headLength);
			headLength += part.length;
		}
		if (buffer && length + chunk.length > buffer.length) {
			if (length + chunk.length <= buffered) {
				const grown = new Uint8Array(
					Math.min(buffered, Math.max(Math.ceil(1.5 * buffer.length), length + chunk.length)),
				);
				grown.set(buffer.subarray(0, length));
				releaseBuffer(buffer);
				buffer = grown;
			} else {
				incremental = NOBLE_HASHES[name].create();
				incremental.update(buffer.subarray(0, length));
				releaseBuffer(buffer);
				buffer = null;
			}
		}
		if (buffer) buffer.set(chunk, length);
		else incremental?.update(chunk);
		length += chunk.length;
	});
	const kept = head.subarray(0, headLength);
	const done = incremental as Incremental | null;
	if (done || !buffer) return { digest: (done as Incremental).digest(), length, head: kept };
	try {
		return { digest: await hash(name, buffer.subarray(0, length)), length, head: kept };
	} finally {
		releaseBuffer(buffer);
	}
}
