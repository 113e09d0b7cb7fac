// What each EncryptedKey is for: content key (ReferenceList / EncryptedData), signing key (HMAC
// signature, DerivedKeyToken) or unlinked, on messages from WSS4J (tests/fixtures/wss, xmlenc).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { XmlDetail } from '../soap/facts';
import { runSignatureStage, type FixtureReader } from '../soap/testing';
import { MAX_UNWRAPS } from './encrypted-keys';

const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const ENC = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(WSS, name)));

describe('EncryptedKey linkage', () => {
	it.each([
		[['rsa-key.pem'], true],
		[[], false],
	])(
		'an EncryptedKey nothing uses is reported unlinked (private keys %j)',
		async (keys, opened) => {
			const file = 'wss4j-encryptedkey-unlinked.xml';
			const { facts } = await runSignatureStage(read, [file], { privateKeys: keys });
			const eks = facts.encryptedKeys.filter((k) => k.inputName === file);
			expect(eks).toHaveLength(1);
			expect(eks[0]).toMatchObject({ use: 'unlinked', unwrapped: opened });
			expect(eks[0]?.note).toMatch(/^unlinked: no ReferenceList\/DataReference, no EncryptedData/);
			// on the card: the input's XML detail lists it
			const detail = facts.inputs[0]?.detail?.data as XmlDetail;
			expect(detail.encryptedKeys?.map((k) => k.use)).toEqual(['unlinked']);
			// the message's own signature is unaffected
			expect(facts.signatures[0]?.valid).toBe(true);
		},
	);

	const encrypted = readdirSync(ENC).filter((f) => /^wss4j-.*\.xml$/.test(f));
	it.each(encrypted)('%s: its EncryptedKeys carry content keys', async (file) => {
		const readEnc: FixtureReader = (n) =>
			new Uint8Array(readFileSync(resolve(n.endsWith('.pem') ? WSS : ENC, n)));
		const { facts } = await runSignatureStage(readEnc, [file], { privateKeys: [] });
		const eks = facts.encryptedKeys.filter((k) => k.inputName === file);
		expect(eks.length).toBeGreaterThan(0);
		expect(eks.map((k) => k.use)).toEqual(eks.map(() => 'data'));
	});
});

describe('EncryptedData keyed by a DerivedKeyToken (WSS4J WSSecDKEncrypt)', () => {
	const file = 'wss4j-dk-encrypted-body.xml';
	it('decrypts with the key derived from the unwrapped EncryptedKey', async () => {
		const { facts } = await runSignatureStage(read, [file], { privateKeys: ['rsa-key.pem'] });
		const d = facts.decryptions[0];
		expect(d?.status, d?.error).toBe('decrypted');
		expect(d?.keyDerivation).toMatch(/\/sc\/dk\/p_sha1$/);
		expect(d?.openedBy?.alias).toBe('rsa-key');
		expect(d?.plaintext).toContain('ACME &amp; Sons');
		expect(facts.encryptedKeys.filter((k) => k.inputName === file).map((k) => k.use)).toEqual([
			'data',
		]);
	});

	it('without the private key: no key, and the EncryptedKey is still a content key', async () => {
		const { facts } = await runSignatureStage(read, [file], { privateKeys: [] });
		expect(facts.decryptions[0]?.status).toBe('no-key');
		expect(facts.encryptedKeys.filter((k) => k.inputName === file)[0]).toMatchObject({
			use: 'data',
			unwrapped: false,
		});
	});
});

describe('many EncryptedKeys', () => {
	it(`classifies 2000 of them and opens at most ${MAX_UNWRAPS}`, async () => {
		const text = new TextDecoder().decode(read('wss4j-encryptedkey-unlinked.xml'));
		const ek = /<xenc:EncryptedKey[\s\S]*?<\/xenc:EncryptedKey>/.exec(text)?.[0] ?? '';
		expect(ek).not.toBe('');
		// distinct copies: another Id, other first two CipherValue characters (all unlinked)
		const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
		const copies = Array.from({ length: 2000 }, (_, i) =>
			ek
				.replace(/Id="[^"]+"/, `Id="EK-copy-${i}"`)
				.replace(/(<xenc:CipherValue>)../, `$1${B64[i % 64]}${B64[Math.floor(i / 64)]}`),
		);
		const unique = [...new Set(copies)];
		const many = text.replace(ek, ek + unique.join(''));
		const reader: FixtureReader = (n) =>
			n === 'many.xml' ? new TextEncoder().encode(many) : read(n);
		const { facts } = await runSignatureStage(reader, ['many.xml'], {
			privateKeys: ['rsa-key.pem'],
		});
		const eks = facts.encryptedKeys.filter((k) => k.inputName === 'many.xml');
		expect(eks.length).toBe(2001);
		expect(eks.every((k) => k.use === 'unlinked')).toBe(true);
		expect(eks.filter((k) => k.tried)).toHaveLength(MAX_UNWRAPS);
		expect(eks.filter((k) => k.unwrapped)).toHaveLength(1); // the original, tried first
	}, 30_000);
});
