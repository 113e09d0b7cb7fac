// Signature and decryption verdicts as the page gets them: the real analyzer over dropped files
// (messages from WSS4J and xmlsec1, keys as files), no key mapping, then the exported report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';
import type { Report } from '../report/report';

const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const ENC = resolve(import.meta.dirname, '../../../tests/fixtures/xmlenc');

function file(dir: string, name: string, as = name): InputFile {
	return { id: as, name: as, bytes: new Uint8Array(readFileSync(resolve(dir, name))) };
}

function textFile(name: string, text: string): InputFile {
	return { id: name, name, bytes: new TextEncoder().encode(text) };
}

async function analyze(files: InputFile[]): Promise<Report> {
	const result = await new Analyzer().run(
		{
			files,
			passwords: {},
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	return result.report;
}

const ruleIds = (r: Report): string[] => r.findings.map((f) => f.ruleId);

describe('sign-then-encrypt as dropped (WSS4J)', () => {
	it('without the recipient key: cannot verify, not tampered', async () => {
		const r = await analyze([file(ENC, 'wss4j-sign-then-encrypt.xml')]);
		expect(r.signatures).toHaveLength(1);
		expect(r.signatures[0]).toMatchObject({ valid: null, verdict: 'cannot-verify' });
		expect(r.signatures[0]?.error).toMatch(/still encrypted/);
		expect(ruleIds(r)).not.toContain('WSS-SIGNATURE-INVALID');
	});
	it('with the recipient key: valid', async () => {
		const r = await analyze([
			file(ENC, 'wss4j-sign-then-encrypt.xml'),
			file(ENC, 'recipient-key.pem'),
		]);
		expect(r.signatures[0]).toMatchObject({ valid: true, verdict: 'valid' });
	});
});

describe('keys found by trying the dropped files', () => {
	it('a KeyName no dropped file carries (xmlsec1), certificate under another name', async () => {
		const r = await analyze([
			file(WSS, 'xmlsec1-enveloped-rsa-keyname.xml'),
			file(WSS, 'rsa.cer', 'signer-certificate.cer'),
		]);
		expect(r.signatures[0]).toMatchObject({ valid: true, verdict: 'valid' });
	});
	it('a raw HMAC key as a file (xmlsec1 --hmackey)', async () => {
		const r = await analyze([
			file(WSS, 'xmlsec1-enveloped-hmac-sha256.xml'),
			file(WSS, 'hmac.key', 'shared-secret.bin'),
		]);
		expect(r.signatures[0]).toMatchObject({ valid: true, verdict: 'valid' });
		const card = r.inputs.find((i) => i.name === 'shared-secret.bin');
		expect(card?.error).toMatch(/tried as a raw HMAC\/AES key/);
	});
	it('a raw AES key as a hex text file opens a key wrap whose KeyName nobody dropped', async () => {
		const r = await analyze([
			file(ENC, 'santuario-kw-aes128-aes256-gcm.xml'),
			file(ENC, 'shared-aes128.hex', 'kek.txt'),
		]);
		expect(r.decryptions[0]?.status).toBe('decrypted');
	});
	it('a raw key of the wrong size is named with the size the algorithm needs', async () => {
		const r = await analyze([
			file(ENC, 'santuario-kw-aes128-aes256-gcm.xml'),
			textFile('kek.txt', '00112233445566778899aabbccddeeff00112233'),
		]);
		expect(r.decryptions[0]?.status).not.toBe('decrypted');
		expect(r.decryptions[0]?.error).toMatch(
			/the secret key kek\.txt is 20 bytes; this algorithm needs a 16-byte \(128-bit\) key/,
		);
	});
});

describe('a password in clear beside an encrypted Body', () => {
	// WSS4J's UsernameToken (PasswordText) put into the Security header of a WSS4J message whose
	// Body is encrypted and whose wsa:To is http://: the token itself travels in clear
	const token = /<wsse:UsernameToken[\s\S]*?<\/wsse:UsernameToken>/.exec(
		readFileSync(resolve(WSS, 'wss4j-soap11-username-http-no-timestamp.xml'), 'utf8'),
	)?.[0];
	const message = readFileSync(resolve(ENC, 'wss4j-rsa15-aes256cbc-bst.xml'), 'utf8');
	const composed = message.replace(/(<wsse:Security[^>]*>)/, `$1${token ?? ''}`);

	it('is flagged even when the Body decrypts', async () => {
		expect(token).toBeDefined();
		expect(composed).not.toBe(message);
		const r = await analyze([textFile('order.xml', composed), file(ENC, 'recipient-key.pem')]);
		expect(r.decryptions.some((d) => d.status === 'decrypted')).toBe(true);
		expect(ruleIds(r)).toContain('WSS-USERNAME-PLAINTEXT-OVER-HTTP');
	});
	it('and without the key', async () => {
		const r = await analyze([textFile('order.xml', composed)]);
		expect(ruleIds(r)).toContain('WSS-USERNAME-PLAINTEXT-OVER-HTTP');
	});
});
