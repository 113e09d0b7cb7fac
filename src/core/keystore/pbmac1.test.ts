// PKCS#12 integrity with PBMAC1 (RFC 9579): the six files of the RFC's Appendix A, byte for byte
// (scripts/fixtures/keystores/make-rfc9579.sh), password "1234". A.1–A.3 must verify and open;
// A.4 (wrong PBKDF2 iteration count) and A.5 (wrong salt) must not verify; A.6 (no keyLength)
// must be refused.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import type { ParseOutcome } from '../pipeline';
import { readPkcs12 } from './pkcs12';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores/rfc9579');

function open(name: string, password: string | null = '1234'): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(FIX, name)));
	return readPkcs12({
		file: { id: name, name, bytes },
		kind: 'pkcs12',
		text: null,
		password,
		entryPasswords: new Map(),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

describe('PBMAC1 (RFC 9579 Appendix A)', () => {
	it.each([
		['rfc9579-a1.p12', 'PBMAC1 (PBKDF2 hmacWithSHA256, hmacWithSHA256)'],
		['rfc9579-a2.p12', 'PBMAC1 (PBKDF2 hmacWithSHA512, hmacWithSHA256)'],
		['rfc9579-a3.p12', 'PBMAC1 (PBKDF2 hmacWithSHA512, hmacWithSHA512)'],
	])('%s verifies and opens', async (name, algorithm) => {
		const out = await open(name);
		const ks = out.facts.keystores?.[0];
		expect(ks?.integrity).toEqual({ kind: 'mac', algorithm, iterations: 2048, verified: true });
		expect(ks?.storeLocked).toBe(false);
		expect(out.facts.keys?.filter((k) => k.status === 'parsed')).toHaveLength(1);
		expect(out.facts.certificates).toHaveLength(1);
		expect(out.facts.keys?.[0]?.matchesCertSha256).toEqual([out.facts.certificates?.[0]?.sha256]);
	});

	it('A.1 with a wrong password is a wrong password', async () => {
		const out = await open('rfc9579-a1.p12', '12345');
		expect(out.locked?.wrongPassword).toBe(true);
		expect(out.locked?.message).toMatch(/^Wrong password: /);
	});

	it.each([
		['rfc9579-a4.p12', 'incorrect PBKDF2 iteration count'],
		['rfc9579-a5.p12', 'incorrect salt (MacData salt must be ignored)'],
	])(
		'%s (%s) does not verify with the right password: says it may be damaged, never a plain "wrong password"',
		async (name) => {
			const out = await open(name);
			// The password decrypts the contents and the MAC fails: so would the encryption password
			// of a file written with two passwords (openssl pkcs12 -twopass). Both readings are named.
			expect(out.locked?.wrongPassword).toBe(true);
			expect(out.locked?.message).toMatch(
				/^Wrong password or damaged file: the password decrypts .* but does not verify the PKCS#12 integrity MAC/,
			);
			expect(out.locked?.message).toContain('Otherwise the file was altered');
		},
	);

	it('A.6 (keyLength missing) is refused with the reason', async () => {
		const error = await open('rfc9579-a6.p12').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ParseError);
		expect((error as ParseError).message).toContain('key length');
	});
});
