// SHA digests through WebCrypto (available in browsers, workers and Node 20).
import { toArrayBuffer, toHex } from './encoding';

export type ShaName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * WebCrypto takes a view of an ArrayBuffer as it is (offsets included): only a view of a shared
 * buffer is copied. Copying every input cost a second copy of each dropped file (30 MB for a
 * 30 MB envelope) to compute its fingerprint.
 */
export function digestInput(bytes: Uint8Array): Uint8Array<ArrayBuffer> | ArrayBuffer {
	return bytes.buffer instanceof ArrayBuffer
		? (bytes as Uint8Array<ArrayBuffer>)
		: toArrayBuffer(bytes);
}

export async function digest(name: ShaName, bytes: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest(name, digestInput(bytes)));
}

/** Lower-case hex SHA-256, the fingerprint form used throughout the report. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	return toHex(await digest('SHA-256', bytes));
}
