// The decryption stage over encrypted messages made by real producers (WSS4J 1.6, Santuario 2.1,
// xmlsec1; tests/fixtures/xmlenc/README.md), and over broken copies of them: wrong key, corrupted
// ciphertext, truncated GCM tag, unknown algorithm, missing CipherReference target.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes/encoding';
import type { KeyRing } from '../keys/keyring';
import { NS } from './algorithms';
import { CRYPTO_FAILURE_MESSAGE } from './errors';
import { certificateMaterial, pemBlocks, privateKeyMaterial, ringFrom, runStage } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');
const read = (name: string): string => readFileSync(resolve(DIR, name), 'utf8');

function rsaRing(who: 'recipient' | 'other'): KeyRing {
	const cert = pemBlocks(read(`${who}-cert.pem`), 'CERTIFICATE')[0];
	const key = pemBlocks(read(`${who}-key.pem`), 'PRIVATE KEY')[0];
	if (!cert || !key) throw new Error('fixture keys missing');
	const c = certificateMaterial(cert, `${who}.p12`, who);
	return ringFrom({
		certificates: [c],
		privateKeys: [privateKeyMaterial(key, `${who}-key`, `${who}.p12`, who, [c.sha256])],
	});
}

function secretRing(): KeyRing {
	return ringFrom({
		secretKeys: ['shared-aes128', 'shared-aes192', 'shared-aes256', 'shared-3des'].map((name) => ({
			id: name,
			inputName: 'secrets.jceks',
			name,
			algorithm: name.includes('3des') ? 'DESede' : 'AES',
			bytes: fromHex(read(`${name}.hex`)),
		})),
	});
}

const messages = readdirSync(DIR).filter(
	(f) => f.endsWith('.xml') && f !== 'xmlsec1-cipherreference.xml',
);
const payload = {
	name: 'payload.bin',
	bytes: new Uint8Array(readFileSync(resolve(DIR, 'payload.bin'))),
};

describe('fixtures from WSS4J, Santuario and xmlsec1', () => {
	it('has them', () => expect(messages.length).toBeGreaterThanOrEqual(20));

	it.each(messages)('%s decrypts in place, namespace-correct', async (name) => {
		const ring = name.startsWith('santuario-kw') ? secretRing() : rsaRing('recipient');
		const { facts, documents } = await runStage(name, read(name), ring);
		expect(facts.decryptions.length).toBeGreaterThan(0);
		for (const d of facts.decryptions) {
			expect(d.status, d.error).toBe('decrypted');
			expect(d.plaintextSha256).toMatch(/^[0-9a-f]{64}$/);
			expect(d.openedBy?.alias ?? d.openedBy?.id).toBeTruthy();
			expect(d.documentError).toBeUndefined();
		}
		const decrypted = documents.find((d) => d.origin === 'decrypted');
		expect(decrypted).toBeDefined();
		const doc = decrypted?.xml.doc;
		expect(doc?.getElementsByTagNameNS(NS.xenc, 'EncryptedData').length).toBe(0);
		const card = doc?.getElementsByTagNameNS('urn:example:orders', 'card')[0];
		expect(card?.textContent).toBe('4111 1111 1111 1111');
	});

	it('names the key that opened it and the KeyInfo form', async () => {
		const { facts } = await runStage(
			'ski',
			read('wss4j-oaep-aes256gcm-ski.xml'),
			rsaRing('recipient'),
		);
		const d = facts.decryptions[0];
		expect(d?.openedBy).toMatchObject({
			kind: 'private-key',
			alias: 'recipient',
			inputName: 'recipient.p12',
		});
		expect(d?.openedBy?.certSubject).toContain('CN=Order Service Recipient');
		expect(d?.recipient?.forms).toContain('SKI');
		expect(d?.recipient?.skis[0]).toMatch(/^[0-9a-f]{40}$/);
		expect(d?.recipient?.certSha256).toBe(d?.openedBy?.certSha256);
		expect(d?.location).toBe('body');
		expect(d?.keyTransport).toBe(NS.xenc + 'rsa-oaep-mgf1p');
		expect(d?.wsaTo).toBe('https://orders.example.com/service');
	});

	it('decrypts a WSS 1.1 EncryptedHeader back into a header', async () => {
		const { facts, documents } = await runStage(
			'h',
			read('wss4j-oaep-aes128gcm-header.xml'),
			rsaRing('recipient'),
		);
		expect(facts.decryptions.map((d) => d.location).sort()).toEqual(['body', 'header']);
		const doc = documents[1]?.xml.doc;
		const trace = doc?.getElementsByTagNameNS('urn:example:trace', 'Trace')[0];
		expect(trace?.parentNode?.localName).toBe('Header');
		expect(doc?.getElementsByTagNameNS(NS.wsse11, 'EncryptedHeader').length).toBe(0);
	});

	it('keeps the signature and the signed Body id for sign-then-encrypt', async () => {
		const { documents } = await runStage(
			's',
			read('wss4j-sign-then-encrypt.xml'),
			rsaRing('recipient'),
		);
		const doc = documents[1]?.xml.doc;
		const body = doc?.getElementsByTagNameNS(NS.soap11, 'Body')[0];
		const ref = doc?.getElementsByTagNameNS(NS.ds, 'Reference')[0]?.getAttribute('URI');
		expect(ref).toBe('#' + (body?.getAttributeNS(NS.wsu, 'Id') ?? 'missing'));
	});

	it('reads a CipherReference to a second dropped file, and says so when it is missing', async () => {
		const text = read('xmlsec1-cipherreference.xml');
		const ok = await runStage('c', text, rsaRing('recipient'), [payload]);
		expect(ok.facts.decryptions[0]?.status).toBe('decrypted');
		expect(ok.facts.decryptions[0]?.cipherReference).toBe('payload.bin');
		const missing = await runStage('c', text, rsaRing('recipient'));
		expect(missing.facts.decryptions[0]).toMatchObject({ status: 'failed', failure: 'structural' });
		expect(missing.facts.decryptions[0]?.error).toContain('no dropped file is named "payload.bin"');
		const unparsed = await runStage('c', text, rsaRing('recipient'), [], ['payload.bin']);
		expect(unparsed.facts.decryptions[0]?.error).toContain(
			'was dropped but its bytes are not available',
		);
	});
});

describe('bad input: specific where structural, one message where cryptographic', () => {
	it('wrong key: says which certificate the sender encrypted for', async () => {
		const { facts } = await runStage('w', read('wss4j-rsa15-aes256cbc-bst.xml'), rsaRing('other'));
		const d = facts.decryptions[0];
		expect(d).toMatchObject({ status: 'failed', failure: 'crypto' });
		expect(d?.error).toContain(CRYPTO_FAILURE_MESSAGE);
		expect(d?.error).toContain('it was encrypted for CN=Order Service Recipient');
		expect(d?.recipient?.forms).toContain('BinarySecurityToken/X509Certificate');
	});

	it('wrong key with IssuerSerial: names issuer and serial', async () => {
		const { facts } = await runStage(
			'w',
			read('wss4j-oaep-aes128cbc-issuerserial.xml'),
			rsaRing('other'),
		);
		expect(facts.decryptions[0]?.error).toMatch(
			/encrypted for the certificate with serial \d+ issued by CN=Order Service Recipient/,
		);
	});

	it('no key at all: no-key, not a failure', async () => {
		const { facts } = await runStage('n', read('wss4j-oaep-aes256gcm-ski.xml'), ringFrom({}));
		expect(facts.decryptions[0]).toMatchObject({ status: 'no-key', failure: 'no-key' });
		expect(facts.decryptions[0]?.error).toContain('no key opens this');
	});

	/** Flips bit 5 of the last CipherValue (the Body's) at byte `at` from its end (for CBC, at 17 this makes the pad length octet > 16). */
	function corrupt(text: string, at: number): string {
		const i = text.lastIndexOf('<xenc:CipherValue>') + '<xenc:CipherValue>'.length;
		const j = text.indexOf('</xenc:CipherValue>', i);
		const bytes = Buffer.from(text.slice(i, j), 'base64');
		const k = bytes.length - at;
		bytes[k] = (bytes[k] ?? 0) ^ 0x20;
		return text.slice(0, i) + bytes.toString('base64') + text.slice(j);
	}

	it('corrupted CBC padding, corrupted GCM tag and wrong key all give the same message', async () => {
		const cbc = await runStage(
			'p',
			corrupt(read('wss4j-oaep-aes128cbc-issuerserial.xml'), 17),
			rsaRing('recipient'),
		);
		const gcm = await runStage(
			'g',
			corrupt(read('wss4j-oaep-aes256gcm-ski.xml'), 1),
			rsaRing('recipient'),
		);
		const wrong = await runStage('w', read('wss4j-oaep-aes256gcm-ski.xml'), rsaRing('other'));
		const first = (f: typeof cbc): string =>
			(f.facts.decryptions[0]?.error ?? '').split('.')[0] ?? '';
		expect(cbc.facts.decryptions[0]).toMatchObject({ status: 'failed', failure: 'crypto' });
		expect(gcm.facts.decryptions[0]).toMatchObject({ status: 'failed', failure: 'crypto' });
		expect(first(cbc)).toBe(CRYPTO_FAILURE_MESSAGE);
		expect(first(gcm)).toBe(CRYPTO_FAILURE_MESSAGE);
		expect(first(wrong)).toBe(CRYPTO_FAILURE_MESSAGE);
	});

	it('truncated GCM ciphertext: a specific message', async () => {
		const text = read('wss4j-oaep-aes256gcm-ski.xml');
		const i = text.lastIndexOf('<xenc:CipherValue>') + '<xenc:CipherValue>'.length;
		const j = text.indexOf('</xenc:CipherValue>', i);
		const { facts } = await runStage(
			't',
			text.slice(0, i) + 'AAAAAAAAAAAAAAAAAAAAAAAA' + text.slice(j),
			rsaRing('recipient'),
		);
		expect(facts.decryptions[0]).toMatchObject({ status: 'failed', failure: 'structural' });
		expect(facts.decryptions[0]?.error).toContain('shorter than its 12-byte IV and 16-byte tag');
	});

	it('unknown data and key transport algorithms: named', async () => {
		const text = read('wss4j-oaep-aes128cbc-issuerserial.xml');
		const data = await runStage(
			'u',
			text.replace(NS.xenc + 'aes128-cbc', 'urn:example:rot13'),
			rsaRing('recipient'),
		);
		expect(data.facts.decryptions[0]?.error).toContain('unsupported data encryption algorithm');
		expect(data.facts.decryptions[0]?.error).toContain('urn:example:rot13');
		// The key transport is still recorded for the rules.
		expect(data.facts.decryptions[0]?.keyTransport).toBe(NS.xenc + 'rsa-oaep-mgf1p');
		const kt = await runStage(
			'u',
			text.replace(NS.xenc + 'rsa-oaep-mgf1p', 'urn:example:rsa-x'),
			rsaRing('recipient'),
		);
		expect(kt.facts.decryptions[0]).toMatchObject({ status: 'failed', failure: 'structural' });
		expect(kt.facts.decryptions[0]?.error).toContain('urn:example:rsa-x');
	});

	it('a SwA attachment EncryptedData is named and skipped', async () => {
		const text = read('wss4j-oaep-aes128cbc-issuerserial.xml').replace(
			NS.xenc + 'Content',
			'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Only',
		);
		const { facts } = await runStage('a', text, rsaRing('recipient'));
		expect(facts.decryptions[0]).toMatchObject({
			type: 'attachment',
			status: 'failed',
			failure: 'structural',
		});
		expect(facts.decryptions[0]?.error).toContain('Attachment-Content-Only');
	});
});
