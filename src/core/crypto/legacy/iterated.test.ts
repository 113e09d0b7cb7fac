// The fast iterated hashes against @noble/hashes doing the same loop.
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../bytes/encoding';
import { iterateDigest, iterateMd5WithSuffix } from './iterated';

function slow(
	fn: (d: Uint8Array) => Uint8Array,
	start: Uint8Array,
	rounds: number,
	suffix = new Uint8Array(),
): Uint8Array {
	let t = start;
	for (let i = 0; i < rounds; i++) t = fn(new Uint8Array([...t, ...suffix]));
	return t;
}

describe('iterated hashes', () => {
	const seed = new TextEncoder().encode('seed');
	it.each([1, 2, 1000])('SHA-1 and SHA-256, %i rounds', (rounds) => {
		const a = sha1(seed);
		expect(toHex(iterateDigest('SHA-1', a, rounds))).toBe(toHex(slow(sha1, a, rounds)));
		const b = sha256(seed);
		expect(toHex(iterateDigest('SHA-256', b, rounds))).toBe(toHex(slow(sha256, b, rounds)));
	});
	it.each(['', 'changeit', 'a-much-longer-password-of-39-characters'])(
		'MD5 with suffix "%s"',
		(pw) => {
			const suffix = new TextEncoder().encode(pw);
			const t = md5(seed);
			expect(toHex(iterateMd5WithSuffix(t, suffix, 500) ?? new Uint8Array())).toBe(
				toHex(slow(md5, t, 500, suffix)),
			);
		},
	);
	it('refuses suffixes that do not fit one block', () => {
		expect(iterateMd5WithSuffix(new Uint8Array(16), new Uint8Array(40), 1)).toBeNull();
	});
});
