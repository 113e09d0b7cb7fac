// Must-flag / must-not-flag table for WSS-TIMESTAMP-STALE.
import { describe, expect, it } from 'vitest';
import { envFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssTimestampStale as rule } from './wss-timestamp-stale';

const ts = (created: string | null, expires: string | null) =>
	envFacts({}, { timestamps: [{ path: '/e/h/s/ts', id: null, created, expires }] });

describe('WSS-TIMESTAMP-STALE', () => {
	it.each([
		[
			'Expires before Created',
			ts('2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'),
			null,
			[['high', 'cap B']],
		],
		['Created missing', ts(null, '2026-11-22T11:00:00Z'), null, [['high', 'cap B']]],
		[
			'stale at capture time',
			ts('2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z'),
			'2026-11-22T11:00:00Z',
			[['medium', 'cap B']],
		],
		[
			'future-dated',
			ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z'),
			'2026-11-22T11:50:00Z',
			[['medium', 'cap B']],
		],
		[
			'lifetime 2 hours',
			ts('2026-11-22T12:00:00Z', '2026-11-22T14:00:00Z'),
			null,
			[['medium', 'cap B']],
		],
		[
			'lifetime 10 minutes',
			ts('2026-11-22T12:00:00Z', '2026-11-22T12:10:00Z'),
			null,
			[['low', 'warn']],
		],
		[
			'fresh, 5 minutes',
			ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z'),
			'2026-11-22T12:01:00Z',
			[],
		],
		['no capture time, 5 minutes', ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z'), null, []],
	])('%s', (_name, env, captureTime, tiers) => {
		const hits = runRule(rule, facts({ envelopes: [env], captureTime }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});

	it('uses the file date when no capture time is set', () => {
		const env = {
			...ts('2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z'),
			fileDate: '2026-11-22T11:00:00Z',
		};
		expect(runRule(rule, facts({ envelopes: [env] }))).toHaveLength(1);
	});
});
