// A long base64 text (a 13 MB CipherValue) decoded piece by piece instead of into one buffer: one
// pass over slices of the text checks it and counts its octets, then each slice decodes on its
// own (its whitespace stripped, the characters of an incomplete 4-character group carried to the
// next slice), so the consumer holds one piece at a time. Accepts what fromBase64 accepts: the
// standard alphabet, whitespace anywhere, padding only at the end, a final group unpadded. The
// slices are stripped by the regular-expression engine: a loop over every character in
// JavaScript took several times longer on a 13 MB value.
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
 * how much of the text is decoded at a time (tests lower it to cut inside a 4-character group).
 */
export function base64Pieces(text: string, sliceChars = SLICE_CHARS): Base64Pieces | null {
	if (!(sliceChars >= 1)) throw new RangeError('sliceChars: at least 1');
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
