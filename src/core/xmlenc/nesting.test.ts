// Super-encryption: an EncryptedData whose plaintext holds another EncryptedData is decrypted
// level by level, each level appended as a decrypted document. (The ciphertexts here are made
// with WebCrypto in the test; the producers' ciphertexts are covered by fixtures.test.ts.)
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../bytes/encoding';
import { MAX_LEVELS } from './input';
import { runStage, ringFrom } from './testing';

const X = 'http://www.w3.org/2001/04/xmlenc#';
const GCM = 'http://www.w3.org/2009/xmlenc11#aes128-gcm';

async function encryptedData(key: Uint8Array, name: string, plaintext: string): Promise<string> {
	const k = await crypto.subtle.importKey('raw', key.slice().buffer, 'AES-GCM', false, ['encrypt']);
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ct = new Uint8Array(
		await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, new TextEncoder().encode(plaintext)),
	);
	const all = new Uint8Array(12 + ct.length);
	all.set(iv);
	all.set(ct, 12);
	return `<xenc:EncryptedData xmlns:xenc="${X}" Type="${X}Element"><xenc:EncryptionMethod Algorithm="${GCM}"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>${name}</ds:KeyName></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${toBase64(all)}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
}

describe('nested EncryptedData', () => {
	it('decrypts the inner level after the outer one', async () => {
		const inner = new Uint8Array(16).fill(7);
		const outer = new Uint8Array(16).fill(9);
		const innerEd = await encryptedData(inner, 'inner', '<ex:secret>42</ex:secret>');
		const outerEd = await encryptedData(outer, 'outer', `<ex:wrap>${innerEd}</ex:wrap>`);
		const doc = `<ex:root xmlns:ex="urn:example">${outerEd}</ex:root>`;
		const ring = ringFrom({
			secretKeys: [
				{ id: 'a', inputName: 'k', name: 'inner', algorithm: 'AES', bytes: inner },
				{ id: 'b', inputName: 'k', name: 'outer', algorithm: 'AES', bytes: outer },
			],
		});
		const { facts, documents } = await runStage('n.xml', doc, ring);
		expect(facts.decryptions.map((d) => d.status)).toEqual(['decrypted', 'decrypted']);
		expect(documents.map((d) => d.origin)).toEqual(['input', 'decrypted', 'decrypted']);
		const last = documents[2]?.xml.doc;
		expect(last?.getElementsByTagNameNS('urn:example', 'secret')[0]?.textContent).toBe('42');
	});

	it('reports a failed inner level once, and keeps the outer result', async () => {
		const outer = new Uint8Array(16).fill(9);
		const innerEd = await encryptedData(new Uint8Array(16).fill(1), 'inner', '<ex:s/>');
		const doc = `<ex:root xmlns:ex="urn:example">${await encryptedData(outer, 'outer', `<ex:w>${innerEd}</ex:w>`)}</ex:root>`;
		const ring = ringFrom({
			secretKeys: [{ id: 'b', inputName: 'k', name: 'outer', algorithm: 'AES', bytes: outer }],
		});
		const { facts } = await runStage('n.xml', doc, ring);
		expect(facts.decryptions.map((d) => d.status)).toEqual(['decrypted', 'failed']);
	});
});

describe('decrypted content that is not XML', () => {
	async function cbcData(key: Uint8Array, plaintext: string): Promise<string> {
		const k = await crypto.subtle.importKey('raw', key.slice().buffer, 'AES-CBC', false, [
			'encrypt',
		]);
		const iv = crypto.getRandomValues(new Uint8Array(16));
		const ct = new Uint8Array(
			await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, k, new TextEncoder().encode(plaintext)),
		);
		const all = new Uint8Array(16 + ct.length);
		all.set(iv);
		all.set(ct, 16);
		return `<xenc:EncryptedData xmlns:xenc="${X}" Type="${X}Content"><xenc:EncryptionMethod Algorithm="${X}aes128-cbc"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>k</ds:KeyName></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${toBase64(all)}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
	}
	const key = new Uint8Array(16).fill(3);
	const ring = ringFrom({
		secretKeys: [{ id: 'k', inputName: 'k', name: 'k', algorithm: 'AES', bytes: key }],
	});

	it('CBC: reported with the one cryptographic message (no well-formedness oracle)', async () => {
		const doc = `<r>${await cbcData(key, '<a><b></a>')}</r>`;
		const { facts } = await runStage('c.xml', doc, ring);
		expect(facts.decryptions[0]).toMatchObject({
			status: 'failed',
			failure: 'crypto',
			openedBy: null,
		});
		expect(facts.decryptions[0]?.plaintextSha256).toBeUndefined();
		expect(facts.decryptions[0]?.plaintext).toBeUndefined();
	});

	it('GCM (authenticated): decrypted, with the reason it could not be put in place', async () => {
		const gcm = await encryptedData(key, 'k', '<a><b></a>');
		const { facts } = await runStage('g.xml', `<r>${gcm}</r>`, ring);
		expect(facts.decryptions[0]?.status).toBe('decrypted');
		expect(facts.decryptions[0]?.documentError).toContain('not well-formed');
	});
});

describe('nesting depth', () => {
	it(`decrypts ${MAX_LEVELS} levels and names the deeper EncryptedData instead of decrypting it`, async () => {
		const key = new Uint8Array(16).fill(5);
		const ring = ringFrom({
			secretKeys: [{ id: 'k', inputName: 'k', name: 'k', algorithm: 'AES', bytes: key }],
		});
		let content = '<ex:secret>42</ex:secret>';
		for (let i = 0; i < MAX_LEVELS + 2; i++)
			content = `<ex:l${i}>${await encryptedData(key, 'k', content)}</ex:l${i}>`;
		const { facts, documents } = await runStage(
			'deep.xml',
			`<ex:root xmlns:ex="urn:example">${content}</ex:root>`,
			ring,
		);
		const statuses = facts.decryptions.map((d) => d.status);
		expect(statuses.slice(0, MAX_LEVELS)).toEqual(Array(MAX_LEVELS).fill('decrypted'));
		expect(statuses.slice(MAX_LEVELS)).toEqual(['failed']);
		expect(facts.decryptions[MAX_LEVELS]).toMatchObject({ failure: 'structural' });
		expect(facts.decryptions[MAX_LEVELS]?.error).toMatch(
			new RegExp(`encrypted again inside ${MAX_LEVELS} levels of decrypted content`),
		);
		expect(documents).toHaveLength(1 + MAX_LEVELS);
	});
});
