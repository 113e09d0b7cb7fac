import { describe, expect, it } from 'vitest';
import { facts, runRule } from '../testing';
import { decryption, withEncryptedKeys } from './testing';
import { wssRsa15KeyTransport } from './wss-rsa15-key-transport';

const X = 'http://www.w3.org/2001/04/xmlenc#';

describe('WSS-RSA15-KEY-TRANSPORT', () => {
	it.each([
		['rsa-1_5 EncryptedKey', [decryption({ keyTransport: X + 'rsa-1_5' })], 1],
		[
			'rsa-1_5 that failed to open',
			[decryption({ keyTransport: X + 'rsa-1_5', status: 'failed', failure: 'crypto' })],
			1,
		],
		[
			'one EncryptedKey for two EncryptedData',
			[
				decryption({ keyTransport: X + 'rsa-1_5' }),
				decryption({ keyTransport: X + 'rsa-1_5', encryptedDataId: 'ED-2' }),
			],
			1,
		],
		['rsa-oaep-mgf1p', [decryption({ keyTransport: X + 'rsa-oaep-mgf1p' })], 0],
		[
			'xmlenc11 rsa-oaep',
			[decryption({ keyTransport: 'http://www.w3.org/2009/xmlenc11#rsa-oaep' })],
			0,
		],
		['key wrap', [decryption({ keyTransport: X + 'kw-aes256' })], 0],
		['no decryptions', [], 0],
	])('%s', (_name, decryptions, count) => {
		const hits = runRule(wssRsa15KeyTransport, facts({ decryptions }));
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({
				severity: 'high',
				effect: 'cap C',
				inputName: 'msg.xml',
				evidence: X + 'rsa-1_5',
			});
	});

	// EncryptedKeys no EncryptedData uses, from the input's XML detail
	it.each([
		['rsa-1_5 signing key', [], [{ use: 'signature' as const, keyTransport: X + 'rsa-1_5' }], 1],
		['rsa-1_5 unlinked key', [], [{ keyTransport: X + 'rsa-1_5' }], 1],
		['rsa-oaep signing key', [], [{ use: 'signature' as const }], 0],
		// a content key is judged through its EncryptedData: reported once
		[
			'rsa-1_5 content key',
			[decryption({ keyTransport: X + 'rsa-1_5', encryptedKeyId: 'EK-9' })],
			[{ use: 'data' as const, keyTransport: X + 'rsa-1_5' }],
			1,
		],
	])('%s', (_name, decryptions, keys, count) => {
		const hits = runRule(
			wssRsa15KeyTransport,
			facts({ decryptions, inputs: [withEncryptedKeys(keys)] }),
		);
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({
				severity: 'high',
				effect: 'cap C',
				inputName: 'msg.xml',
				evidence: X + 'rsa-1_5',
			});
	});
});
