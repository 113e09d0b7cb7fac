// Minimal bounded DER/BER TLV reader: enough to sniff structures and walk them with offsets.
// (Full decoding of certificates and keystores goes through asn1js / pkijs.) Also the depth
// pre-check every decoder entry point runs before handing input bytes to asn1js, which recurses
// once per nesting level: everything here is iterative, and linear in the input.
import { BudgetError } from '../errors';

/**
 * Deepest nesting of constructed elements decoded (the outermost element is level 1). Real
 * certificates, CRLs, PKCS#7, PKCS#8 and PKCS#12 files stay below 20; asn1js itself gives up
 * past 100 levels with a message that says neither the limit nor where.
 */
export const MAX_BER_DEPTH = 64;

export interface Tlv {
	/** Identifier octet (class, constructed bit and tag number for low tags). */
	tag: number;
	constructed: boolean;
	/** Offset of the identifier octet. */
	start: number;
	/** Offset of the first content octet. */
	contentStart: number;
	/** Offset just past the content (for indefinite lengths, past the end-of-contents octets). */
	end: number;
	indefinite: boolean;
}

/** Reads one TLV at `offset`, or returns null if the bytes there are not a well-formed header within `limit`. */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length): Tlv | null {
	if (offset + 2 > limit) return null;
	const tag = bytes[offset] ?? 0;
	if ((tag & 0x1f) === 0x1f) return null; // high tag numbers never occur in the structures we sniff
	let at = offset + 1;
	const first = bytes[at++] ?? 0;
	let length: number;
	let indefinite = false;
	if (first < 0x80) length = first;
	else if (first === 0x80) {
		indefinite = true;
		length = -1;
	} else {
		const n = first & 0x7f;
		if (n > 4 || at + n > limit) return null;
		length = 0;
		for (let i = 0; i < n; i++) length = length * 256 + (bytes[at++] ?? 0);
	}
	const constructed = (tag & 0x20) !== 0;
	if (indefinite) {
		if (!constructed) return null;
		const end = indefiniteEnd(bytes, at, limit);
		return end === null
			? null
			: { tag, constructed, start: offset, contentStart: at, end, indefinite };
	}
	if (at + length > limit) return null;
	return { tag, constructed, start: offset, contentStart: at, end: at + length, indefinite };
}

/** The children of a constructed TLV, or null if they do not tile its content exactly. */
export function children(bytes: Uint8Array, parent: Tlv, max = 64): Tlv[] | null {
	const out: Tlv[] = [];
	const stop = parent.indefinite ? parent.end - 2 : parent.end;
	let at = parent.contentStart;
	while (at < stop) {
		if (out.length >= max) return out;
		const c = readTlv(bytes, at, stop);
		if (!c) return null;
		out.push(c);
		at = c.end;
	}
	return out;
}

/** Dotted OID text of an OBJECT IDENTIFIER TLV's content. */
export function oidText(bytes: Uint8Array, tlv: Tlv): string {
	const parts: number[] = [];
	let value = 0;
	for (let i = tlv.contentStart; i < tlv.end; i++) {
		const b = bytes[i] ?? 0;
		value = value * 128 + (b & 0x7f);
		if ((b & 0x80) === 0) {
			if (parts.length === 0) {
				const first = value < 80 ? Math.floor(value / 40) : 2;
				parts.push(first, value - first * 40);
			} else parts.push(value);
			value = 0;
		}
	}
	return parts.join('.');
}

/** Small non-negative INTEGER value, or null when it does not fit in 32 bits. */
export function smallInteger(bytes: Uint8Array, tlv: Tlv): number | null {
	if (tlv.tag !== 0x02 || tlv.end - tlv.contentStart > 4) return null;
	let v = 0;
	for (let i = tlv.contentStart; i < tlv.end; i++) v = v * 256 + (bytes[i] ?? 0);
	return v;
}

/**
 * An asn1js INTEGER's value read exactly at any size (asn1js's `valueDec` gives 0 from 2^24 on,
 * which turned a 2^31−1 iteration count into "0 iterations"). Past 2^53 the number is the
 * nearest double: still far beyond every bound it is checked against.
 */
export function integerValue(v: { toBigInt(): bigint }): number {
	return Number(v.toBigInt());
}

/** A TLV header: where its content starts and how long it is (-1: indefinite). */
interface Header {
	constructed: boolean;
	contentStart: number;
	length: number;
}

/**
 * Reads a BER header at `at` as asn1js would (multi-byte tag numbers and long lengths too), or
 * null when the bytes there cannot be one within `limit`.
 */
function header(bytes: Uint8Array, at: number, limit: number): Header | null {
	if (at + 2 > limit) return null;
	const tag = bytes[at++] ?? 0;
	if ((tag & 0x1f) === 0x1f) {
		// high tag number: base-128 octets, the last without the top bit
		for (let n = 0; ; n++) {
			if (at >= limit || n >= 8) return null;
			if (((bytes[at++] ?? 0) & 0x80) === 0) break;
		}
		if (at >= limit) return null;
	}
	const first = bytes[at++] ?? 0;
	const constructed = (tag & 0x20) !== 0;
	if (first < 0x80) return { constructed, contentStart: at, length: first };
	if (first === 0x80) return constructed ? { constructed, contentStart: at, length: -1 } : null;
	const n = first & 0x7f;
	if (n > 6 || at + n > limit) return null;
	let length = 0;
	for (let i = 0; i < n; i++) length = length * 256 + (bytes[at++] ?? 0);
	return at + length > limit ? null : { constructed, contentStart: at, length };
}

/**
 * Offset just past the end-of-contents octets of an indefinite-length element whose content
 * starts at `at`, or null when it is malformed or nests past MAX_BER_DEPTH. Iterative: only
 * indefinite-length children are entered (a definite one is skipped by its length), counted.
 */
function indefiniteEnd(bytes: Uint8Array, at: number, limit: number): number | null {
	/** Indefinite-length elements open here, the element itself included. */
	let open = 1;
	while (open > 0) {
		if (at + 2 > limit) return null;
		if (bytes[at] === 0 && bytes[at + 1] === 0) {
			open--;
			at += 2;
			continue;
		}
		const h = header(bytes, at, limit);
		if (!h) return null;
		if (h.length === -1) {
			if (++open > MAX_BER_DEPTH) return null;
			at = h.contentStart;
		} else at = h.contentStart + h.length;
	}
	return at;
}

/**
 * Byte offset of the first element of the BER value at the start of `bytes` that is nested
 * deeper than `maxDepth` levels, or null when none is (or the bytes stop being BER first: the
 * decoder reports that itself). Linear and iterative, so a 100,000-deep file costs one pass.
 */
export function tooDeepAt(bytes: Uint8Array, maxDepth = MAX_BER_DEPTH): number | null {
	const open: number[] = [];
	let at = 0;
	let started = false;
	for (;;) {
		// close the elements that end here
		while (open.length > 0) {
			const top = open[open.length - 1] ?? -1;
			if (top === -1 && bytes[at] === 0 && bytes[at + 1] === 0 && at + 2 <= bytes.length) {
				open.pop();
				at += 2;
			} else if (top !== -1 && at >= top) open.pop();
			else break;
		}
		if (started && open.length === 0) return null;
		const top = open[open.length - 1] ?? -1;
		const h = header(bytes, at, top === -1 ? bytes.length : top);
		if (!h) return null;
		started = true;
		if (!h.constructed) {
			at = h.contentStart + h.length;
			continue;
		}
		if (open.length >= maxDepth) return at;
		open.push(h.length === -1 ? -1 : h.contentStart + h.length);
		at = h.contentStart;
	}
}

/**
 * The depth pre-check of every entry point that hands input bytes to asn1js or pkijs: refuses a
 * value nested past MAX_BER_DEPTH levels, naming the limit and the offset, before any recursion.
 */
export function assertBerDepth(bytes: Uint8Array, what = 'ASN.1 data'): void {
	const offset = tooDeepAt(bytes);
	if (offset === null) return;
	throw new BudgetError(
		'asn1/too-deep',
		`${what} nested deeper than ${MAX_BER_DEPTH} levels (element at byte offset ${offset.toLocaleString('en')}): not decoded`,
		MAX_BER_DEPTH,
		null,
		{ offset },
	);
}
