// Bounds-checked big-endian reader for the Java keystore formats; every overrun becomes a
// ParseError that names the format and says the file is truncated.
import { ParseError } from '../errors';

export class ByteReader {
	offset = 0;
	private readonly view: DataView;

	constructor(
		readonly bytes: Uint8Array,
		readonly format: string,
	) {
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	get remaining(): number {
		return this.bytes.length - this.offset;
	}

	need(n: number, what: string): void {
		if (n < 0 || this.offset + n > this.bytes.length) {
			throw new ParseError(
				`${this.format.toLowerCase()}/truncated`,
				`${this.format} file is truncated or corrupt: ${what} at byte ${this.offset} needs ${n} bytes, ${this.remaining} left`,
				{ offset: this.offset },
			);
		}
	}

	u8(what = 'a byte'): number {
		this.need(1, what);
		return this.bytes[this.offset++] ?? 0;
	}

	u16(what = 'a 16-bit length'): number {
		this.need(2, what);
		const v = this.view.getUint16(this.offset);
		this.offset += 2;
		return v;
	}

	u32(what = 'a 32-bit value'): number {
		this.need(4, what);
		const v = this.view.getUint32(this.offset);
		this.offset += 4;
		return v;
	}

	i32(what = 'a 32-bit value'): number {
		this.need(4, what);
		const v = this.view.getInt32(this.offset);
		this.offset += 4;
		return v;
	}

	/** Java long as a JS number (dates in ms fit). */
	i64(what = 'a 64-bit value'): number {
		this.need(8, what);
		const v = this.view.getBigInt64(this.offset);
		this.offset += 8;
		return Number(v);
	}

	take(n: number, what: string): Uint8Array {
		this.need(n, what);
		const out = this.bytes.subarray(this.offset, this.offset + n);
		this.offset += n;
		return out;
	}

	/** u32 length, then that many bytes (bounded by what is left in the file). */
	lengthPrefixed(what: string): Uint8Array {
		const n = this.u32(`the length of ${what}`);
		return this.take(n, what);
	}

	/** Java DataOutput.writeUTF: u16 length + modified UTF-8. */
	utf(what = 'a string'): string {
		const n = this.u16(`the length of ${what}`);
		return decodeModifiedUtf8(this.take(n, what));
	}
}

/** Java's modified UTF-8 (NUL as C0 80, supplementary characters as surrogate pairs). */
export function decodeModifiedUtf8(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length;) {
		const a = bytes[i++] ?? 0;
		if (a < 0x80) out += String.fromCharCode(a);
		else if ((a & 0xe0) === 0xc0)
			out += String.fromCharCode(((a & 0x1f) << 6) | ((bytes[i++] ?? 0) & 0x3f));
		else {
			const b = bytes[i++] ?? 0;
			const c = bytes[i++] ?? 0;
			out += String.fromCharCode(((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f));
		}
	}
	return out;
}

/** Password as UTF-16BE without terminator (JKS / JCEKS integrity and JKS key protector). */
export function utf16be(password: string): Uint8Array {
	const out = new Uint8Array(password.length * 2);
	for (let i = 0; i < password.length; i++) {
		const c = password.charCodeAt(i);
		out[2 * i] = c >>> 8;
		out[2 * i + 1] = c & 255;
	}
	return out;
}
