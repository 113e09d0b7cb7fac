// Must-flag / must-not-flag table for WSS-SIGNATURE-INVALID.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssSignatureInvalid as rule } from './wss-signature-invalid';

describe('WSS-SIGNATURE-INVALID', () => {
	it.each([
		[
			'digest mismatch',
			sigFacts({ valid: false, failureKind: 'digest-mismatch', error: 'digest' }),
			1,
		],
		['signature mismatch', sigFacts({ valid: false, failureKind: 'signature-mismatch' }), 1],
		['unresolvable reference', sigFacts({ valid: false, failureKind: 'malformed' }), 1],
		['valid', sigFacts(), 0],
		['not checked', sigFacts({ valid: null, failureKind: 'key-not-found' }), 0],
		['unsupported algorithm', sigFacts({ valid: false, failureKind: 'unsupported-algorithm' }), 0],
	])('%s', (_name, sig, n) => {
		const hits = runRule(rule, facts({ signatures: [sig] }));
		expect(hits).toHaveLength(n);
		if (n)
			expect(hits[0]).toMatchObject({ severity: 'critical', effect: 'F', inputName: 'msg.xml' });
	});
});
