// Must-flag / must-not-flag table for WSS-HMAC-OUTPUT-LENGTH.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssHmacOutputLength as rule } from './wss-hmac-output-length';

const HMAC1 = 'http://www.w3.org/2000/09/xmldsig#hmac-sha1';
const HMAC256 = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';

describe('WSS-HMAC-OUTPUT-LENGTH', () => {
	it.each([
		['hmac-sha1, 40 bits', HMAC1, 40, [['critical', 'F']]],
		['hmac-sha256, 120 bits (< 128)', HMAC256, 120, [['critical', 'F']]],
		['hmac-sha1, 160 bits (present at all)', HMAC1, 160, [['high', 'cap C']]],
		['hmac-sha256, 128 bits', HMAC256, 128, [['high', 'cap C']]],
		['absent', HMAC256, null, []],
	])('%s', (_name, alg, bits, tiers) => {
		const hits = runRule(
			rule,
			facts({ signatures: [sigFacts({ signatureAlgorithm: alg, hmacOutputLength: bits })] }),
		);
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
