// Chunked decryption of CipherValues (bytes/base64-chunks.ts, crypto/aes-gcm-chunked.ts,
// xmlenc/data-cipher.ts) against OpenSSL (node:crypto) encryptions: base64 slices cut inside a
// 4-character group and chunks cut inside a block and inside a UTF-8 character, whitespace in the
// CipherValue, plaintexts of 0, 1, 15, 16, 17 bytes and several MB, wrong tags and wrong pads.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64Pieces } from '../bytes/base64-chunks';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';
import { hasCode } from '../errors';
import { DATA_ALGORITHMS, NS } from './algorithms';
import {
	chunkLimits,
	decryptPieces,
	decryptPlaintext,
	decryptWithCipher,
	plaintextHead,
	type ChunkOptions,
	type CipherPieces,
} from './data-cipher';
import { isCryptoFailure } from './errors';
import { certificateMaterial, pemBlocks, privateKeyMaterial, ringFrom, runStage } from './testing';

const CIPHERS = {
	'aes128-cbc': { uri: NS.xenc + 'aes128-cbc', openssl: 'aes-128-cbc', key: 16, block: 16 },
	'aes192-cbc': { uri: NS.xenc + 'aes192-cbc', openssl: 'aes-192-cbc', key: 24, block: 16 },
	'aes256-cbc': { uri: NS.xenc + 'aes256-cbc', openssl: 'aes-256-cbc', key: 32, block: 16 },
	'tripledes-cbc': { uri: NS.xenc + 'tripledes-cbc', openssl: 'des-ede3-cbc', key: 24, block: 8 },
	'aes128-gcm': { uri: NS.xenc11 + 'aes128-gcm', openssl: 'aes-128-gcm', key: 16, block: 0 },
	'aes192-gcm': { uri: NS.xenc11 + 'aes192-gcm', openssl: 'aes-192-gcm', key: 24, block: 0 },
	'aes256-gcm': { uri: NS.xenc11 + 'aes256-gcm', openssl: 'aes-256-gcm', key: 32, block: 0 },
} as const;
type CipherName = keyof typeof CIPHERS;

/** XML Encryption's octets: IV ‖ ciphertext (ISO 10126 pad) or IV ‖ ciphertext ‖ tag. */
function encrypt(name: CipherName, key: Buffer, plain: Buffer): Buffer {
	const c = CIPHERS[name];
	if (c.block === 0) {
		const iv = randomBytes(12);
		const gcm = createCipheriv(c.openssl, key, iv);
		return Buffer.concat([iv, gcm.update(plain), gcm.final(), gcm.getAuthTag()]);
	}
	const iv = randomBytes(c.block);
	const n = c.block - (plain.length % c.block);
	const padded = Buffer.concat([plain, randomBytes(n - 1), Buffer.from([n])]);
	const cbc = createCipheriv(c.openssl, key, iv).setAutoPadding(false);
	return Buffer.concat([iv, cbc.update(padded), cbc.final()]);
}

/** CBC without any padding: the caller's last octet is the pad length the decryptor reads. */
function encryptRaw(name: CipherName, key: Buffer, blocks: Buffer): Buffer {
	const c = CIPHERS[name];
	const iv = randomBytes(c.block);
	const cbc = createCipheriv(c.openssl, key, iv).setAutoPadding(false);
	return Buffer.concat([iv, cbc.update(blocks), cbc.final()]);
}

/** Base64 as producers write it: 64-character lines, CRLF and indentation (Santuario). */
function cipherValue(octets: Buffer): string {
	const b64 = octets.toString('base64');
	return '\n\t' + (b64.match(/.{1,64}/g) ?? []).join('\r\n\t ') + '\n';
}

function pieces(octets: Buffer, sliceChars: number): CipherPieces {
	const planned = base64Pieces(cipherValue(octets), sliceChars);
	if (!planned) throw new TypeError('test: not base64');
	return { length: planned.length, pieces: () => planned.pieces(), fresh: true };
}

/** Text whose UTF-8 has 1-, 2-, 3- and 4-byte characters, so chunk cuts split characters. */
function utf8Text(bytes: number): Buffer {
	const unit = Buffer.from('<a>€ü漢😀 &amp; x</a>', 'utf8');
	const out = Buffer.alloc(bytes);
	for (let i = 0; i < bytes; i++) out[i] = unit[i % unit.length] ?? 0;
	return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const decoded = (b: Buffer) => new TextDecoder().decode(b);
const joined = (p: { octets: Uint8Array }) => new TextDecoder().decode(p.octets);

describe('base64Pieces', () => {
	const samples = [
		'',
		'QQ==',
		'QUI=',
		'QUJD',
		'QUI',
		' Q U J D\r\nRA==\n',
		randomBytes(1000).toString('base64'),
		cipherValue(randomBytes(777)),
	];

	it.each([1, 2, 3, 5, 7, 64, 1000, 1 << 20])(
		'decodes like fromBase64 with slices of %i characters (cuts inside a group)',
		(slice) => {
			for (const text of samples) {
				const planned = base64Pieces(text, slice);
				expect(planned, JSON.stringify(text)).not.toBeNull();
				const parts = [...(planned?.pieces() ?? [])];
				const all = Buffer.concat(parts);
				expect(all).toEqual(Buffer.from(fromBase64(text)));
				expect(planned?.length).toBe(all.length);
			}
		},
	);

	it.each(['QUJD*', 'QQ==QQ==', 'Q===', 'QUJDR', 'QQ=\u00a0=x', 'QU-D'])(
		'refuses %j as fromBase64 does',
		(text) => {
			expect(base64Pieces(text, 3)).toBeNull();
			let refused = false;
			try {
				fromBase64(text);
			} catch (error) {
				refused = hasCode(error, NOT_BASE64) || error instanceof SyntaxError;
			}
			expect(refused).toBe(true);
		},
	);

	it('starts again from the first piece at each call', () => {
		const planned = base64Pieces(cipherValue(randomBytes(300)), 10);
		const once = Buffer.concat([...(planned?.pieces() ?? [])]);
		expect(Buffer.concat([...(planned?.pieces() ?? [])])).toEqual(once);
	});
});

describe('decryptPlaintext: chunked decryption against OpenSSL', () => {
	const sizes = [0, 1, 15, 16, 17, 100, 1000];
	const cuts: { slice: number; options: ChunkOptions }[] = [
		// the smallest chunks, base64 slices inside a group: every boundary is somewhere odd
		{ slice: 3, options: { chunkBytes: 16, gcmOneCallBytes: 0 } },
		{ slice: 5, options: { chunkBytes: 48, gcmOneCallBytes: 0 } },
		{ slice: 64, options: { chunkBytes: 32, gcmOneCallBytes: 0 } },
		// the defaults: one chunk, GCM in one WebCrypto call
		{ slice: 1 << 20, options: {} },
		// with room after the plaintext (a large one the document is assembled around): CBC's
		// chunks copied into a buffer with it, AES-GCM 128/256 decrypted in place in one
		{ slice: 3, options: { chunkBytes: 16, gcmOneCallBytes: 0, room: 40 } },
		{ slice: 7, options: { chunkBytes: 48, room: 5 } },
		{ slice: 1 << 20, options: { room: 100 } },
	];

	for (const name of Object.keys(CIPHERS) as CipherName[]) {
		it(`${name}: sizes ${sizes.join(', ')} with every chunking`, async () => {
			const cipher = DATA_ALGORITHMS[CIPHERS[name].uri];
			if (!cipher) throw new TypeError(`test: ${name} is not a data algorithm`);
			const key = randomBytes(CIPHERS[name].key);
			for (const size of sizes) {
				const plain = utf8Text(size);
				const octets = encrypt(name, key, plain);
				for (const { slice, options } of cuts) {
					const out = await decryptPlaintext(cipher, key, pieces(octets, slice), options);
					const what = `${size} bytes, slice ${slice}, ${JSON.stringify(options)}`;
					expect(joined(out), what).toBe(decoded(plain));
					expect(out.sha256, what).toBe(sha256(plain));
					expect(out.length, what).toBe(size);
					const head = plaintextHead(out, 7);
					expect(head.text, what).toBe(decoded(plain).slice(0, 7));
					expect(head.truncated, what).toBe(decoded(plain).length > 7);
					// GCM in place: the plaintext where its ciphertext was, room after it
					if (options.room && CIPHERS[name].block === 0 && CIPHERS[name].key !== 24) {
						expect(out.octets.byteOffset, what).toBe(12);
						expect(out.octets.buffer.byteLength, what).toBe(octets.length + options.room);
					}
				}
				// the EncryptedKey path (octets in memory, one buffer out) agrees
				expect(Buffer.from(await decryptWithCipher(cipher, key, octets))).toEqual(plain);
			}
		});
	}

	it.each(['aes256-cbc', 'aes128-gcm', 'aes192-gcm', 'tripledes-cbc'] as CipherName[])(
		'%s: 3 MB in 1 MB chunks from base64 pieces equals one decryption',
		async (name) => {
			const cipher = DATA_ALGORITHMS[CIPHERS[name].uri];
			if (!cipher) throw new TypeError(`test: ${name} is not a data algorithm`);
			const key = randomBytes(CIPHERS[name].key);
			const plain = utf8Text(3 * 1024 * 1024 + 5);
			const octets = encrypt(name, key, plain);
			const chunked = await decryptPlaintext(cipher, key, pieces(octets, 1 << 20), {
				gcmOneCallBytes: 0,
			});
			expect(chunked.sha256).toBe(sha256(plain));
			expect(joined(chunked)).toBe(decoded(plain));
			expect(plaintextHead(chunked, 10)).toEqual({
				text: decoded(plain).slice(0, 10),
				truncated: true,
			});
		},
	);

	it('aes256-cbc: every chunk WebCrypto hands back is freed once copied, the last one too', async () => {
		const cipher = DATA_ALGORITHMS[CIPHERS['aes256-cbc'].uri];
		if (!cipher) throw new TypeError('test: aes256-cbc is not a data algorithm');
		const key = randomBytes(32);
		// 100 octets and 12 of padding: chunks of 32, 32, 32 and a last one of 16 whose 12 octets
		// of padding are cut off (a view of the chunk without them)
		const plain = utf8Text(100);
		const outputs: ArrayBuffer[] = [];
		const subtle = globalThis.crypto.subtle;
		const decrypt = subtle.decrypt.bind(subtle);
		const spy = vi.spyOn(subtle, 'decrypt').mockImplementation(async (...args) => {
			const out = await decrypt(...args);
			outputs.push(out);
			return out;
		});
		try {
			const out = await decryptPlaintext(
				cipher,
				key,
				pieces(encrypt('aes256-cbc', key, plain), 64),
				{
					chunkBytes: 32,
					room: 8,
				},
			);
			expect(out.sha256).toBe(sha256(plain));
		} finally {
			spy.mockRestore();
		}
		expect(outputs.length).toBe(4);
		expect(outputs.map((b) => b.byteLength)).toEqual([0, 0, 0, 0]);
	});

	it.each(['aes128-gcm', 'aes256-gcm', 'aes192-gcm'] as CipherName[])(
		'%s: a flipped tag bit or ciphertext bit is a crypto failure, chunked or in one call',
		async (name) => {
			const cipher = DATA_ALGORITHMS[CIPHERS[name].uri];
			if (!cipher) throw new TypeError(`test: ${name} is not a data algorithm`);
			const key = randomBytes(CIPHERS[name].key);
			const plain = utf8Text(200);
			for (const at of [-1, 12 + 100]) {
				const octets = encrypt(name, key, plain);
				const i = at < 0 ? octets.length + at : at;
				octets[i] = (octets[i] ?? 0) ^ 0x01;
				for (const options of [
					{ chunkBytes: 16, gcmOneCallBytes: 0 },
					{},
					{ chunkBytes: 32, room: 64 },
				]) {
					const seen: Uint8Array[] = [];
					const failed = await decryptPieces(
						cipher,
						key,
						pieces(octets, 7),
						(p) => void seen.push(p),
						options,
					).then(
						() => null,
						(error: unknown) => error,
					);
					expect(isCryptoFailure(failed), `byte ${i}, ${JSON.stringify(options)}`).toBe(true);
					// in place (room, AES-128/256): the tag is checked before anything is decrypted
					if ('room' in options && key.length !== 24) expect(seen).toHaveLength(0);
				}
				await expect(decryptPlaintext(cipher, key, pieces(octets, 7))).rejects.toSatisfy(
					isCryptoFailure,
				);
			}
			// and the wrong key
			const octets = encrypt(name, key, plain);
			await expect(
				decryptPlaintext(cipher, randomBytes(key.length), pieces(octets, 7), {
					gcmOneCallBytes: 0,
				}),
			).rejects.toSatisfy(isCryptoFailure);
		},
	);

	it.each(['aes128-cbc', 'aes192-cbc', 'tripledes-cbc'] as CipherName[])(
		'%s: a pad length of 0 or above the block size is a crypto failure in the last chunk',
		async (name) => {
			const cipher = DATA_ALGORITHMS[CIPHERS[name].uri];
			if (!cipher) throw new TypeError(`test: ${name} is not a data algorithm`);
			const block = CIPHERS[name].block;
			const key = randomBytes(CIPHERS[name].key);
			for (const pad of [0, block + 1, 255]) {
				const blocks = utf8Text(block * 5);
				blocks[blocks.length - 1] = pad;
				const octets = encryptRaw(name, key, blocks);
				for (const options of [{ chunkBytes: 16 }, {}]) {
					await expect(
						decryptPlaintext(cipher, key, pieces(octets, 5), options),
						`pad ${pad}`,
					).rejects.toSatisfy(isCryptoFailure);
				}
			}
			// the largest valid pad (a whole block) leaves four blocks
			const blocks = utf8Text(block * 5);
			blocks[blocks.length - 1] = block;
			const out = await decryptPlaintext(cipher, key, pieces(encryptRaw(name, key, blocks), 5), {
				chunkBytes: 16,
			});
			expect(out.length).toBe(block * 4);
		},
	);

	it('refuses a chunk size that is not whole blocks (a bug, not the input)', async () => {
		const cipher = DATA_ALGORITHMS[CIPHERS['aes128-cbc'].uri];
		if (!cipher) throw new TypeError('test');
		const key = randomBytes(16);
		const octets = encrypt('aes128-cbc', key, utf8Text(40));
		await expect(
			decryptPieces(cipher, key, pieces(octets, 8), () => undefined, { chunkBytes: 24 }),
		).rejects.toThrow(RangeError);
	});
});

describe("real producers' messages through the smallest chunks", () => {
	const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');
	const read = (name: string): string => readFileSync(resolve(DIR, name), 'utf8');
	const defaults = { ...chunkLimits };
	afterEach(() => Object.assign(chunkLimits, defaults));
	const cert = pemBlocks(read('recipient-cert.pem'), 'CERTIFICATE')[0];
	const key = pemBlocks(read('recipient-key.pem'), 'PRIVATE KEY')[0];
	if (!cert || !key) throw new TypeError('test: fixture keys missing');
	const c = certificateMaterial(cert, 'recipient.p12', 'recipient');
	const ring = () =>
		ringFrom({
			certificates: [c],
			privateKeys: [
				privateKeyMaterial(key, 'recipient-key', 'recipient.p12', 'recipient', [c.sha256]),
			],
		});
	// xmlsec1, WSS4J and Santuario messages for the fixture recipient (RSA key transport)
	const messages = readdirSync(DIR).filter(
		(f) =>
			/^(xmlsec1|wss4j|santuario-(oaep|rsa))-.*\.xml$/.test(f) &&
			f !== 'xmlsec1-cipherreference.xml',
	);

	it.each(messages)(
		'%s: 48-byte chunks (3 AES blocks) and 5-character base64 slices decrypt the same',
		async (name) => {
			const whole = await runStage(name, read(name), ring());
			Object.assign(chunkLimits, { chunkBytes: 48, gcmOneCallBytes: 0, sliceChars: 5 });
			const chunked = await runStage(name, read(name), ring());
			const summary = (r: typeof whole) =>
				r.facts.decryptions.map((d) => [d.status, d.plaintextSha256, d.error ?? null]);
			expect(summary(whole).every(([status]) => status === 'decrypted')).toBe(true);
			expect(summary(chunked)).toEqual(summary(whole));
			const text = (r: typeof whole) => r.documents.find((d) => d.origin === 'decrypted')?.xml.text;
			expect(text(chunked)).toBe(text(whole));
		},
	);
});
