// Must-flag / must-not-flag table for WSS-BODY-NOT-SIGNED.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, RuleTester, runRule } from '../testing';
import { wssBodyNotSigned as rule } from './wss-body-not-signed';

RuleTester.run(rule, {
	valid: [
		{ name: 'Body signed', facts: facts({ envelopes: [envFacts()], signatures: [sigFacts()] }) },
		{
			name: 'sole payload child signed',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [
					sigFacts({
						references: [refFacts({ targetPath: '/soapenv:Envelope/soapenv:Body/ex:Op' })],
					}),
				],
			}),
		},
		{
			name: 'whole document signed',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [
					sigFacts({
						references: [
							refFacts({ uri: '', wholeDocument: true, targetPath: '/soapenv:Envelope' }),
						],
					}),
				],
			}),
		},
		{ name: 'no signature', facts: facts({ envelopes: [envFacts()], signatures: [] }) },
	],
	invalid: [
		{
			name: 'the only signature over the Body could not be verified',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ valid: null, failureKind: 'key-not-found', error: 'key absent' })],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Body',
					evidence:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature) references the Body but could not be verified (key absent), so nothing shows the Body is signed',
					title: 'The SOAP Body is not shown to be signed: its signature could not be verified',
				},
			],
		},
		{
			name: 'only the Timestamp signed',
			facts: facts({ envelopes: [envFacts()], signatures: [sigFacts({ references: [tsRef()] })] }),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Body',
					evidence: '1 signature(s) reference wsu:Timestamp, not the Body',
				},
			],
		},
		{
			name: 'Body moved into a header (wrapping)',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [
					sigFacts({
						references: [
							refFacts({
								targetPath: '/soapenv:Envelope/soapenv:Header/ex:Wrapper/soapenv:Body',
								atExpectedPosition: false,
							}),
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Body',
					evidence:
						'a signature verifies, but over a Body element that is not the one the service processes',
					title: 'Signature verifies, but the Body the service processes is NOT signed (wrapping)',
				},
			],
		},
		{
			name: 'Body reference is a duplicate ID',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts({ duplicateId: true })] })],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Body',
					evidence: '1 signature(s) reference soapenv:Body, not the Body',
				},
			],
		},
	],
});

describe('WSS-BODY-NOT-SIGNED: further cases', () => {
	it('says prominently when a verifying signature covers a relocated Body', () => {
		const sig = sigFacts({
			references: [refFacts({ targetPath: '/soapenv:Envelope/soapenv:Header/w/soapenv:Body' })],
		});
		const hits = runRule(rule, facts({ envelopes: [envFacts()], signatures: [sig] }));
		expect(hits[0]?.title).toMatch(/NOT signed/);
	});
});
