// Must-flag / must-not-flag table for WSS-KEYINFO-RAW-KEY.
import { describe, expect, it } from 'vitest';
import { sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssKeyinfoRawKey as rule } from './wss-keyinfo-raw-key';

describe('WSS-KEYINFO-RAW-KEY', () => {
	it.each([
		['KeyValue', sigFacts({ rawKeyInKeyInfo: true, keyInfoForms: ['ds:KeyValue/RSAKeyValue'] }), 1],
		['bare X509Data', sigFacts({ rawKeyInKeyInfo: true, keyInfoForms: ['ds:X509Data'] }), 1],
		['SecurityTokenReference', sigFacts(), 0],
		['SAML assertion signature', sigFacts({ rawKeyInKeyInfo: true, inAssertion: true }), 0],
	])('%s', (_name, s, n) => {
		const hits = runRule(rule, facts({ signatures: [s] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'medium', effect: 'cap B' });
	});
});
