import { describe, expect, it } from 'vitest';
import { facts, runRule } from '../testing';
import { decryption } from './testing';
import { wssCbcEncryption } from './wss-cbc-encryption';

const X = 'http://www.w3.org/2001/04/xmlenc#';
const X11 = 'http://www.w3.org/2009/xmlenc11#';

describe('WSS-CBC-ENCRYPTION', () => {
	it.each([
		[
			'aes128-cbc',
			decryption({ dataAlgorithm: X + 'aes128-cbc' }),
			{ severity: 'medium', effect: 'cap B' },
		],
		[
			'aes192-cbc',
			decryption({ dataAlgorithm: X + 'aes192-cbc' }),
			{ severity: 'medium', effect: 'cap B' },
		],
		[
			'aes256-cbc, even undecrypted',
			decryption({ dataAlgorithm: X + 'aes256-cbc', status: 'no-key' }),
			{ severity: 'medium', effect: 'cap B' },
		],
		[
			'tripledes-cbc',
			decryption({ dataAlgorithm: X + 'tripledes-cbc' }),
			{ severity: 'high', effect: 'cap C' },
		],
		[
			'kw-tripledes with GCM data',
			decryption({ dataAlgorithm: X11 + 'aes128-gcm', keyWrap: X + 'kw-tripledes' }),
			{ severity: 'high', effect: 'cap C' },
		],
		[
			'kw-tripledes with CBC data: the higher tier only',
			decryption({ dataAlgorithm: X + 'aes128-cbc', keyWrap: X + 'kw-tripledes' }),
			{ severity: 'high', effect: 'cap C' },
		],
		['aes256-gcm', decryption({ dataAlgorithm: X11 + 'aes256-gcm' }), null],
		[
			'aes128-gcm with kw-aes128',
			decryption({ dataAlgorithm: X11 + 'aes128-gcm', keyWrap: X + 'kw-aes128' }),
			null,
		],
	])('%s', (_name, d, tier) => {
		const hits = runRule(wssCbcEncryption, facts({ decryptions: [d] }));
		if (!tier) return expect(hits).toHaveLength(0);
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({ ...tier, inputName: 'msg.xml', subject: d.path });
	});
});
