// KeyInfo → certificate matching for every reference form WSS4J/Santuario/xmlsec write, checked
// against the fixture recipient certificate (keytool), and key ordering by that match.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncHash } from '../crypto/hashes';
import { certificateKeyOrNull } from '../x509/certificate-key';
import { emptyHints, type KeyHints } from './key-info';
import { CertIndex, findRecipient, orderPrivateKeys, orderSecretKeys } from './key-match';
import { certificateMaterial, pemBlocks, privateKeyMaterial, ringFrom } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');
const pem = (name: string, label: string): Uint8Array => {
	const block = pemBlocks(readFileSync(resolve(DIR, name), 'utf8'), label)[0];
	if (!block) throw new Error(`${name} has no ${label}`);
	return block;
};
const recipientCert = certificateMaterial(
	pem('recipient-cert.pem', 'CERTIFICATE'),
	'recipient.p12',
	'recipient',
);
const otherCert = certificateMaterial(pem('other-cert.pem', 'CERTIFICATE'), 'other.p12', 'other');
const info = certificateKeyOrNull(recipientCert.der);
// Keys without recorded pairing: CertIndex pairs them by RSA modulus.
const ring = ringFrom({
	certificates: [otherCert, recipientCert],
	privateKeys: [
		privateKeyMaterial(pem('other-key.pem', 'PRIVATE KEY'), 'o', 'other.p12', 'other'),
		privateKeyMaterial(pem('recipient-key.pem', 'PRIVATE KEY'), 'r', 'recipient.p12', 'recipient'),
	],
	secretKeys: [
		{ id: 's1', inputName: 'k', name: 'Shared-AES', algorithm: 'AES', bytes: new Uint8Array(16) },
		{ id: 's2', inputName: 'k', name: 'other', algorithm: 'AES', bytes: new Uint8Array(32) },
	],
});

function hints(partial: Partial<KeyHints>): KeyHints {
	return { ...emptyHints(), ...partial };
}

describe('findRecipient', () => {
	if (!info) throw new Error('fixture certificate does not parse');
	it.each<[string, KeyHints, string]>([
		['SKI', hints({ skis: [info.skiExtension ?? info.skiMethod1] }), 'SKI'],
		['SHA-1 thumbprint', hints({ sha1Thumbprints: [info.sha1] }), 'Thumbprint'],
		[
			'IssuerSerial (RFC 2253 order, decimal)',
			hints({
				issuerSerials: [
					{
						issuer: 'CN=Order Service Recipient,O=wssec fixtures,C=DE',
						serial: info.serialDecimal,
					},
				],
			}),
			'IssuerSerial',
		],
		[
			'IssuerSerial (reversed order, spaces)',
			hints({
				issuerSerials: [
					{
						issuer: 'C=DE, O=wssec fixtures, CN=Order Service Recipient',
						serial: info.serialDecimal,
					},
				],
			}),
			'IssuerSerial',
		],
		[
			'SubjectName',
			hints({ subjectNames: ['CN=Order Service Recipient, O=wssec fixtures, C=DE'] }),
			'SubjectName',
		],
		[
			'X509Digest SHA-256',
			hints({
				digests: [
					{
						algorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
						value: syncHash('SHA-256').hash(recipientCert.der),
					},
				],
			}),
			'X509Digest',
		],
	])('%s names the recipient certificate', (_name, h, form) => {
		const r = findRecipient(h, new CertIndex(ring), []);
		expect(r.certs).toEqual([recipientCert.sha256]);
		expect(r.facts.forms).toContain(form);
		expect(r.facts.certSubject).toBe('CN=Order Service Recipient, O=wssec fixtures, C=DE');
	});

	it('a wrong serial matches nothing, and the message still names issuer and serial', () => {
		const r = findRecipient(
			hints({ issuerSerials: [{ issuer: info.issuerName, serial: '12345' }] }),
			new CertIndex(ring),
			[],
		);
		expect(r.certs).toEqual([]);
		expect(r.facts.references[0]).toContain('serial 12345 issued by CN=Order Service Recipient');
	});
});

describe('key order', () => {
	it('tries the private key paired with the named certificate first', () => {
		const index = new CertIndex(ring);
		const order = orderPrivateKeys(ring, index, 'RSA', [recipientCert.sha256], []);
		expect(order.map((o) => [o.key.alias, o.matched])).toEqual([
			['recipient', true],
			['other', false],
		]);
		expect(index.certsOfKey(order[0]!.key)).toEqual([recipientCert.sha256]);
	});

	it('tries named secret keys first (case-insensitive), then those of the right length', () => {
		expect(orderSecretKeys(ring, ['shared-aes'], 32).map((o) => [o.key.id, o.matched])).toEqual([
			['s1', true],
			['s2', false],
		]);
		expect(orderSecretKeys(ring, [], 16).map((o) => o.key.id)).toEqual(['s1']);
	});
});
