// One copy of a large text input: once an input's decoded text is kept (an XML document keeps it
// for the stages and for re-analysis), its bytes are redundant, since valid UTF-8 decodes and
// re-encodes exactly. textBacked swaps the holder's bytes for a getter that rebuilds them from
// the text when asked (the digest of the file is computed before, so only a CipherReference or a
// detached reference to the file asks), and byteLength answers the size without rebuilding them.
// The engine's memory for a 10 MB envelope is the text, not the text and the bytes.

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Anything holding an input's bytes (an InputFile). */
export interface BytesHolder {
	bytes: Uint8Array;
}

/** Set on a holder whose bytes were released: the byte length, without rebuilding them. */
const SIZE = Symbol('byte length of text-backed bytes');

type TextBacked = BytesHolder & { [SIZE]?: number };

/** The holder's byte length; for a text-backed holder, without re-encoding its text. */
export function byteLength(holder: BytesHolder): number {
	return (holder as TextBacked)[SIZE] ?? holder.bytes.length;
}

/** Whether the holder's bytes are rebuilt from its text (tests and the worker's bookkeeping). */
export function isTextBacked(holder: BytesHolder): boolean {
	return (holder as TextBacked)[SIZE] !== undefined;
}

/** Whether a text-backed holder's bytes began with a byte order mark (the text does not say). */
const BOMS = new WeakMap<BytesHolder, boolean>();

function hasBom(bytes: Uint8Array): boolean {
	return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Replaces `holder.bytes` by the re-encoding of `text`, which must be what a fatal UTF-8 decoder
 * made of those bytes (a byte order mark it dropped is put back). The holder object is changed
 * in place so that every array referring to it lets go of the bytes. The caller passes the
 * decoder's own output: a fatal decoder accepts only valid UTF-8, which re-encodes to the same
 * bytes (no lone surrogates, no overlong forms), so the rebuilt bytes are the original ones.
 */
export function textBacked(holder: BytesHolder, text: string): void {
	// already text-backed (the input was parsed again): the getter moves to the new text, so the
	// old one is not kept alive beside it
	const known = (holder as TextBacked)[SIZE];
	const bytes = known === undefined ? holder.bytes : null;
	const size = known ?? bytes?.length ?? 0;
	const bom = bytes ? hasBom(bytes) : (BOMS.get(holder) ?? false);
	BOMS.set(holder, bom);
	const encoder = new TextEncoder();
	Object.defineProperty(holder, 'bytes', {
		configurable: true,
		enumerable: true,
		get(): Uint8Array {
			const body = encoder.encode(text);
			if (!bom) return body;
			const out = new Uint8Array(size);
			out.set(UTF8_BOM);
			out.set(body, 3);
			return out;
		},
	});
	if (known === undefined) Object.defineProperty(holder, SIZE, { value: size, enumerable: false });
}

/**
 * Frees the memory of bytes nobody else holds (the engine's own copy of a dropped file, once it
 * is text-backed): the buffer is detached at once instead of waiting for a full garbage
 * collection, which a small JavaScript heap may not run for seconds. Only a buffer the view
 * spans exactly is released; views of it held elsewhere would read zero bytes afterwards, so the
 * caller must own it.
 */
export function releaseBuffer(bytes: Uint8Array): boolean {
	const buffer = bytes.buffer;
	if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0) return false;
	if (bytes.byteLength !== buffer.byteLength || buffer.byteLength === 0) return false;
	const transfer = (buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer })
		.transfer;
	// ES2024 transfer(0) gives the memory back now; otherwise move it into an unreachable clone
	// that the next minor collection frees (structured cloning detaches a transferred buffer)
	if (transfer) transfer.call(buffer, 0);
	else structuredClone(buffer, { transfer: [buffer] });
	return true;
}

/**
 * releaseBuffer for the whole buffer under a view (the caller owns all of it, such as decrypted
 * octets cut to their length); a buffer already freed is left alone.
 */
export function releaseWhole(bytes: Uint8Array): void {
	const buffer = bytes.buffer;
	if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) releaseBuffer(new Uint8Array(buffer));
}
