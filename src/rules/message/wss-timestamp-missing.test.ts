// Must-flag / must-not-flag table for WSS-TIMESTAMP-MISSING.
import { describe, expect, it } from 'vitest';
import { envFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssTimestampMissing as rule } from './wss-timestamp-missing';

describe('WSS-TIMESTAMP-MISSING', () => {
	it.each([
		['Security without Timestamp', envFacts({}, { timestamps: [], children: ['ds:Signature'] }), 1],
		['Security with Timestamp', envFacts(), 0],
		['no Security header', envFacts({ securityHeaders: [] }), 0],
	])('%s', (_name, env, n) => {
		const hits = runRule(rule, facts({ envelopes: [env] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'medium', effect: 'cap B' });
	});
});
