// The BigInt RSA shim against OpenSSL (node:crypto) ciphertexts: PKCS#1 v1.5 and OAEP, and the
// WebCrypto path; wrong keys and tampered blocks fail without a distinguishing message.
import { constants, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaDecryptKey } from './rsa';
import { oaepDecode, parseRsaPkcs8, pkcs1v15Unpad, rsaPrivateRaw } from './rsa-raw';
import { syncHash } from './hashes';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
const other = new Uint8Array(
	generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
		type: 'pkcs8',
		format: 'der',
	}),
);
const cek = new Uint8Array(randomBytes(32));

describe('RSA shim', () => {
	it('decrypts PKCS#1 v1.5 made by OpenSSL', async () => {
		const ct = publicEncrypt({ key: pair.publicKey, padding: constants.RSA_PKCS1_PADDING }, cek);
		expect(await rsaDecryptKey(pkcs8, { kind: 'pkcs1v15' }, new Uint8Array(ct))).toEqual(cek);
	});

	it.each(['sha1', 'sha256', 'sha512'] as const)(
		'decrypts OAEP-%s (shim and WebCrypto agree)',
		async (h) => {
			const ct = new Uint8Array(
				publicEncrypt(
					{ key: pair.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: h },
					cek,
				),
			);
			const name = h === 'sha1' ? 'SHA-1' : h === 'sha256' ? 'SHA-256' : 'SHA-512';
			const em = rsaPrivateRaw(parseRsaPkcs8(pkcs8), ct);
			expect(oaepDecode(em, syncHash(name), syncHash(name), new Uint8Array())).toEqual(cek);
			const params = { kind: 'oaep', digest: name, mgf: name, label: new Uint8Array() } as const;
			expect(await rsaDecryptKey(pkcs8, params, ct)).toEqual(cek);
		},
	);

	it('rejects a wrong key and a wrong label', async () => {
		const ct = new Uint8Array(
			publicEncrypt(
				{ key: pair.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
				cek,
			),
		);
		const em = rsaPrivateRaw(parseRsaPkcs8(pkcs8), ct);
		expect(
			oaepDecode(em, syncHash('SHA-256'), syncHash('SHA-256'), new Uint8Array([1])),
		).toBeNull();
		expect(oaepDecode(em, syncHash('SHA-256'), syncHash('SHA-1'), new Uint8Array())).toBeNull();
		await expect(rsaDecryptKey(other, { kind: 'pkcs1v15' }, ct)).rejects.toThrow();
		expect(pkcs1v15Unpad(new Uint8Array(256))).toBeNull();
	});
});
