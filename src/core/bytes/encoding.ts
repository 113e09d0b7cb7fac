// Tiny byte helpers shared by every parser: hex, base64, base64url, UTF-8.
import { ParseError } from '../errors';

export function toHex(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out;
}

export function fromHex(hex: string): Uint8Array {
	const clean = hex.replace(/[\s:]/g, '');
	if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean))
		throw new ParseError('bytes/not-hex', 'not hex');
	const out = new Uint8Array(clean.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
	return out;
}

/** The native decoder (Chromium 140+, Node 25+): one pass in C++, ASCII whitespace skipped. */
const NativeBase64 = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };

/** Code of the ParseError for text that is not base64 (fromBase64) or base64url (fromBase64Url). */
export const NOT_BASE64 = 'bytes/not-base64';
export const NOT_BASE64URL = 'bytes/not-base64url';

/** Decodes base64, ignoring all whitespace (Santuario writes `&#13;\n` line breaks). */
export function fromBase64(text: string): Uint8Array {
	if (NativeBase64.fromBase64) {
		try {
			return NativeBase64.fromBase64(text);
		} catch (error) {
			if (!(error instanceof SyntaxError)) throw error;
			// other whitespace (\s is wider than ASCII) or bad input: the path below decides
		}
	}
	let binary: string;
	try {
		binary = atob(text.replace(/\s+/g, ''));
	} catch (error) {
		// atob's InvalidCharacterError: the input is not base64
		if (!(error instanceof DOMException)) throw error;
		throw new ParseError(NOT_BASE64, 'A base64 body is not valid base64', {}, { cause: error });
	}
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return btoa(binary);
}

export function toBase64Url(bytes: Uint8Array): string {
	return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	if (/[^A-Za-z0-9_-]/.test(text)) throw new ParseError(NOT_BASE64URL, 'not base64url');
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

export function utf8(bytes: Uint8Array): string {
	return UTF8.decode(bytes);
}

/** UTF-8 text, or null when the bytes are not valid UTF-8 (a binary file). */
export function utf8OrNull(bytes: Uint8Array): string | null {
	try {
		return UTF8_STRICT.decode(bytes);
	} catch (error) {
		// a fatal decoder's TypeError: not UTF-8, which the null says
		if (!(error instanceof TypeError)) throw error;
		return null;
	}
}

/** Decodes the start of a longer UTF-8 text (a character cut at the end is left out), or null. */
export function utf8PrefixOrNull(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
	} catch (error) {
		// a fatal decoder's TypeError: not UTF-8, which the null says
		if (!(error instanceof TypeError)) throw error;
		return null;
	}
}

export function fromUtf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
	return joinBytes(parts);
}

/** concatBytes for a list of any length (a spread of an input's pieces could exceed the stack). */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return diff === 0;
}

/**
 * The bytes as WebCrypto takes them: a view of an ArrayBuffer as it is (WebCrypto honours its
 * offset and length), a copy only for a view of a shared buffer. Copying every argument cost a
 * second copy of each large input: a dropped file's fingerprint, a 10 MB AES-GCM ciphertext.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> | ArrayBuffer {
	return bytes.buffer instanceof ArrayBuffer
		? (bytes as Uint8Array<ArrayBuffer>)
		: toArrayBuffer(bytes);
}

/** A fresh ArrayBuffer holding exactly these bytes (WebCrypto wants BufferSource without offsets). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const out = new ArrayBuffer(bytes.length);
	new Uint8Array(out).set(bytes);
	return out;
}
