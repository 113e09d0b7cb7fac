// Must-flag / must-not-flag table for WSS-SHA1-DIGEST.
import { describe, expect, it } from 'vitest';
import { refFacts, sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssSha1Digest as rule } from './wss-sha1-digest';

const sig = (alg: string) => sigFacts({ references: [refFacts({ digestAlgorithm: alg })] });

describe('WSS-SHA1-DIGEST', () => {
	it.each([
		['sha1', sig('http://www.w3.org/2000/09/xmldsig#sha1'), [['medium', 'cap B']]],
		['md5', sig('http://www.w3.org/2001/04/xmldsig-more#md5'), [['critical', 'F']]],
		['sha256', sig('http://www.w3.org/2001/04/xmlenc#sha256'), []],
		['sha512', sig('http://www.w3.org/2001/04/xmlenc#sha512'), []],
	])('%s', (_name, s, tiers) => {
		const hits = runRule(rule, facts({ signatures: [s] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
