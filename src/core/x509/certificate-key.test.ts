// The certificate-key model (certificate-key.ts): the one certificate summary signatures and
// decryption match KeyInfo against. Expected values are python-cryptography 48's reading of the
// vendored fixtures (serial_number, SubjectKeyIdentifier.from_public_key, the extension, SHA-1 of
// the DER), so the model is checked against another implementation, not against itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../bytes/encoding';
import { hasCode } from '../errors';
import { NOT_A_CERTIFICATE } from './certificate-facts';
import { certificateKey, certificateKeyOrNull } from './certificate-key';
import { pemToDer } from './pem';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures');
const der = (path: string): Uint8Array => pemToDer(readFileSync(resolve(FIXTURES, path), 'utf8'));

describe('certificate-key model', () => {
	it('keeps the two SKI meanings apart when the certificate has no extension', () => {
		const k = certificateKey(der('pki/names/bmp-and-email.pem'));
		expect(k.skiExtension).toBeNull();
		expect(toHex(k.skiMethod1)).toBe('6f6f33f4e9bc5282d4034274da0555e730d1cb92');
		expect(k.serial).toBe(671374592412765633062061556068212529550685891031n);
		expect(k.serialDecimal).toBe('671374592412765633062061556068212529550685891031');
		expect(k.notBefore).toBe('2025-01-01T00:00:00Z');
	});

	it('reads the extension (keytool writes it by method 1) and a serial with a leading zero octet', () => {
		const k = certificateKey(der('xmlenc/other-cert.pem'));
		expect(k.skiExtension && toHex(k.skiExtension)).toBe(
			'f265b0f92903b86c21855826a8c3979b0797db5a',
		);
		expect(toHex(k.skiMethod1)).toBe('f265b0f92903b86c21855826a8c3979b0797db5a');
		expect(k.serial).toBe(18284993969135367284n);
		expect(k.serialHex).toBe('00fdc159230a793474');
		expect(k.serialDecimal).toBe('18284993969135367284');
		expect(toHex(k.sha1)).toBe('cb2bda1b9810430206f9379a4fa26eed5d5c55ff');
		expect(k.key.kind).toBe('rsa');
	});

	it('is built once per certificate, whichever copy of the bytes is passed', () => {
		const d = der('xmlenc/recipient-cert.pem');
		expect(certificateKey(d.slice())).toBe(certificateKey(d.slice()));
	});

	it('names bytes that are not a certificate with the decoder’s error, every time', () => {
		const junk = new TextEncoder().encode('not a certificate');
		for (let k = 0; k < 2; k++) {
			let thrown: unknown = null;
			try {
				certificateKey(junk);
			} catch (error) {
				thrown = error;
			}
			expect(hasCode(thrown, NOT_A_CERTIFICATE)).toBe(true);
			expect(certificateKeyOrNull(junk)).toBeNull();
		}
	});
});

describe('one certificate summary type', () => {
	const SRC = resolve(import.meta.dirname, '../..');
	const sources = (dir: string): string[] =>
		readdirSync(dir).flatMap((n) => {
			const p = join(dir, n);
			if (statSync(p).isDirectory()) return sources(p);
			return /\.(ts|svelte)$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
		});
	const files = sources(SRC).map((p) => ({
		path: relative(SRC, p).replaceAll('\\', '/'),
		text: readFileSync(p, 'utf8'),
	}));

	it('no module declares its own CertInfo', () => {
		const declaring = files.filter((f) => /(?:interface|type)\s+CertInfo\b/.test(f.text));
		expect(declaring.map((f) => f.path)).toEqual([]);
	});

	it('signatures and decryption summarise certificates through the model only', () => {
		const xml = files.filter((f) => /^core\/(xmldsig|xmlenc)\//.test(f.path));
		expect(xml.filter((f) => f.text.includes('certificateKey')).length).toBeGreaterThan(0);
		const decoding = xml.filter((f) => f.text.includes('readRawCertificate(')).map((f) => f.path);
		expect(decoding).toEqual([]);
	});
});
