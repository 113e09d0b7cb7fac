// Must-flag / must-not-flag table for WSS-TIMESTAMP-STALE.
import { describe, expect, it } from 'vitest';
import { envFacts } from '../../core/soap/testing';
import { facts, RuleTester, runRule } from '../testing';
import { wssTimestampStale as rule } from './wss-timestamp-stale';

const ts = (created: string | null, expires: string | null) =>
	envFacts({}, { timestamps: [{ path: '/e/h/s/ts', id: null, created, expires }] });

RuleTester.run(rule, {
	valid: [
		{
			name: 'fresh, 5 minutes',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z')],
				captureTime: '2026-11-22T12:01:00Z',
			}),
		},
		{
			name: 'no capture time, 5 minutes',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z')],
				captureTime: null,
			}),
		},
	],
	invalid: [
		{
			name: 'Expires before Created',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z')],
				captureTime: null,
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created 2026-11-22T12:00:00Z, Expires 2026-11-22T11:00:00Z: Expires is not after Created',
				},
			],
		},
		{
			name: 'Created missing',
			facts: facts({ envelopes: [ts(null, '2026-11-22T11:00:00Z')], captureTime: null }),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'high',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created (missing), Expires 2026-11-22T11:00:00Z: Created is missing or unreadable',
				},
			],
		},
		{
			name: 'stale at capture time',
			facts: facts({
				envelopes: [ts('2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z')],
				captureTime: '2026-11-22T11:00:00Z',
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created 2026-11-22T10:00:00Z, Expires 2026-11-22T10:05:00Z; capture time 2026-11-22T11:00:00Z: expired or older than 300 s',
				},
			],
		},
		{
			name: 'future-dated',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T12:05:00Z')],
				captureTime: '2026-11-22T11:50:00Z',
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created 2026-11-22T12:00:00Z, Expires 2026-11-22T12:05:00Z; capture time 2026-11-22T11:50:00Z: Created lies in the future',
				},
			],
		},
		{
			name: 'lifetime 2 hours',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T14:00:00Z')],
				captureTime: null,
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created 2026-11-22T12:00:00Z, Expires 2026-11-22T14:00:00Z: lifetime 7200 s (> 3600 s)',
				},
			],
		},
		{
			name: 'lifetime 10 minutes',
			facts: facts({
				envelopes: [ts('2026-11-22T12:00:00Z', '2026-11-22T12:10:00Z')],
				captureTime: null,
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-STALE',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject: '/e/h/s/ts',
					evidence:
						'Created 2026-11-22T12:00:00Z, Expires 2026-11-22T12:10:00Z: lifetime 600 s (> 300 s)',
				},
			],
		},
	],
});

describe('WSS-TIMESTAMP-STALE: further cases', () => {
	it('uses the file date when no capture time is set', () => {
		const env = {
			...ts('2026-11-22T10:00:00Z', '2026-11-22T10:05:00Z'),
			fileDate: '2026-11-22T11:00:00Z',
		};
		expect(runRule(rule, facts({ envelopes: [env] }))).toHaveLength(1);
	});
});
