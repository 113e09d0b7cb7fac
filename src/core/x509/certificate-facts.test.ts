// certificateFacts against certificates written by other tools (WSS4J test keys, OpenSSL fixtures).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateFacts, serialForms, validityDays } from './certificate-facts';
import { fromBase64, fromHex } from '../bytes/encoding';
import { CORPUS } from '../../../tests/support/vectors';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');

function pemDer(name: string): Uint8Array {
	const text = readFileSync(resolve(FIXTURES, name), 'utf8');
	return fromBase64(text.replace(/-----[^-]+-----/g, ''));
}

/** The same certificate with one byte of its signature changed. */
function tampered(der: Uint8Array): Uint8Array {
	const out = der.slice();
	out[out.length - 5] = (out[out.length - 5] ?? 0) ^ 0x01;
	return out;
}

describe('certificateFacts', () => {
	it('reads the WSS4J wss40 certificate (DER)', async () => {
		const der = new Uint8Array(
			readFileSync(resolve(CORPUS, 'wss4j/ws-security-common/keys/wss40.crt')),
		);
		const f = await certificateFacts(der, 'wss40.crt', 'file');
		expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
		// openssl x509 -text: DSA 1024, serial 0x21, sha256WithRSAEncryption, issued by CN=Werner
		expect(f.keyAlgorithm).toBe('DSA');
		expect(f.keySize).toBe(1024);
		expect(f.serialNumber).toBe('21');
		expect(f.signatureAlgorithm).toBe('sha256WithRSAEncryption');
		expect(f.subject).toBe('CN=Colm, OU=WSS4J, O=Apache, L=Dublin, ST=Leinster, C=IE');
		expect(f.issuer).toBe('CN=Werner, OU=Apache WSS4J, O=Home, L=Munich, ST=Bayern, C=DE');
		expect(f.notAfter).toBe('2029-04-20T09:34:36Z');
		expect(f.selfIssued).toBe(false);
		expect(f.rsaExponent).toBeNull();
	});

	it('formats negative serials as Java does', () => {
		expect(serialForms(fromHex('970c7c28a6c2e3b04647241cf29a2771')).hex).toBe(
			'-68f383d7593d1c4fb9b8dbe30d65d88f',
		);
		expect(serialForms(fromHex('00ff')).decimal).toBe('255');
	});

	it('counts validity days like CA/B', () => {
		expect(validityDays('2026-01-01T00:00:00Z', '2026-12-31T23:59:59Z')).toBe(365);
		expect(validityDays('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(366);
	});

	// openssl-made roots: RSA (sha256WithRSAEncryption), ECDSA P-256/SHA-256 and P-384/SHA-384,
	// whose self-signatures are checked with WebCrypto directly.
	it.each(['root.pem', 'ec-p256-root.pem', 'ec-p384-root.pem'])(
		'%s: self-signed, and no longer once its signature is altered',
		async (name) => {
			const der = pemDer(name);
			const good = await certificateFacts(der, name, 'file');
			expect([good.selfIssued, good.selfSigned]).toEqual([true, true]);
			const bad = await certificateFacts(tampered(der), name, 'file');
			expect([bad.selfIssued, bad.selfSigned]).toEqual([true, false]);
		},
	);

	// OpenSSL's RSASSA-PSS root (tests/fixtures/pki/pss): its self-signature is checked by the
	// fallback verifier, pkijs, imported on first use (pkijs-fallback.ts). A bad signature is
	// refused, not left unknown: the fallback ran and said no.
	it('an RSASSA-PSS root is checked by the fallback verifier, loaded when needed', async () => {
		const pss = (name: string) =>
			fromBase64(
				readFileSync(resolve(FIXTURES, '../pki/pss', name), 'utf8').replace(/-----[^-]+-----/g, ''),
			);
		const good = await certificateFacts(pss('rsa-pss-root.pem'), 'pss.pem', 'file');
		expect(good.signatureAlgorithm).toMatch(/pss/i);
		expect([good.selfIssued, good.selfSigned]).toEqual([true, true]);
		const bad = await certificateFacts(pss('rsa-pss-root-bad-signature.pem'), 'bad.pem', 'file');
		expect([bad.selfIssued, bad.selfSigned]).toEqual([true, false]);
	});
});
