import { describe, expect, it } from 'vitest';
import { facts, runRule } from '../testing';
import { decryption } from './testing';
import { wssDecryptionFailed } from './wss-decryption-failed';

const MESSAGE = 'could not be decrypted with the available keys: wrong key or corrupted data';

describe('WSS-DECRYPTION-FAILED', () => {
	it.each([
		[
			'wrong key or corrupt data',
			decryption({ status: 'failed', failure: 'crypto', error: MESSAGE }),
			1,
		],
		['decrypted', decryption(), 0],
		[
			'no key supplied at all',
			decryption({ status: 'no-key', failure: 'no-key', error: 'no key opens this' }),
			0,
		],
		[
			'unknown algorithm (structural)',
			decryption({ status: 'failed', failure: 'structural', error: 'unsupported' }),
			0,
		],
	])('%s', (_name, d, count) => {
		const hits = runRule(wssDecryptionFailed, facts({ decryptions: [d] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) {
			expect(h).toMatchObject({
				severity: 'medium',
				effect: 'none',
				subject: 'EncryptedData ED-1',
				evidence: MESSAGE,
			});
		}
	});
});
