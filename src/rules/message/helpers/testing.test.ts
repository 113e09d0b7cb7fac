// The test helper builds complete entries.
import { describe, expect, it } from 'vitest';
import { decryption } from './testing';

describe('decryption()', () => {
	it('fills defaults and applies overrides', () => {
		expect(decryption({ status: 'failed' })).toMatchObject({ status: 'failed', location: 'body' });
	});
});
