// SHA digests through WebCrypto (available in browsers, workers and Node 20).
import { bufferSource, toHex } from './encoding';

export type ShaName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** What WebCrypto digests: the view itself (encoding.ts bufferSource). */
export const digestInput = bufferSource;

export async function digest(name: ShaName, bytes: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest(name, digestInput(bytes)));
}

/** Lower-case hex SHA-256, the fingerprint form used throughout the report. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	return toHex(await digest('SHA-256', bytes));
}
