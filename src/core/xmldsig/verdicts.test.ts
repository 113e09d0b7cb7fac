// The three verdicts: valid; invalid naming the step that failed; cannot verify with
// the reason. Every document is a real producer's output (xmlsec1, WSS4J) or a textual edit of one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../bytes/encoding';
import { parseXml } from '../xml/safe-parse';
import { rawKeysFromFile } from '../xmlenc/raw-key-file';
import { withoutAttlistDoctype } from '../xml/xml-input';
import { CORPUS } from '../../../tests/support/vectors';
import { knownCerts, verifyDocument } from './document';
import type { KnownCert, KnownSecret } from './keyinfo';

const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const ENC = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');
const read = (dir: string, f: string): string => readFileSync(resolve(dir, f), 'utf8');

function der(pem: string): Uint8Array {
	const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/.exec(pem);
	return fromBase64((m?.[1] ?? '').replace(/\s+/g, ''));
}

/** The signer certificate dropped under a name no KeyName uses. */
async function signerCert(): Promise<KnownCert[]> {
	return knownCerts([
		{ der: der(read(WSS, 'rsa.pem')), names: ['signer.cer', 'signer'], label: 'signer.cer' },
	]);
}

async function otherCert(): Promise<KnownCert[]> {
	return knownCerts([
		{ der: der(read(WSS, 'other.pem')), names: ['other.cer', 'other'], label: 'other.cer' },
	]);
}

async function verify(text: string, certs: KnownCert[] = [], secrets: KnownSecret[] = []) {
	const r = await verifyDocument(parseXml(text).doc, {
		inputName: 't.xml',
		origin: 'input',
		certs,
		secrets,
	});
	const f = r.signatures[0]?.facts;
	if (!f) throw new Error('no signature');
	return f;
}

describe('structure before crypto (XML Signature schema)', () => {
	const signed = read(WSS, 'xmlsec1-enveloped-rsa-x509.xml');
	it('the untouched document is valid', async () => {
		expect((await verify(signed)).valid).toBe(true);
	});
	it.each([
		[
			'two SignedInfo',
			(s: string) => s.replace(/(<SignedInfo>[\s\S]*?<\/SignedInfo>)/, '$1$1'),
			/2 ds:SignedInfo elements/,
		],
		[
			'two SignatureValue',
			(s: string) => s.replace(/(<SignatureValue>[\s\S]*?<\/SignatureValue>)/, '$1$1'),
			/2 ds:SignatureValue elements/,
		],
		[
			'two KeyInfo',
			(s: string) => s.replace(/(<KeyInfo>[\s\S]*?<\/KeyInfo>)/, '$1$1'),
			/2 ds:KeyInfo elements/,
		],
		[
			'no CanonicalizationMethod',
			(s: string) => s.replace(/<CanonicalizationMethod[^>]*\/>/, ''),
			/no ds:CanonicalizationMethod/,
		],
		[
			'two SignatureMethod',
			(s: string) => s.replace(/(<SignatureMethod[^>]*\/>)/, '$1$1'),
			/2 ds:SignatureMethod elements/,
		],
		[
			'a foreign element after the SignatureValue',
			(s: string) =>
				s.replace(/(<\/SignatureValue>)/, '$1<x:Hidden xmlns:x="urn:x">signed content</x:Hidden>'),
			/holds x:Hidden after its SignatureValue/,
		],
		[
			'SignatureValue before SignedInfo',
			(s: string) =>
				s.replace(
					/(<SignedInfo>[\s\S]*?<\/SignedInfo>)(\s*)(<SignatureValue>[\s\S]*?<\/SignatureValue>)/,
					'$3$2$1',
				),
			/must start with ds:SignedInfo/,
		],
	])('%s is invalid at the structure step', async (_, edit, message) => {
		const edited = edit(signed);
		expect(edited).not.toBe(signed);
		const f = await verify(edited);
		expect(f.valid).toBe(false);
		expect(f.failedStep).toBe('structure');
		expect(f.error).toMatch(message);
	});
});

describe('Reference without URI (xmlsec1 output)', () => {
	const doc = read(WSS, 'xmlsec1-nouri-rsa.xml');
	it('is the whole document when there is one signature, and says so', async () => {
		const f = await verify(doc, await signerCert());
		expect(f.valid).toBe(true);
		expect(f.references[0]?.wholeDocument).toBe(true);
		expect(f.references[0]?.note).toMatch(/no URI attribute: taken as the whole document/);
	});
	it('a changed document is invalid at reference 1', async () => {
		const f = await verify(doc.replace('>2</Item>', '>20</Item>'), await signerCert());
		expect(f.valid).toBe(false);
		expect(f.failedStep).toBe('reference');
		expect(f.error).toMatch(/reference 1 \(no URI\) does not: digest mismatch/);
	});
});

describe('lax key search (xmlsec1 --lax-key-search)', () => {
	const keyname = read(WSS, 'xmlsec1-enveloped-rsa-keyname.xml');
	it('a KeyName no dropped file carries: found by trying the dropped keys', async () => {
		const f = await verify(keyname, await signerCert());
		expect(f.valid).toBe(true);
		expect(f.keySearch).toMatch(
			/^found by trying the dropped keys; the KeyName "rsa" did not match any dropped file/,
		);
	});
	it('an empty KeyName: the same', async () => {
		const f = await verify(read(WSS, 'xmlsec1-nouri-rsa.xml'), await signerCert());
		expect(f.keySearch).toMatch(/found by trying the dropped keys/);
	});
	it('no KeyInfo at all: the same', async () => {
		const f = await verify(keyname.replace(/<KeyInfo>[\s\S]*?<\/KeyInfo>/, ''), await signerCert());
		expect(f.valid).toBe(true);
		expect(f.keySearch).toMatch(/the signature has no KeyInfo/);
	});
	it('a tampered SignatureValue with the key dropped is invalid, not signer unknown', async () => {
		const tampered = keyname.replace(/<SignatureValue>(.)/, (_, c: string) =>
			c === 'A' ? '<SignatureValue>B' : '<SignatureValue>A',
		);
		const f = await verify(tampered, await signerCert());
		expect(f.valid).toBe(false);
		expect(f.failedStep).toBe('signature-value');
		expect(f.error).toMatch(/does not verify with any of the 1 dropped key/);
	});
	it('only a key of another size dropped: cannot verify (signer unknown)', async () => {
		// other.pem is RSA too; if it has the signer's size the verdict is invalid, else unknown
		const other = await otherCert();
		const f = await verify(keyname, other);
		expect(f.valid === null || f.valid === false).toBe(true);
		expect(f.valid).not.toBe(true);
	});
	it('an STR to a token absent from the message falls back to the dropped certificate', async () => {
		const bst = read(WSS, 'wss4j-soap11-rsa-bst.xml');
		const id = /<wsse:Reference URI="#([^"]+)"/.exec(bst)?.[1] ?? '';
		expect(id).not.toBe('');
		// the BST's id is changed so the STR points nowhere; the signature does not cover the BST
		const moved = bst.replace(`wsu:Id="${id}"`, `wsu:Id="${id}-gone"`);
		const f = await verify(moved, await signerCert());
		expect(f.valid).toBe(true);
		expect(f.keySearch).toMatch(/KeyInfo names token #.* which no dropped file holds/);
	});
	it('a raw HMAC key file (32 hex characters used as text, as xmlsec1 --hmackey reads it)', async () => {
		const bytes = new Uint8Array(readFileSync(resolve(WSS, 'hmac.key')));
		const secrets = rawKeysFromFile(bytes).map((r) => ({
			names: ['hmac.key'],
			bytes: r.bytes,
			label: `hmac.key (${r.encoding})`,
		}));
		expect(secrets.map((s) => s.label)).toEqual(['hmac.key (hex)', 'hmac.key (binary)']);
		const f = await verify(read(WSS, 'xmlsec1-enveloped-hmac-sha256.xml'), [], secrets);
		expect(f.valid).toBe(true);
		expect(f.keySearch).toMatch(/KeyName "shared" did not match/);
	});
});

describe('sign-then-encrypt (WSS4J)', () => {
	it('without the recipient key: cannot verify, the signed content is still encrypted', async () => {
		const f = await verify(read(ENC, 'wss4j-sign-then-encrypt.xml'));
		expect(f.valid).toBeNull();
		expect(f.failedStep).toBe('encrypted');
		expect(f.failureKind).toBe('still-encrypted');
		expect(f.error).toMatch(/cannot verify yet: the signed content is still encrypted/);
	});
	it('encrypt-then-sign verifies over the ciphertext', async () => {
		const f = await verify(read(ENC, 'wss4j-encrypt-then-sign.xml'));
		expect(f.valid).toBe(true);
	});
	it('encrypt-then-sign with a changed CipherValue is invalid, not "still encrypted"', async () => {
		const text = read(ENC, 'wss4j-encrypt-then-sign.xml');
		const body = text.indexOf(':Body');
		const at = text.indexOf('CipherValue>', body) + 'CipherValue>'.length;
		const c = text[at];
		const edited = text.slice(0, at) + (c === 'A' ? 'B' : 'A') + text.slice(at + 1);
		const f = await verify(edited);
		expect(f.valid).toBe(false);
		expect(f.failedStep).toBe('reference');
	});
});

describe("xmlsec's XPointer transform (xmldsig-more/xptr), corpus vector aleksey-xmldsig-01/xpointer-hmac", () => {
	const dir = resolve(CORPUS, 'xmlsec');
	const text = withoutAttlistDoctype(read(dir, 'aleksey-xmldsig-01/xpointer-hmac.xml')) ?? '';
	const key = rawKeysFromFile(new Uint8Array(readFileSync(resolve(dir, 'keys/hmackey.bin'))));
	const secrets: KnownSecret[] = key.map((k) => ({
		names: ['hmackey.bin'],
		bytes: k.bytes,
		label: 'hmackey.bin',
	}));
	it('valid as signed (xmlsec1 verifies it)', async () => {
		expect((await verify(text, [], secrets)).valid).toBe(true);
	});
	it('the element the XPointer names changed: invalid at the reference', async () => {
		const f = await verify(
			text.replace('<Secrets>Test</Secrets>', '<Secrets>Tost</Secrets>'),
			[],
			secrets,
		);
		expect(f.valid).toBe(false);
		expect(f.failureKind).toBe('digest-mismatch');
	});
	it('content outside what the XPointer names changed: still valid (it is not signed)', async () => {
		const f = await verify(
			text.replace('<Object Id="object">some text', '<Object Id="object">other text'),
			[],
			secrets,
		);
		expect(f.valid).toBe(true);
	});
});
