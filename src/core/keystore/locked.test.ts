// Stores whose password question is the point (tests/fixtures/keystores/locked, made by
// scripts/fixtures/keystores/make-locked.sh with keytool and OpenSSL; passwords in its README
// line): an entry's own key password, the two passwords of `openssl pkcs12 -twopass`, a store
// read without its password. Each must say what it is, never claim damage it cannot prove, and
// never grade green what it did not open.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const NOW = '2026-11-22T12:00:00Z';

function file(name: string): InputFile {
	return { id: name, name, bytes: new Uint8Array(readFileSync(resolve(FIX, name))) };
}

async function analyze(name: string, password?: string) {
	return new Analyzer().run(
		{
			files: [file(name)],
			passwords: password === undefined ? {} : { [name]: password },
			entryPasswords: {},
			settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => {},
		new AbortController().signal,
	);
}

describe('a password that opens a key entry but not the store', () => {
	it.each([
		['keypass.jks', 'otherpass', 'signer', 'JKS'],
		['locked/keypass.jceks', 'KeyPass22', 'own', 'JCEKS'],
	])('%s given its key password is locked, not damaged', async (name, pw, alias, kind) => {
		const { facts } = await analyze(name, pw);
		const input = facts.inputs[0];
		expect(input?.status).toBe('locked');
		expect(input?.lock?.wrongPassword).toBe(true);
		expect(input?.lock?.message).toContain(`opens the key entry "${alias}"`);
		expect(input?.lock?.message).toContain(`does not match the ${kind} SHA-1 integrity digest`);
		expect(input?.lock?.message).toContain('own key password (keytool -keypass)');
		expect(input?.lock?.message).toContain('give the store password');
		expect(input?.lock?.message).toContain('Otherwise the file was altered');
	});

	it('twopass.p12 given its encryption password is locked, not damaged', async () => {
		const { facts } = await analyze('locked/twopass.p12', 'EncPass33');
		const input = facts.inputs[0];
		expect(input?.status).toBe('locked');
		expect(input?.lock?.message).toMatch(
			/^Wrong password or damaged file: the password decrypts the certificates and key leaf but does not verify the PKCS#12 integrity MAC/,
		);
		expect(input?.lock?.message).toContain('openssl pkcs12 -twopass');
		expect(input?.lock?.message).toContain('give its MAC password');
	});
});
