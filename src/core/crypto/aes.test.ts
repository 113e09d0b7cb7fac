// AES paths against OpenSSL (node:crypto): CBC without WebCrypto's PKCS#7 check (the ISO 10126
// pad is arbitrary bytes plus a length), AES-192 through @noble/ciphers, GCM, and RFC 3394 unwrap.
import { createCipheriv, randomBytes, type CipherGCM } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { aesCbcDecryptRaw, aesGcmDecrypt, aesGcmDecryptor, aesKeyUnwrap } from './aes';
import { removeXmlEncPadding } from './padding';
import { aesGcmDecryptInPlace } from './aes-gcm-chunked';

function isoPad(data: Buffer): Buffer {
	const n = 16 - (data.length % 16);
	return Buffer.concat([data, randomBytes(n - 1), Buffer.from([n])]);
}

describe('AES', () => {
	it.each([16, 24, 32])('CBC with ISO 10126 padding, %i-byte key', async (len) => {
		const key = randomBytes(len);
		const iv = randomBytes(16);
		const plain = Buffer.from('<ex:card>4111 1111 1111 1111</ex:card>');
		const c = createCipheriv(`aes-${len * 8}-cbc`, key, iv).setAutoPadding(false);
		const ct = Buffer.concat([c.update(isoPad(plain)), c.final()]);
		const raw = await aesCbcDecryptRaw(new Uint8Array(key), new Uint8Array(iv), new Uint8Array(ct));
		expect(Buffer.from(removeXmlEncPadding(raw, 16) ?? [])).toEqual(plain);
	});

	it.each([16, 24, 32])('GCM, %i-byte key; a flipped tag bit fails', async (len) => {
		const key = randomBytes(len);
		const iv = randomBytes(12);
		const c = createCipheriv(`aes-${len * 8}-gcm`, key, iv) as CipherGCM;
		const ct = Buffer.concat([c.update('hello'), c.final(), c.getAuthTag()]);
		expect(
			Buffer.from(await aesGcmDecrypt(new Uint8Array(key), new Uint8Array(iv), new Uint8Array(ct))),
		).toEqual(Buffer.from('hello'));
		ct[ct.length - 1] = (ct[ct.length - 1] ?? 0) ^ 1;
		await expect(
			aesGcmDecrypt(new Uint8Array(key), new Uint8Array(iv), new Uint8Array(ct)),
		).rejects.toThrow();
	});

	it('GCM hands WebCrypto the ciphertext view itself, not a copy (a 10 MB CipherValue held twice)', async () => {
		const key = randomBytes(32);
		const iv = randomBytes(12);
		const c = createCipheriv('aes-256-gcm', key, iv);
		const ct = Buffer.concat([c.update('<ex:order/>'), c.final(), c.getAuthTag()]);
		// the ciphertext inside a larger buffer, as the decryption stage reads it (IV first)
		const whole = new Uint8Array(12 + ct.length);
		whole.set(iv);
		whole.set(ct, 12);
		const data = whole.subarray(12);
		const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
		try {
			const plain = await aesGcmDecrypt(new Uint8Array(key), whole.subarray(0, 12), data);
			expect(Buffer.from(plain).toString()).toBe('<ex:order/>');
			const given = decrypt.mock.calls[0]?.[2];
			expect(ArrayBuffer.isView(given) && given.buffer).toBe(whole.buffer);
		} finally {
			decrypt.mockRestore();
		}
	});

	it('unwraps RFC 3394 (OpenSSL id-aes192-wrap) and rejects a wrong KEK', async () => {
		const kek = randomBytes(24);
		const cek = randomBytes(32);
		const c = createCipheriv('id-aes192-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));
		const wrapped = new Uint8Array(Buffer.concat([c.update(cek), c.final()]));
		expect(Buffer.from(await aesKeyUnwrap(new Uint8Array(kek), wrapped))).toEqual(cek);
		await expect(aesKeyUnwrap(new Uint8Array(randomBytes(24)), wrapped)).rejects.toThrow();
	});

	it('padding removal refuses impossible pad lengths', () => {
		expect(removeXmlEncPadding(new Uint8Array([1, 2, 3, 0]), 16)).toBeNull();
		expect(removeXmlEncPadding(new Uint8Array([1, 2, 3, 17]), 16)).toBeNull();
		expect(removeXmlEncPadding(new Uint8Array([9, 9, 2]), 16)).toEqual(new Uint8Array([9]));
	});

	it.each([16, 24, 32])(
		'GCM decryptor, %i-byte key: the ciphertext is taken by the call, so the caller may free it before the plaintext is back',
		async (len) => {
			const key = randomBytes(len);
			const iv = randomBytes(12);
			const plain = randomBytes(100_000);
			const c = createCipheriv(`aes-${len * 8}-gcm`, key, iv) as CipherGCM;
			const ct = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
			const decrypt = await aesGcmDecryptor(new Uint8Array(key));
			const data = new Uint8Array(ct);
			const pending = decrypt(new Uint8Array(iv), data);
			// what data-cipher.ts does right after the call: its buffer detached (zero bytes left)
			structuredClone(data.buffer, { transfer: [data.buffer] });
			expect(data.byteLength).toBe(0);
			expect(Buffer.from(await pending)).toEqual(plain);
		},
	);

	describe('GCM in place: tag through WebCrypto with the ciphertext as additional data, then CTR', () => {
		/** IV ‖ ciphertext ‖ tag by OpenSSL, in a buffer with `room` spare octets after it. */
		function sealed(key: Buffer, plain: Buffer, room = 0): { data: Uint8Array; iv: Buffer } {
			const iv = randomBytes(12);
			const c = createCipheriv(`aes-${key.length * 8}-gcm`, key, iv) as CipherGCM;
			const all = Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
			const buffer = new Uint8Array(all.length + room);
			buffer.set(all);
			return { data: buffer.subarray(0, all.length), iv };
		}

		// empty, shorter than a block, block edges, chunk edges (chunks of 32 octets below)
		const lengths = [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 4096 + 7];
		it.each([16, 32])(
			'%i-byte key: OpenSSL plaintexts of every length, written over the ciphertext',
			async (len) => {
				const key = randomBytes(len);
				for (const n of lengths) {
					const plain = randomBytes(n);
					const { data } = sealed(key, plain, 50);
					const out = await aesGcmDecryptInPlace(new Uint8Array(key), data, 32);
					expect(Buffer.from(out), `length ${n}`).toEqual(plain);
					// in the caller's buffer, where the ciphertext was (after the IV)
					expect(out.buffer).toBe(data.buffer);
					expect(out.byteOffset).toBe(data.byteOffset + 12);
				}
			},
		);

		it('a 3 MB plaintext in 64 KB and 1 MB chunks, and in one chunk', async () => {
			const key = randomBytes(32);
			const plain = randomBytes(3 * 1024 * 1024 + 5);
			for (const chunk of [64 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
				const { data } = sealed(key, plain);
				const out = await aesGcmDecryptInPlace(new Uint8Array(key), data, chunk);
				// (Buffer.equals: a deep comparison of megabytes takes seconds)
				expect(
					Buffer.from(out.buffer, out.byteOffset, out.length).equals(plain),
					`chunk ${chunk}`,
				).toBe(true);
			}
		});

		it('a wrong tag, a flipped ciphertext bit, a wrong key or IV fail before anything is decrypted', async () => {
			const key = randomBytes(16);
			const plain = randomBytes(200);
			const cases: [string, (d: Uint8Array) => void, Buffer][] = [
				['tag bit', (d) => void (d[d.length - 1]! ^= 1), key],
				['first tag byte', (d) => void (d[d.length - 16]! ^= 0x80), key],
				['ciphertext bit', (d) => void (d[12 + 150]! ^= 4), key],
				['IV bit', (d) => void (d[3]! ^= 1), key],
				['key', () => {}, randomBytes(16)],
			];
			for (const [what, spoil, k] of cases) {
				const { data } = sealed(key, plain);
				spoil(data);
				const before = Buffer.from(data);
				await expect(aesGcmDecryptInPlace(new Uint8Array(k), data, 32), what).rejects.toThrow(
					/tag does not verify/,
				);
				// nothing decrypted over the ciphertext
				expect(Buffer.from(data), what).toEqual(before);
			}
		});
	});
});
