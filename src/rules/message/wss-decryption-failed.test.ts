import { facts, RuleTester } from '../testing';
import { decryption } from './helpers/testing';
import { wssDecryptionFailed } from './wss-decryption-failed';

const MESSAGE = 'could not be decrypted with the available keys: wrong key or corrupted data';

RuleTester.run(wssDecryptionFailed, {
	valid: [
		{ name: 'decrypted', facts: facts({ decryptions: [decryption()] }) },
		{
			name: 'no key supplied at all',
			facts: facts({
				decryptions: [
					decryption({ status: 'no-key', failure: 'no-key', error: 'no key opens this' }),
				],
			}),
		},
		{
			name: 'unknown algorithm (structural)',
			facts: facts({
				decryptions: [
					decryption({ status: 'failed', failure: 'structural', error: 'unsupported' }),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'wrong key or corrupt data',
			facts: facts({
				decryptions: [decryption({ status: 'failed', failure: 'crypto', error: MESSAGE })],
			}),
			findings: [
				{
					ruleId: 'WSS-DECRYPTION-FAILED',
					severity: 'medium',
					effect: 'none',
					inputName: 'msg.xml',
					subject: 'EncryptedData ED-1',
					evidence: 'could not be decrypted with the available keys: wrong key or corrupted data',
				},
			],
		},
	],
});
