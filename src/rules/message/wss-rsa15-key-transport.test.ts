import { describe, expect, it } from 'vitest';
import { facts, RuleTester, runRule } from '../testing';
import { decryption, withEncryptedKeys } from './helpers/testing';
import { wssRsa15KeyTransport } from './wss-rsa15-key-transport';

const X = 'http://www.w3.org/2001/04/xmlenc#';

RuleTester.run(wssRsa15KeyTransport, {
	valid: [
		{
			name: 'rsa-oaep-mgf1p',
			facts: facts({ decryptions: [decryption({ keyTransport: X + 'rsa-oaep-mgf1p' })] }),
		},
		{
			name: 'xmlenc11 rsa-oaep',
			facts: facts({
				decryptions: [decryption({ keyTransport: 'http://www.w3.org/2009/xmlenc11#rsa-oaep' })],
			}),
		},
		{
			name: 'key wrap',
			facts: facts({ decryptions: [decryption({ keyTransport: X + 'kw-aes256' })] }),
		},
		{ name: 'no decryptions', facts: facts({ decryptions: [] }) },
	],
	invalid: [
		{
			name: 'rsa-1_5 EncryptedKey',
			facts: facts({ decryptions: [decryption({ keyTransport: X + 'rsa-1_5' })] }),
			findings: [
				{
					ruleId: 'WSS-RSA15-KEY-TRANSPORT',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: 'EncryptedKey EK-1',
					evidence: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
				},
			],
		},
		{
			name: 'rsa-1_5 that failed to open',
			facts: facts({
				decryptions: [
					decryption({ keyTransport: X + 'rsa-1_5', status: 'failed', failure: 'crypto' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-RSA15-KEY-TRANSPORT',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: 'EncryptedKey EK-1',
					evidence: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
				},
			],
		},
		{
			name: 'one EncryptedKey for two EncryptedData',
			facts: facts({
				decryptions: [
					decryption({ keyTransport: X + 'rsa-1_5' }),
					decryption({ keyTransport: X + 'rsa-1_5', encryptedDataId: 'ED-2' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-RSA15-KEY-TRANSPORT',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: 'EncryptedKey EK-1',
					evidence: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
				},
			],
		},
	],
});

describe('WSS-RSA15-KEY-TRANSPORT: further cases', () => {
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
