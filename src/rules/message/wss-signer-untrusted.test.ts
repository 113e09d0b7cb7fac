// Must-flag / must-not-flag table for WSS-SIGNER-UNTRUSTED.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssSignerUntrusted as rule } from './wss-signer-untrusted';

describe('WSS-SIGNER-UNTRUSTED', () => {
	it.each([
		['chain fails', sigFacts({ chainTrusted: false, chainError: 'no issuer' }), 1],
		['chain ok', sigFacts({ chainTrusted: true }), 0],
		['no anchors', sigFacts({ chainTrusted: null }), 0],
	])('%s', (_name, sig, n) => {
		const hits = runRule(rule, facts({ signatures: [sig] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'high', effect: 'T' });
	});
});
