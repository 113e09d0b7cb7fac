// Synchronous hash functions by XML-Security digest name, for OAEP/MGF1 and ConcatKDF, where
// WebCrypto's async, hash-tied APIs do not fit (shared/notes/libraries.md section 5).
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface SyncHash {
	name: HashName;
	outputLen: number;
	hash(data: Uint8Array): Uint8Array;
}

const HASHES: Record<HashName, SyncHash> = {
	'SHA-1': { name: 'SHA-1', outputLen: 20, hash: (d) => sha1(d) },
	'SHA-224': { name: 'SHA-224', outputLen: 28, hash: (d) => sha224(d) },
	'SHA-256': { name: 'SHA-256', outputLen: 32, hash: (d) => sha256(d) },
	'SHA-384': { name: 'SHA-384', outputLen: 48, hash: (d) => sha384(d) },
	'SHA-512': { name: 'SHA-512', outputLen: 64, hash: (d) => sha512(d) },
};

export function syncHash(name: HashName): SyncHash {
	return HASHES[name];
}
