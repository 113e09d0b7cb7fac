// RSA private-key consistency over a real OpenSSL key (tests/fixtures/xmlenc/recipient-key.pem,
// keytool-generated, exported by openssl pkcs8) and copies with one parameter byte changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import { children, readTlv } from '../asn1/der';
import { fromBase64, toBase64 } from '../bytes/encoding';
import { rsaPkcs8Problem } from './rsa-check';

const PEM = readFileSync(
	resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc/recipient-key.pem'),
	'utf8',
);
const DER = fromBase64(PEM.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
const FIELDS = ['version', 'n', 'e', 'd', 'p', 'q', 'dP', 'dQ', 'qInv'] as const;

/** The key with the last byte of one RSAPrivateKey INTEGER changed (same length). */
function damaged(field: (typeof FIELDS)[number]): Uint8Array {
	const out = DER.slice();
	const top = children(out, readTlv(out) ?? (null as never)) ?? [];
	const octets = top[2];
	if (!octets) throw new Error('not PKCS#8');
	const inner = readTlv(out, octets.contentStart, octets.end);
	const ints = inner ? (children(out, inner) ?? []) : [];
	const t = ints[FIELDS.indexOf(field)];
	if (!t) throw new Error('no ' + field);
	out[t.end - 1] = (out[t.end - 1] ?? 0) ^ 0x02;
	return out;
}

describe('RSA private key consistency', () => {
	it('the key as OpenSSL wrote it is consistent', () => {
		expect(rsaPkcs8Problem(DER)).toBeNull();
	});
	it.each([
		['n', /modulus n is not the product/],
		['p', /modulus n is not the product/],
		['d', /does not invert the public exponent/],
		['dP', /dP is not d mod \(p−1\)/],
		['dQ', /dQ is not d mod \(q−1\)/],
		['qInv', /qInv is not q⁻¹ mod p/],
	] as const)('a changed %s is named', (field, message) => {
		expect(rsaPkcs8Problem(damaged(field))).toMatch(message);
	});
	it('the damaged key gets a clear error on its card, not "wrong key" later', async () => {
		const pem = `-----BEGIN PRIVATE KEY-----\n${toBase64(damaged('dP'))}\n-----END PRIVATE KEY-----\n`;
		const result = await new Analyzer().run(
			{
				files: [{ id: 'k', name: 'damaged-key.pem', bytes: new TextEncoder().encode(pem) }],
				passwords: {},
				entryPasswords: {},
				settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => undefined,
			new AbortController().signal,
		);
		const card = result.report.inputs[0];
		expect(card?.status).toBe('error');
		expect(card?.error).toMatch(/inconsistent RSA private key: the CRT exponent dP/);
	});
});
