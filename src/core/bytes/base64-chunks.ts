// A long base64 text (a 13 MB CipherValue) decoded piece by piece instead of into one buffer: one
// pass checks it and finds cut points at whole 4-character groups, then each piece between two
// cuts decodes on its own (fromBase64, whitespace skipped as there), so the consumer holds one
// piece at a time. Accepts what fromBase64 accepts: the standard alphabet, whitespace anywhere,
// padding only at the end, a final group left unpadded.
import { fromBase64 } from './encoding';

/** Characters of base64 per piece (a multiple of 4): about 768 KB of octets. */
export const PIECE_CHARS = 1024 * 1024;

const ALPHABET = 1;
const SPACE = 2;
const PAD = 3;
const CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
	CLASS[c.charCodeAt(0)] = ALPHABET;
for (const c of [9, 10, 12, 13, 32]) CLASS[c] = SPACE;
CLASS[61] = PAD;

export interface Base64Pieces {
	/** Decoded length in octets. */
	length: number;
	/** The decoded octets, piece by piece, in order (each call starts again from the start). */
	pieces(): Generator<Uint8Array>;
}

/**
 * Checks `text` as base64 and plans its pieces; null when it is not base64. `pieceChars` (a
 * positive multiple of 4) is the number of base64 characters per piece; tests lower it.
 */
export function base64Pieces(text: string, pieceChars = PIECE_CHARS): Base64Pieces | null {
	if (pieceChars <= 0 || pieceChars % 4 !== 0) throw new RangeError('pieceChars: a multiple of 4');
	const cuts = [0];
	let significant = 0;
	let pads = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const kind = c < 128 ? CLASS[c] : /\s/.test(text.charAt(i)) ? SPACE : 0;
		if (kind === ALPHABET) {
			if (pads) return null;
			if (++significant % pieceChars === 0) cuts.push(i + 1);
		} else if (kind === PAD) {
			if (++pads > 2) return null;
		} else if (kind !== SPACE) return null;
	}
	if (pads ? (significant + pads) % 4 !== 0 : significant % 4 === 1) return null;
	if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
	const length = Math.floor((significant * 3) / 4);
	return {
		length,
		*pieces() {
			for (let k = 0; k + 1 < cuts.length; k++) {
				const bytes = fromBase64(text.slice(cuts[k], cuts[k + 1]));
				if (bytes.length) yield bytes;
			}
		},
	};
}
