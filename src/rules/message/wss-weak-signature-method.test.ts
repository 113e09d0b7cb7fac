// Must-flag / must-not-flag table for WSS-WEAK-SIGNATURE-METHOD.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssWeakSignatureMethod as rule } from './wss-weak-signature-method';

describe('WSS-WEAK-SIGNATURE-METHOD', () => {
	it.each([
		['rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', [['medium', 'cap B']]],
		['hmac-sha1', 'http://www.w3.org/2000/09/xmldsig#hmac-sha1', [['medium', 'cap B']]],
		['ecdsa-sha1', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1', [['medium', 'cap B']]],
		['rsa-md5', 'http://www.w3.org/2001/04/xmldsig-more#rsa-md5', [['critical', 'F']]],
		['rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', []],
		['ecdsa-sha384', 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384', []],
	])('%s', (_name, alg, tiers) => {
		const hits = runRule(rule, facts({ signatures: [sigFacts({ signatureAlgorithm: alg })] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
