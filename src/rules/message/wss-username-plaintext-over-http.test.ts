// Must-flag / must-not-flag table for WSS-USERNAME-PLAINTEXT-OVER-HTTP.
import { describe, expect, it } from 'vitest';
import { envFacts, utFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssUsernamePlaintextOverHttp as rule } from './wss-username-plaintext-over-http';

const env = (to: string | null, u = utFacts()) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null }, usernameTokens: [u] });

describe('WSS-USERNAME-PLAINTEXT-OVER-HTTP', () => {
	it.each([
		['PasswordText over http', env('http://x.example/ws'), null, 1],
		[
			'Type absent over http',
			env('http://x.example/ws', utFacts({ passwordTypeUri: null })),
			null,
			1,
		],
		['http from the connector form', env(null), 'http://svc.example/ws', 1],
		['PasswordText over https', env('https://x.example/ws'), null, 0],
		[
			'encrypted token over http',
			env('http://x.example/ws', utFacts({ protectedByEncryption: true })),
			null,
			0,
		],
		[
			'digest over http',
			env('http://x.example/ws', utFacts({ passwordType: 'PasswordDigest' })),
			null,
			0,
		],
		['endpoint unknown', env(null), null, 0],
	])('%s', (_name, e, endpoint, n) => {
		const connector = endpoint
			? {
					name: 'c',
					type: 'SOAP' as const,
					endpoint,
					role: 'client' as const,
					lowestTlsVersion: '' as const,
					runtime: '',
					cipherSuites: '',
					keystoreInput: '',
					truststoreInput: '',
					wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: true },
				}
			: null;
		const hits = runRule(rule, facts({ envelopes: [e], connector }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'critical', effect: 'F' });
	});
});
