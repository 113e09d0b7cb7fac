// Must-flag / must-not-flag table for CERT-UNTRUSTED-CHAIN.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certUntrustedChain as rule } from './cert-untrusted-chain';

describe('CERT-UNTRUSTED-CHAIN', () => {
	it.each([
		[
			'invalid with anchors',
			certFacts({ chainValid: false, chainError: 'no trusted issuer' }),
			['x'],
			1,
		],
		['valid with anchors', certFacts({ chainValid: true }), ['x'], 0],
		['no anchors supplied', certFacts({ chainValid: null }), [], 0],
		['pinned certificate', certFacts({ chainValid: false, pinned: true }), ['x'], 0],
		['root ignored', certFacts({ chainValid: false, role: 'root' }), ['x'], 0],
	])('%s', (_n, c, anchors, count) => {
		const hits = runRule(rule, facts({ certificates: [c], trustAnchors: anchors }));
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect([h.severity, h.effect, h.evidence]).toEqual(['high', 'T', 'no trusted issuer']);
	});
});
