// The BigInt ECDSA fallback agrees with WebCrypto on every NIST curve (sign there, verify here).
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { verifyEcdsaDigest } from './ecdsa';

describe('verifyEcdsaDigest', () => {
	it.each(['P-256', 'P-384', 'P-521'] as const)('%s', async (curve) => {
		const subtle = globalThis.crypto.subtle;
		const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, [
			'sign',
			'verify',
		]);
		const data = new TextEncoder().encode('signed info');
		const sig = new Uint8Array(
			await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data),
		);
		const point = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
		expect(verifyEcdsaDigest(curve, point, sha256(data), sig)).toBe(true);
		const bad = sig.slice();
		bad[5] = (bad[5] ?? 0) ^ 1;
		expect(verifyEcdsaDigest(curve, point, sha256(data), bad)).toBe(false);
		expect(verifyEcdsaDigest(curve, point, sha256(new TextEncoder().encode('other')), sig)).toBe(
			false,
		);
	});
});
