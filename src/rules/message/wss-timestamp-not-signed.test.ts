// Must-flag / must-not-flag table for WSS-TIMESTAMP-NOT-SIGNED.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssTimestampNotSigned as rule } from './wss-timestamp-not-signed';

describe('WSS-TIMESTAMP-NOT-SIGNED', () => {
	it.each([
		['only Body signed', [sigFacts({ references: [refFacts()] })], 1],
		[
			'Timestamp reference is a duplicate ID',
			[sigFacts({ references: [refFacts(), tsRef({ duplicateId: true })] })],
			1,
		],
		['Body and Timestamp signed', [sigFacts({ references: [refFacts(), tsRef()] })], 0],
		['not signed at all', [], 0],
	])('%s', (_name, sigs, n) => {
		const hits = runRule(rule, facts({ envelopes: [envFacts()], signatures: sigs }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'medium', effect: 'cap B' });
	});
});
