// Must-flag / must-not-flag table for WSS-SIGNER-UNKNOWN.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssSignerUnknown as rule } from './wss-signer-unknown';

describe('WSS-SIGNER-UNKNOWN', () => {
	it.each([
		[
			'key not supplied',
			sigFacts({ valid: null, failureKind: 'key-not-found', referencedKey: 'SKI x' }),
			1,
		],
		['valid', sigFacts(), 0],
		['invalid', sigFacts({ valid: false, failureKind: 'signature-mismatch' }), 0],
	])('%s', (_name, sig, n) => {
		const hits = runRule(rule, facts({ signatures: [sig] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'info', effect: 'none', evidence: 'SKI x' });
	});
});
