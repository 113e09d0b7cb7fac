// A long base64 text (a 13 MB CipherValue) decoded piece by piece instead of into one buffer: one
// pass over the text checks it and counts its octets, then each piece decodes on its own, so the
// consumer holds one piece at a time. Accepts what fromBase64 accepts: the standard alphabet,
// whitespace anywhere, padding only at the end, a final group unpadded.
// Where the runtime has Uint8Array.prototype.setFromBase64 (Chromium 140+), both passes decode
// straight into arrays and make no string. Elsewhere (Node 20), and for text the native decoder
// refuses, slices of the text are stripped by the regular-expression engine and decoded (the
// characters of an incomplete 4-character group carried to the next slice): a loop over every
// character in JavaScript took several times longer on a 13 MB value.
import { fromBase64 } from './encoding';

/**
 * Characters of base64 text per slice: pieces of 48 KB of octets. Small enough that each
 * stripped slice is an ordinary young string the next minor collection takes (a 1 MB one goes to
 * the large-object space, and a 13 MB value left 13 MB of them until a full collection).
 */
export const SLICE_CHARS = 64 * 1024;

const SPACE = /\s+/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

export interface Base64Pieces {
	/** Decoded length in octets. */
	length: number;
	/** The decoded octets, piece by piece, in order (each call starts again from the start). */
	pieces(): Generator<Uint8Array>;
}

/**
 * Checks `text` as base64 and counts its octets; null when it is not base64. `sliceChars` is
 * how much of the text is decoded at a time (tests lower it to cut inside a 4-character group);
 * `native`: the runtime's setFromBase64 (tests give a stand-in, or null for the string path).
 */
export function base64Pieces(
	text: string,
	sliceChars = SLICE_CHARS,
	native: SetFromBase64 | null = NATIVE_SET_FROM_BASE64,
): Base64Pieces | null {
	if (!(sliceChars >= 1)) throw new RangeError('sliceChars: at least 1');
	const decoded = native && nativePieces(text, sliceChars, native);
	if (decoded) return decoded;
	let significant = 0;
	let pads = 0;
	for (let at = 0; at < text.length; at += sliceChars) {
		const compact = text.slice(at, at + sliceChars).replace(SPACE, '');
		if (!compact) continue;
		if (NOT_BASE64.test(compact)) return null;
		const eq = compact.indexOf('=');
		if (pads && eq !== 0) return null; // characters after the padding
		if (eq === -1) {
			significant += compact.length;
			continue;
		}
		// padding ends the text: '=' alone up to the end of this slice, whitespace after it
		for (let i = eq; i < compact.length; i++) if (compact.charCodeAt(i) !== 61) return null;
		significant += eq;
		pads += compact.length - eq;
	}
	if (pads > 2 || (pads ? (significant + pads) % 4 !== 0 : significant % 4 === 1)) return null;
	return {
		length: Math.floor((significant * 3) / 4),
		*pieces() {
			let carry = '';
			for (let at = 0; at < text.length; at += sliceChars) {
				const group = carry + text.slice(at, at + sliceChars).replace(SPACE, '');
				const whole = group.length - (group.length % 4);
				carry = group.slice(whole);
				if (whole) yield fromBase64(group.slice(0, whole));
			}
			if (carry) yield fromBase64(carry);
		},
	};
}

/**
 * Uint8Array.prototype.setFromBase64 (ES2026): decodes base64 (ASCII whitespace skipped, the
 * last group loose) into the array it is called on, as many whole groups as fit; `read` is
 * where it stopped in the text, `written` the octets it wrote. Throws SyntaxError for anything
 * else.
 */
export type SetFromBase64 = (this: Uint8Array, text: string) => { read: number; written: number };

const NATIVE_SET_FROM_BASE64 =
	(Uint8Array.prototype as { setFromBase64?: SetFromBase64 }).setFromBase64 ?? null;

/**
 * base64Pieces with the native decoder: the check decodes into one small array again and again
 * and counts, and each piece is decoded into its own array, so neither pass makes a string (the
 * sliced and stripped copies of the text, 43 MB of them for a 13 MB CipherValue, were garbage
 * still in the heap when the decrypted document's text was made). Null when the decoder refuses
 * the text (whitespace beyond ASCII, or not base64): the string path decides. A piece holds a
 * multiple of 3 octets, so every group of 4 characters fits whole.
 */
function nativePieces(
	text: string,
	sliceChars: number,
	native: SetFromBase64,
): Base64Pieces | null {
	const size = Math.max(3, Math.floor((sliceChars * 3) / 4 / 3) * 3);
	// a slice of the text from `at` on (a view of it, not a copy)
	const decode = (into: Uint8Array, at: number) => native.call(into, text.slice(at));
	let length = 0;
	try {
		const scratch = new Uint8Array(size);
		for (let at = 0; at < text.length;) {
			const { read, written } = decode(scratch, at);
			// nothing taken from what is left: not what the decoder's definition does
			if (read === 0) return null;
			at += read;
			length += written;
		}
	} catch (error) {
		if (error instanceof SyntaxError) return null;
		throw error;
	}
	return {
		length,
		*pieces() {
			let at = 0;
			for (let left = length; left > 0;) {
				const piece = new Uint8Array(Math.min(size, left));
				const { read, written } = decode(piece, at);
				// checked above, so every call writes until the end; stop rather than loop forever
				if (written === 0)
					throw new TypeError('internal: base64 text decoded differently than when checked');
				at += read;
				left -= written;
				yield written === piece.length ? piece : piece.subarray(0, written);
			}
		},
	};
}
