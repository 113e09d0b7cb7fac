// Must-flag / must-not-flag table for WSS-TIMESTAMP-NOT-SIGNED.
import { envFacts, refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssTimestampNotSigned as rule } from './wss-timestamp-not-signed';

RuleTester.run(rule, {
	valid: [
		{
			name: 'Body and Timestamp signed',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts(), tsRef()] })],
			}),
		},
		{ name: 'not signed at all', facts: facts({ envelopes: [envFacts()], signatures: [] }) },
	],
	invalid: [
		{
			name: 'only Body signed',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts()] })],
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-NOT-SIGNED',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsu:Timestamp',
					evidence: '1 signature(s), none references #TS-1',
				},
			],
		},
		{
			name: 'Timestamp reference is a duplicate ID',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts(), tsRef({ duplicateId: true })] })],
			}),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-NOT-SIGNED',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsu:Timestamp',
					evidence: '1 signature(s), none references #TS-1',
				},
			],
		},
	],
});
