// Must-flag / must-not-flag table for WSS-USERNAME-NO-NONCE.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts, tsRef, utFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssUsernameNoNonce as rule } from './wss-username-no-nonce';

describe('WSS-USERNAME-NO-NONCE', () => {
	it.each([
		['no nonce, no signed Timestamp', utFacts({ hasNonce: false }), [], [['medium', 'cap B']]],
		[
			'no created, Timestamp signed',
			utFacts({ created: null }),
			[sigFacts({ references: [refFacts(), tsRef()] })],
			[['low', 'warn']],
		],
		['nonce and created', utFacts(), [], []],
		['no password', utFacts({ passwordType: 'none', hasNonce: false }), [], []],
	])('%s', (_name, u, sigs, tiers) => {
		const hits = runRule(
			rule,
			facts({ envelopes: [envFacts({ usernameTokens: [u] })], signatures: sigs }),
		);
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
