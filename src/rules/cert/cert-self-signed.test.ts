// Must-flag / must-not-flag table for CERT-SELF-SIGNED.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certSelfSigned as rule } from './cert-self-signed';

const self = { selfIssued: true, selfSigned: true, issuer: 'CN=api.example.com' };

describe('CERT-SELF-SIGNED', () => {
	it.each([
		['self-signed leaf (keytool default)', certFacts(self), [], 1],
		['CA-issued leaf', certFacts(), [], 0],
		['self-signed root CA', certFacts({ ...self, role: 'root', isCA: true }), [], 0],
		['pinned trusted entry', certFacts({ ...self, pinned: true }), [], 0],
		['marked as trust anchor', certFacts({ ...self, sha256: 'f'.repeat(64) }), ['f'.repeat(64)], 0],
	])('%s', (_n, c, anchors, count) => {
		const hits = runRule(rule, facts({ certificates: [c], trustAnchors: anchors }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['high', 'T']);
	});
});
