// Must-flag / must-not-flag table for WSS-USERNAME-PLAINTEXT.
import { describe, expect, it } from 'vitest';
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssUsernamePlaintext as rule } from './wss-username-plaintext';

const env = (to: string | null, u = utFacts()) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

describe('WSS-USERNAME-PLAINTEXT', () => {
	it.each([
		['PasswordText over https', env('https://x.example/ws'), 1],
		['PasswordText over http (the critical rule covers it)', env('http://x.example/ws'), 0],
		[
			'PasswordDigest over https',
			env('https://x.example/ws', utFacts({ passwordType: 'PasswordDigest' })),
			0,
		],
		['no password', env('https://x.example/ws', utFacts({ passwordType: 'none' })), 0],
	])('%s', (_name, e, n) => {
		const hits = runRule(rule, facts({ envelopes: [e] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'low', effect: 'warn' });
	});
});
