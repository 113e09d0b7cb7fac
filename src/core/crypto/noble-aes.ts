// @noble/ciphers' AES builds its lookup tables when its module runs (a few milliseconds at every
// engine start, measured in a cold envelope drop's profile), yet only AES-192 (which Chromium's
// WebCrypto refuses), key unwrap, legacy PEM and PBES fallbacks and GCM in chunks use it. So it
// is imported on first use, a script of its own in the page (vite.config.ts), like pkijs.
import { UnsupportedError } from '../errors';

export type NobleAes = typeof import('@noble/ciphers/aes.js');
export type NoblePolyval = typeof import('@noble/ciphers/_polyval.js');

let aes: Promise<NobleAes> | null = null;
let loaded: NobleAes | null = null;
let polyval: Promise<NoblePolyval> | null = null;

function unavailable(what: string, error: unknown): UnsupportedError {
	return new UnsupportedError(
		'crypto/no-cipher-code',
		`the ${what} code could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
		{},
		{ cause: error },
	);
}

/** @noble/ciphers' AES, loaded once; a failed load is tried again by the next call. */
export function loadNobleAes(): Promise<NobleAes> {
	aes ??= import('@noble/ciphers/aes.js').then(
		(m) => (loaded = m),
		(error: unknown) => {
			aes = null;
			throw unavailable('AES', error);
		},
	);
	return aes;
}

/**
 * The AES module for synchronous code (a table of cipher modes): the caller has awaited
 * loadNobleAes before, so a missing module is a bug of ours.
 */
export function nobleAes(): NobleAes {
	if (!loaded) throw new TypeError('@noble/ciphers AES used before loadNobleAes()');
	return loaded;
}

/** @noble/ciphers' GHASH (GCM in chunks), loaded once. */
export function loadNoblePolyval(): Promise<NoblePolyval> {
	polyval ??= import('@noble/ciphers/_polyval.js').catch((error: unknown) => {
		polyval = null;
		throw unavailable('GHASH', error);
	});
	return polyval;
}
