// Minimal bounded DER/BER TLV reader: enough to sniff structures and walk them with offsets.
// (Full decoding of certificates and keystores goes through asn1js / pkijs.)

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
		// Walk children until the end-of-contents octets.
		let child = at;
		for (let guard = 0; guard < 100000; guard++) {
			if (child + 2 > limit) return null;
			if (bytes[child] === 0 && bytes[child + 1] === 0) {
				return { tag, constructed, start: offset, contentStart: at, end: child + 2, indefinite };
			}
			const c = readTlv(bytes, child, limit);
			if (!c) return null;
			child = c.end;
		}
		return null;
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
