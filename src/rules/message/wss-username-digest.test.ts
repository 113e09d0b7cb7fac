// Must-flag / must-not-flag table for WSS-USERNAME-DIGEST.
import { describe, expect, it } from 'vitest';
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssUsernameDigest as rule } from './wss-username-digest';

const digest = utFacts({ passwordType: 'PasswordDigest' });
const env = (to: string | null, u = digest) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

describe('WSS-USERNAME-DIGEST', () => {
	it.each([
		['digest over https', env('https://x.example/ws'), [['low', 'warn']]],
		['digest over http', env('http://x.example/ws'), [['high', 'cap C']]],
		['text over https', env('https://x.example/ws', utFacts()), []],
		['endpoint unknown', env(null), []],
	])('%s', (_name, e, tiers) => {
		const hits = runRule(rule, facts({ envelopes: [e] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
