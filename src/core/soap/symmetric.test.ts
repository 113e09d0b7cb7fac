// WS-Security symmetric binding from WSS4J 1.6: HMAC signatures keyed by an EncryptedKey (STR to
// its Id, or EncryptedKeySHA1) or by a DerivedKeyToken over one. The decryption stage unwraps the
// EncryptedKey with the dropped private key; the signature stage verifies with that key.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBase64, toHex } from '../bytes/encoding';
import { runSignatureStage as run, type FixtureReader } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(DIR, name)));
const MESSAGES = [
	['wss4j-hmac-encryptedkey-id.xml', 'BinarySecurityToken', /^EncryptedKey EK-/],
	['wss4j-hmac-encryptedkey-sha1.xml', 'KeyIdentifier', /^EncryptedKeySHA1/],
	[
		'wss4j-hmac-derivedkey.xml',
		'BinarySecurityToken',
		/^DerivedKeyToken DK-.* from EncryptedKey EK-/,
	],
] as const;

describe('HMAC signatures keyed by an EncryptedKey', () => {
	it.each(MESSAGES)('%s verifies with the unwrapped key (%s)', async (file, source, form) => {
		const { facts, ctx } = await run(read, [file], { privateKeys: ['rsa-key.pem'] });
		const sig = facts.signatures[0];
		expect(sig?.error ?? '').toBe('');
		expect(sig?.valid).toBe(true);
		expect(sig?.keySource).toBe(source);
		expect(sig?.keyForm).toMatch(form);
		expect(sig?.references.map((r) => r.digestValid)).toEqual([true, true]);
		// the EncryptedKey is known as a signing key, opened by the dropped key
		const eks = facts.encryptedKeys.filter((k) => k.inputName === file);
		expect(eks).toHaveLength(1);
		expect(eks[0]).toMatchObject({ use: 'signature', unwrapped: true });
		// the unwrapped key stays in the worker: neither base64 nor hex of it is in the facts
		const keys = ctx.keyring.sessionKeys.filter((k) => k.inputName === file);
		expect(keys).toHaveLength(1);
		const json = JSON.stringify(facts);
		for (const k of keys) {
			expect(json).not.toContain(toBase64(k.bytes));
			expect(json).not.toContain(toHex(k.bytes));
		}
	});

	it.each(MESSAGES)('%s without the private key: not checked, signer unknown', async (file) => {
		const { facts } = await run(read, [file], { privateKeys: [] });
		const sig = facts.signatures[0];
		expect(sig?.valid).toBeNull();
		expect(sig?.failureKind).toBe('key-not-found');
		expect(sig?.referencedKey).toMatch(/only the recipient's private key unwraps/);
	});

	it.each(['tampered-wss4j-hmac-encryptedkey-id.xml', 'tampered-wss4j-hmac-derivedkey.xml'])(
		'%s (Body changed after signing) is invalid',
		async (file) => {
			const { facts } = await run(read, [file], { privateKeys: ['rsa-key.pem'] });
			const sig = facts.signatures[0];
			expect(sig?.valid).toBe(false);
			expect(sig?.failureKind).toBe('digest-mismatch');
		},
	);

	it('a key that opens no EncryptedKey leaves the signature not checked', async () => {
		const { facts } = await run(read, ['wss4j-hmac-encryptedkey-id.xml'], {
			privateKeys: ['../xmlenc/other-key.pem'],
		});
		expect(facts.signatures[0]?.valid).toBeNull();
	});
});
