// JCEKS entries that do not open although the store password is proven right are named for what
// the bytes show, not "needs its own key password": keytool-made stores with one entry altered
// (tests/fixtures/keystores/jceks-damaged, scripts/fixtures/keystores/make-jceks-damaged.py;
// keytool itself asks for a key password for each, expected.txt).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8OrNull } from '../bytes/encoding';
import { LockedError, ParseError } from '../errors';
import type { ParseOutcome } from '../pipeline';
import { parsers } from './input';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores/jceks-damaged');

async function open(
	name: string,
	entryPasswords: Record<string, string> = {},
): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(FIX, name)));
	const parser = parsers['jks'];
	if (!parser) throw new Error('no JKS/JCEKS parser');
	return parser({
		file: { id: name, name, bytes },
		kind: 'jks',
		text: utf8OrNull(bytes),
		password: 'changeit',
		entryPasswords: new Map(Object.entries(entryPasswords)),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

function entry(out: ParseOutcome, alias: string) {
	const e = out.facts.keystores?.[0]?.entries.find((x) => x.alias === alias);
	if (!e) throw new Error(`no entry ${alias}`);
	return e;
}

describe('JCEKS entries that cannot be read (store password verified)', () => {
	it('keytool.jceks: both entries open (the control)', async () => {
		const out = await open('keytool.jceks');
		expect(out.facts.keystores?.[0]?.integrity.verified).toBe(true);
		expect(entry(out, 'signer').keyLocked).toBe(false);
		expect(entry(out, 'aes')).toMatchObject({ keyLocked: false, keySize: 128 });
		expect(out.lockedEntries).toBeUndefined();
	});

	it('key-garbled.jceks: the private key is damaged, no key password is asked', async () => {
		const out = await open('key-garbled.jceks');
		expect(out.facts.keystores?.[0]?.integrity.verified).toBe(true);
		expect(entry(out, 'signer').note).toMatch(
			/^damaged: the store password \(verified by the integrity digest\) decrypts this key entry, but what it holds is not a PKCS#8 key/,
		);
		expect(entry(out, 'aes').keyLocked).toBe(false);
		expect(out.lockedEntries).toBeUndefined();
		expect(out.facts.keys?.find((k) => k.source === 'alias signer')?.status).toBe('error');
	});

	it('sealed-garbled.jceks: the sealed secret key is damaged, no key password is asked', async () => {
		const out = await open('sealed-garbled.jceks');
		expect(entry(out, 'aes').note).toMatch(
			/^damaged: .*sealed secret key, but what it holds is not a serialized key/,
		);
		expect(entry(out, 'aes').keyLocked).toBe(true);
		expect(entry(out, 'signer').keyLocked).toBe(false);
		expect(out.lockedEntries).toBeUndefined();
	});

	it('key-unsupported.jceks: an unknown protection is "not supported", the store still lists', async () => {
		const out = await open('key-unsupported.jceks');
		expect(entry(out, 'signer').note).toBe(
			'not supported: key protected with unsupported algorithm 1.3.6.1.4.1.42.2.19.9',
		);
		expect(entry(out, 'aes').keyLocked).toBe(false);
		expect(out.lockedEntries).toBeUndefined();
	});

	it('key-lastblock.jceks: broken padding cannot tell damage from a key password: both are said, the password is asked', async () => {
		const out = await open('key-lastblock.jceks');
		expect(entry(out, 'signer').note).toBe(
			'does not open with the store password (verified by the integrity digest): the entry has its own key password, or its encrypted content is damaged',
		);
		expect(out.lockedEntries).toEqual([{ alias: 'signer', wrongPassword: false }]);
		const retyped = await open('key-lastblock.jceks', { signer: 'changeit' });
		expect(retyped.lockedEntries).toEqual([{ alias: 'signer', wrongPassword: true }]);
	});

	it('key-garbled-nodigest.jceks: digest broken, the other key opens: the file is damaged, not a wrong password', async () => {
		const error = await open('key-garbled-nodigest.jceks').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ParseError);
		expect(error).not.toBeInstanceOf(LockedError);
		expect((error as Error).message).toMatch(/JCEKS file is damaged: .* opens the key entry "aes"/);
	});
});
