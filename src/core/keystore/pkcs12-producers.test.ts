// PKCS#12 as producers write it: password encodings (BMPString, UTF-8 octets widened by old
// OpenSSL), the empty/absent password, no MAC, plain key bags, CA certificates with friendly
// names (keytool's listing as the expectation). Fixtures: scripts/fixtures/keystores/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../pipeline';
import { parsers } from './input';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');

async function open(name: string, password: string | null): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(FIX, name)));
	const parse = parsers.pkcs12;
	if (!parse) throw new Error('no PKCS#12 parser');
	return parse({
		file: { id: name, name, bytes },
		kind: 'pkcs12',
		text: null,
		password,
		entryPasswords: new Map(),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

function store(out: ParseOutcome) {
	const ks = out.facts.keystores?.[0];
	if (!ks) throw new Error('no keystore facts');
	return ks;
}

describe('PKCS#12 password encodings', () => {
	it('non-ASCII password, OpenSSL 3 defaults (BMPString MAC, UTF-8 PBKDF2)', async () => {
		const ks = store(await open('pkcs12-passwords/bmp-nonascii.p12', 'pässwörd'));
		expect(ks.integrity.verified).toBe(true);
		expect(ks.entries.every((e) => !e.keyLocked)).toBe(true);
		expect(ks.entries[0]?.certSha256).toHaveLength(2);
	});

	it('the same password typed, file written with UTF-8 octets widened (old OpenSSL): opens and says so', async () => {
		const out = await open('pkcs12-passwords/utf8-widened-legacy.p12', 'pässwörd');
		const ks = store(out);
		expect(ks.integrity.verified).toBe(true);
		expect(ks.integrity.algorithm).toContain('password as UTF-8 octets');
		expect(ks.entries.every((e) => !e.keyLocked)).toBe(true);
		expect(out.facts.keys?.[0]?.status).toBe('parsed');
	});

	it('a wrong password on it is still refused', async () => {
		const out = await open('pkcs12-passwords/utf8-widened-legacy.p12', 'passwort');
		expect(out.locked?.wrongPassword).toBe(true);
	});
});

describe('PKCS#12 structure as producers write it', () => {
	it('openssl -passout pass: (empty password): verified and nothing left locked', async () => {
		const out = await open('openssl-empty-password.p12', null);
		const ks = store(out);
		expect(ks.integrity.verified).toBe(true);
		expect(ks.entries.every((e) => !e.keyLocked)).toBe(true);
		expect(ks.entries[0]?.certSha256.length).toBeGreaterThan(0);
	});

	it('no MAC and encrypted bags: asks for the password, then opens', async () => {
		const locked = await open('openssl-nomac.p12', null);
		expect(locked.locked?.wrongPassword).toBe(false);
		expect(store(locked).status).toBe('locked');
		const ks = store(await open('openssl-nomac.p12', 'storepass'));
		expect(ks.entries.every((e) => !e.keyLocked)).toBe(true);
	});

	it('a plain (unencrypted) KeyBag is reported encrypted: false', async () => {
		const out = await open('openssl-plain.p12', null);
		expect(out.facts.keys?.map((k) => k.encrypted)).toEqual([false]);
	});

	it('CA certificates with friendly names: the entries keytool lists', async () => {
		const ks = store(await open('pkcs12-passwords/caname.p12', 'storepass'));
		const listing = readFileSync(resolve(FIX, 'pkcs12-passwords/caname.keytool.txt'), 'utf8');
		const want = [...listing.matchAll(/^([\w-]+), [^,]+, \d{4}, (\w+),/gm)].map(
			(m) => `${m[1]} ${m[2]}`,
		);
		const KT: Record<string, string> = {
			'private-key': 'PrivateKeyEntry',
			'trusted-certificate': 'trustedCertEntry',
			'secret-key': 'SecretKeyEntry',
		};
		expect(ks.entries.map((e) => `${e.alias} ${KT[e.type]}`)).toEqual(want);
		expect(ks.entries[0]?.certSha256).toHaveLength(3);
	});

	// openssl pkcs12 output re-encoded in BER (indefinite lengths, chunked OCTET STRINGs, MAC
	// recomputed) by scripts/fixtures/keystores/ber-pkcs12.py; keytool -list -v as expectation
	it.each(['ber-indefinite', 'ber-indefinite-legacy'])(
		'%s.p12: BER indefinite lengths, chain as keytool lists it',
		async (name) => {
			const out = await open(`pkcs12-passwords/${name}.p12`, 'storepass');
			const ks = store(out);
			const listing = readFileSync(resolve(FIX, `pkcs12-passwords/${name}.keytool.txt`), 'utf8');
			const chain = Number(/Certificate chain length: (\d+)/.exec(listing)?.[1]);
			expect(ks.integrity.verified).toBe(true);
			expect(ks.entries.map((e) => e.alias)).toEqual(['leaf']);
			expect(ks.entries[0]?.certSha256).toHaveLength(chain);
			expect(ks.entries[0]?.keyLocked).toBe(false);
		},
	);
});
