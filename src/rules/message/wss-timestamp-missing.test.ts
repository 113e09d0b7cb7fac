// Must-flag / must-not-flag table for WSS-TIMESTAMP-MISSING.
import { envFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssTimestampMissing as rule } from './wss-timestamp-missing';

RuleTester.run(rule, {
	valid: [
		{ name: 'Security with Timestamp', facts: facts({ envelopes: [envFacts()] }) },
		{
			name: 'no Security header',
			facts: facts({ envelopes: [envFacts({ securityHeaders: [] })] }),
		},
	],
	invalid: [
		{
			name: 'Security without Timestamp',
			facts: facts({ envelopes: [envFacts({}, { timestamps: [], children: ['ds:Signature'] })] }),
			findings: [
				{
					ruleId: 'WSS-TIMESTAMP-MISSING',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security',
					evidence: 'wsse:Security children: ds:Signature',
				},
			],
		},
	],
});
