// Must-flag / must-not-flag table for WSS-BODY-NOT-SIGNED.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { wssBodyNotSigned as rule } from './wss-body-not-signed';

describe('WSS-BODY-NOT-SIGNED', () => {
	it.each([
		['only the Timestamp signed', [sigFacts({ references: [tsRef()] })], envFacts(), 1],
		[
			'Body moved into a header (wrapping)',
			[
				sigFacts({
					references: [
						refFacts({
							targetPath: '/soapenv:Envelope/soapenv:Header/ex:Wrapper/soapenv:Body',
							atExpectedPosition: false,
						}),
					],
				}),
			],
			envFacts(),
			1,
		],
		[
			'Body reference is a duplicate ID',
			[sigFacts({ references: [refFacts({ duplicateId: true })] })],
			envFacts(),
			1,
		],
		['Body signed', [sigFacts()], envFacts(), 0],
		[
			'sole payload child signed',
			[
				sigFacts({
					references: [refFacts({ targetPath: '/soapenv:Envelope/soapenv:Body/ex:Op' })],
				}),
			],
			envFacts(),
			0,
		],
		[
			'whole document signed',
			[
				sigFacts({
					references: [refFacts({ uri: '', wholeDocument: true, targetPath: '/soapenv:Envelope' })],
				}),
			],
			envFacts(),
			0,
		],
		['no signature', [], envFacts(), 0],
	])('%s', (_name, sigs, env, n) => {
		const hits = runRule(rule, facts({ envelopes: [env], signatures: sigs }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'high', effect: 'cap C' });
	});

	it('says prominently when a verifying signature covers a relocated Body', () => {
		const sig = sigFacts({
			references: [refFacts({ targetPath: '/soapenv:Envelope/soapenv:Header/w/soapenv:Body' })],
		});
		const hits = runRule(rule, facts({ envelopes: [envFacts()], signatures: [sig] }));
		expect(hits[0]?.title).toMatch(/NOT signed/);
	});
});
