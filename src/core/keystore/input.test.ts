// Keystore readers on files written by keytool (JDK 17), OpenSSL 3, BouncyCastle and
// python3-cryptography (tests/fixtures/keystores, made by scripts/fixtures/keystores/make.sh).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8OrNull } from '../bytes/encoding';
import { detectKind } from '../detect';
import { ParseError } from '../errors';
import type { ParseOutcome } from '../pipeline';
import { parsers } from './input';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');

async function open(
	name: string,
	password: string | null = 'storepass',
	entryPasswords: Record<string, string> = {},
): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(FIX, name)));
	const kind = detectKind(name, bytes).kind;
	const parser = parsers[kind];
	if (!parser) throw new ParseError('test/kind', `no keystore parser for ${kind}`);
	return parser({
		file: { id: name, name, bytes },
		kind,
		text: utf8OrNull(bytes),
		password,
		entryPasswords: new Map(Object.entries(entryPasswords)),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

function store(out: ParseOutcome) {
	const ks = out.facts.keystores?.[0];
	if (!ks) throw new Error('no keystore facts');
	return ks;
}

describe('PKCS#12', () => {
	it.each([
		['openssl3-default.p12', 'PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC)', 'HMAC-SHA-256'],
		['openssl-legacy.p12', 'pbeWithSHAAnd40BitRC2-CBC', 'HMAC-SHA-1'],
		['openssl-3des.p12', 'pbeWithSHAAnd3-KeyTripleDES-CBC', 'HMAC-SHA-1'],
		['openssl-aes128-sha512.p12', 'PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC)', 'HMAC-SHA-512'],
		['pyca-best.p12', null, null],
		['pyca-3des.p12', 'pbeWithSHAAnd3-KeyTripleDES-CBC', 'HMAC-SHA-1'],
		['keytool.p12', 'PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC)', 'HMAC-SHA-256'],
		['keytool-legacy.p12', 'pbeWithSHAAnd40BitRC2-CBC', 'HMAC-SHA-1'],
	])('%s opens with its key and certificates', async (name, certProtection, mac) => {
		const out = await open(name);
		const ks = store(out);
		expect(ks.type).toBe('PKCS12');
		expect(ks.integrity.verified).toBe(true);
		if (mac) expect(ks.integrity.algorithm).toBe(mac);
		const keys = ks.entries.filter((e) => e.type === 'private-key');
		expect(keys.length).toBeGreaterThanOrEqual(1);
		expect(keys.every((k) => !k.keyLocked && k.certSha256.length >= 1)).toBe(true);
		expect(out.material.privateKeys?.length).toBe(keys.length);
		if (certProtection)
			expect(ks.bags.find((b) => b.kind === 'encrypted-safe')?.protection).toBe(certProtection);
	});

	it('keytool.p12 holds two keys, an AES secret key and a trusted certificate', async () => {
		const out = await open('keytool.p12');
		const ks = store(out);
		expect(ks.entries.map((e) => [e.alias, e.type]).sort()).toEqual([
			['aes', 'secret-key'],
			['ec', 'private-key'],
			['root', 'trusted-certificate'],
			['rsa', 'private-key'],
		]);
		expect(out.material.secretKeys?.[0]?.algorithm).toBe('AES');
		expect(out.material.secretKeys?.[0]?.bytes.length).toBe(32);
	});

	it('reads unencrypted bags and no MAC', async () => {
		const ks = store(await open('openssl-plain.p12', null));
		expect(ks.integrity.kind).toBe('none');
		expect(ks.bags.some((b) => b.kind === 'key' && b.protection === null)).toBe(true);
		const nomac = store(await open('openssl-nomac.p12'));
		expect(nomac.integrity.kind).toBe('none');
		expect(nomac.entries.some((e) => e.type === 'private-key' && !e.keyLocked)).toBe(true);
	});

	it('opens 600 000 iterations with the password and a certificates-only file', async () => {
		const ks = store(await open('openssl-600k.p12'));
		expect(ks.integrity.iterations).toBe(600000);
		expect(store(await open('openssl-certs-only.p12')).entries[0]?.type).toBe(
			'trusted-certificate',
		);
	});

	it('finds the empty and the changeit password on its own', async () => {
		const empty = await open('openssl-empty-password.p12', null);
		expect(empty.defaultPassword).toBe('');
		const changeit = await open('openssl-changeit.p12', null);
		expect(changeit.defaultPassword).toBe('changeit');
		expect(store(changeit).defaultPassword).toBe('changeit');
	});

	it('says wrong password, and needs a password, distinctly', async () => {
		// locked either way, with what reads without the password (see locked.test.ts)
		const wrong = await open('openssl3-default.p12', 'wrong');
		expect(wrong.locked?.message).toMatch(
			/^Wrong password: the PKCS#12 integrity MAC \(HMAC-SHA-256/,
		);
		expect(wrong.locked?.wrongPassword).toBe(true);
		const none = await open('openssl-legacy.p12', null);
		expect(none.locked?.message).toMatch(/^This PKCS#12 file needs its password/);
		expect(none.locked?.wrongPassword).toBe(false);
	});

	it('one unopenable SafeContents (Camellia) does not hide the key bag', async () => {
		const out = await open('openssl-camellia-certs.p12');
		const ks = store(out);
		const safe = ks.bags.find((b) => b.kind === 'encrypted-safe');
		expect(safe?.unopened).toBe(true);
		expect(safe?.note).toMatch(/unsupported algorithm: PBES2 with cipher camellia256-CBC/);
		expect(out.material.privateKeys).toHaveLength(1);
	});

	it('refuses random bytes and truncated files with clear messages', async () => {
		await expect(open('truncated.p12')).rejects.toThrow(ParseError);
	});
});

describe('JKS and JCEKS', () => {
	it('keytool.jks: RSA and EC keys and a trusted certificate, integrity verified', async () => {
		const out = await open('keytool.jks');
		const ks = store(out);
		expect(ks.type).toBe('JKS');
		expect(ks.integrity.verified).toBe(true);
		expect(ks.entries.map((e) => [e.alias, e.type, e.keyAlgorithm]).sort()).toEqual([
			['ec', 'private-key', 'EC'],
			['root', 'trusted-certificate', 'RSA'],
			['rsa', 'private-key', 'RSA'],
		]);
		expect(ks.entries.every((e) => e.created !== null)).toBe(true);
		expect(out.material.privateKeys).toHaveLength(2);
		expect(out.facts.keys?.every((k) => k.matchesCertSha256.length === 1)).toBe(true);
	});

	it('asks for the store password of a keystore with keys, and says when it is wrong', async () => {
		// still locked, but with what keytool -list shows without the password (see locked.test.ts)
		const none = await open('keytool.jks', null);
		expect(none.locked).toMatchObject({ wrongPassword: false });
		expect(none.locked?.message).toMatch(/^This JKS keystore needs its store password/);
		expect(store(none).status).toBe('locked');
		const wrong = await open('keytool.jks', 'nope');
		expect(wrong.locked?.wrongPassword).toBe(true);
		expect(wrong.locked?.message).toMatch(/^Wrong password: the JKS SHA-1 integrity digest/);
	});

	it('lists a truststore without any password, integrity unverified', async () => {
		const out = await open('truststore.jks', null);
		const ks = store(out);
		expect(ks.storeLocked).toBe(true);
		expect(ks.integrity.verified).toBeNull();
		expect(out.facts.certificates).toHaveLength(2);
	});

	it('keypass.jks: the key needs its own password, given through the entry hook', async () => {
		const locked = await open('keypass.jks');
		expect(locked.lockedEntries).toEqual([{ alias: 'signer', wrongPassword: false }]);
		const open2 = await open('keypass.jks', 'storepass', { signer: 'otherpass' });
		expect(open2.lockedEntries).toBeUndefined();
		expect(open2.material.privateKeys).toHaveLength(1);
		const wrong = await open('keypass.jks', 'storepass', { signer: 'nope' });
		expect(wrong.lockedEntries).toEqual([{ alias: 'signer', wrongPassword: true }]);
	});

	it('changeit.jks opens with the default password', async () => {
		const out = await open('changeit.jks', null);
		expect(out.defaultPassword).toBe('changeit');
		expect(out.material.privateKeys).toHaveLength(1);
	});

	it('keytool.jceks: private key, AES and HMAC secret keys (200 000 iterations)', async () => {
		const out = await open('keytool.jceks');
		const ks = store(out);
		expect(ks.type).toBe('JCEKS');
		expect(ks.integrity.verified).toBe(true);
		const secrets = out.material.secretKeys ?? [];
		expect(secrets.map((s) => [s.name, s.algorithm, s.bytes.length]).sort()).toEqual([
			['aes', 'AES', 16],
			['hmac', 'HmacSHA256', 32],
		]);
		expect(ks.entries.find((e) => e.alias === 'rsa')?.keyProtection).toBe(
			'PBEWithMD5AndTripleDES, 200000 iterations',
		);
		expect(out.material.privateKeys).toHaveLength(1);
	});

	// The entry count is checked against the file size before any entry is read, so the claim of
	// 2^31 - 1 entries is the error (not a loop that runs out of bytes much later).
	it('refuses hostile files at the header with specific messages', async () => {
		await expect(open('million-entries.jks')).rejects.toThrow(/claims 2,147,483,647 entries/);
		await expect(open('truncated.jks')).rejects.toThrow(/truncated/);
	});
});

describe('BKS', () => {
	it('bks.bks (BKS v2) opens: key, certificate, secret key', async () => {
		const out = await open('bks.bks');
		const ks = store(out);
		expect(ks.type).toBe('BKS');
		expect(ks.integrity.verified).toBe(true);
		expect(ks.entries.map((e) => e.type).sort()).toEqual([
			'private-key',
			'secret-key',
			'trusted-certificate',
		]);
		expect(out.material.privateKeys).toHaveLength(1);
	});

	it('bks-v1.bks (BKS v1, 2-byte MAC key) opens with the same entries', async () => {
		const out = await open('bks-v1.bks');
		const ks = store(out);
		expect(ks.formatVersion).toBe('BKS version 1');
		expect(ks.integrity.verified).toBe(true);
		expect(ks.entries.map((e) => e.type).sort()).toEqual([
			'private-key',
			'secret-key',
			'trusted-certificate',
		]);
		// still locked with a wrong password, but listing what keytool -list shows without it
		const wrong = await open('bks-v1.bks', 'wrong');
		expect(wrong.locked?.wrongPassword).toBe(true);
		expect(wrong.locked?.message).toMatch(/^Wrong password: the BKS HMAC-SHA1/);
		const locked = store(wrong);
		expect(locked.status).toBe('locked');
		expect(locked.integrity.verified).toBeNull();
		expect(locked.entries.map((e) => e.type).sort()).toEqual([
			'private-key',
			'secret-key',
			'trusted-certificate',
		]);
		expect(
			locked.entries.filter((e) => e.type !== 'trusted-certificate').every((e) => e.keyLocked),
		).toBe(true);
		expect(wrong.material.privateKeys ?? []).toHaveLength(0);
		expect(wrong.facts.certificates?.length).toBeGreaterThan(0);
	});

	// BouncyCastle 1.72 (MakeBksPlain.java): every entry type, keytool's listing as expectation
	it.each(['bks-plain/bks-plain-v2.bks', 'bks-plain/bks-plain-v1.bks'])(
		'%s: plain (unsealed) and sealed keys, secrets and certificates as keytool lists them',
		async (name) => {
			const out = await open(name);
			const ks = store(out);
			const listing = readFileSync(resolve(FIX, name.replace(/\.bks$/, '.keytool.txt')), 'utf8');
			const KT: Record<string, string> = {
				PrivateKeyEntry: 'private-key',
				SecretKeyEntry: 'secret-key',
				trustedCertEntry: 'trusted-certificate',
			};
			const want = [...listing.matchAll(/^([\w-]+), [^,]+, \d{4}, (\w+),/gm)].map(
				(m) => `${m[1]} ${KT[m[2] ?? ''] ?? m[2]}`,
			);
			expect(want).toHaveLength(5);
			expect(ks.entries.map((e) => `${e.alias} ${e.type}`).sort()).toEqual(want.sort());
			const fps = [...listing.matchAll(/\(SHA-256\): ([0-9A-F:]+)/g)].map((m) =>
				(m[1] ?? '').replaceAll(':', '').toLowerCase(),
			);
			for (const e of ks.entries.filter((x) => x.type !== 'secret-key'))
				expect(fps).toContain(e.certSha256[0]);
			expect(ks.entries.every((e) => !e.keyLocked)).toBe(true);
			// both RSA keys (plain and sealed) are the leaf's key
			expect(out.material.privateKeys).toHaveLength(2);
			expect(out.facts.keys?.every((k) => k.keyAlgorithm === 'RSA' && k.keySize === 2048)).toBe(
				true,
			);
		},
	);

	it('UBER is refused by name', async () => {
		await expect(open('uber.ubr')).rejects.toThrow(/UBER keystore/);
	});
});
