// Must-flag / must-not-flag table for XSW-DUPLICATE-ID.
import { describe, expect, it } from 'vitest';
import { envFacts, sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { xswDuplicateId as rule } from './xsw-duplicate-id';

const dup = [{ id: 'Body-1', paths: ['/e/b', '/e/h/w/b'] }];

describe('XSW-DUPLICATE-ID', () => {
	it.each([
		['duplicate in an envelope', [envFacts({ duplicateIds: dup })], [], 1],
		['duplicate in a plain signed document', [], [sigFacts({ duplicateIds: dup })], 1],
		[
			'reported once for envelope and signature',
			[envFacts({ duplicateIds: dup })],
			[sigFacts({ duplicateIds: dup })],
			1,
		],
		['unique ids', [envFacts()], [sigFacts({ duplicateIds: [] })], 0],
	])('%s', (_name, envelopes, signatures, n) => {
		const hits = runRule(rule, facts({ envelopes, signatures }));
		expect(hits).toHaveLength(n);
		if (n)
			expect(hits[0]).toMatchObject({ severity: 'critical', effect: 'F', subject: 'ID "Body-1"' });
	});
});
