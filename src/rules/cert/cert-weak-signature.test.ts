// Must-flag / must-not-flag table for CERT-WEAK-SIGNATURE.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certWeakSignature as rule } from './cert-weak-signature';

describe('CERT-WEAK-SIGNATURE', () => {
	it.each([
		['md5WithRSA', certFacts({ signatureAlgorithm: 'md5WithRSAEncryption' }), [['critical', 'F']]],
		['md2WithRSA', certFacts({ signatureAlgorithm: 'md2WithRSAEncryption' }), [['critical', 'F']]],
		['sha1WithRSA', certFacts({ signatureAlgorithm: 'sha1WithRSAEncryption' }), [['high', 'T']]],
		['ecdsa-with-SHA1', certFacts({ signatureAlgorithm: 'ecdsa-with-SHA1' }), [['high', 'T']]],
		['dsa-with-SHA1', certFacts({ signatureAlgorithm: 'dsa-with-SHA1' }), [['high', 'T']]],
		['sha256WithRSA', certFacts(), []],
		['ecdsa-with-SHA384', certFacts({ signatureAlgorithm: 'ecdsa-with-SHA384' }), []],
		[
			'SHA-1 root self-signature ignored',
			certFacts({ role: 'root', signatureAlgorithm: 'sha1WithRSAEncryption' }),
			[],
		],
	])('%s', (_n, c, tiers) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
