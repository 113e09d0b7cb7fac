// Must-flag / must-not-flag table for WSS-HMAC-OUTPUT-LENGTH.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssHmacOutputLength as rule } from './wss-hmac-output-length';

const HMAC1 = 'http://www.w3.org/2000/09/xmldsig#hmac-sha1';
const HMAC256 = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';

RuleTester.run(rule, {
	valid: [
		{
			name: 'absent',
			facts: facts({
				signatures: [sigFacts({ signatureAlgorithm: HMAC256, hmacOutputLength: null })],
			}),
		},
	],
	invalid: [
		{
			name: 'hmac-sha1, 40 bits',
			facts: facts({ signatures: [sigFacts({ signatureAlgorithm: HMAC1, hmacOutputLength: 40 })] }),
			findings: [
				{
					ruleId: 'WSS-HMAC-OUTPUT-LENGTH',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'HMACOutputLength 40 bits (below 80)',
				},
			],
		},
		{
			name: 'hmac-sha256, 120 bits (< 128)',
			facts: facts({
				signatures: [sigFacts({ signatureAlgorithm: HMAC256, hmacOutputLength: 120 })],
			}),
			findings: [
				{
					ruleId: 'WSS-HMAC-OUTPUT-LENGTH',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'HMACOutputLength 120 bits (below 128)',
				},
			],
		},
		{
			name: 'hmac-sha1, 160 bits (present at all)',
			facts: facts({
				signatures: [sigFacts({ signatureAlgorithm: HMAC1, hmacOutputLength: 160 })],
			}),
			findings: [
				{
					ruleId: 'WSS-HMAC-OUTPUT-LENGTH',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'HMACOutputLength 160 bits',
				},
			],
		},
		{
			name: 'hmac-sha256, 128 bits',
			facts: facts({
				signatures: [sigFacts({ signatureAlgorithm: HMAC256, hmacOutputLength: 128 })],
			}),
			findings: [
				{
					ruleId: 'WSS-HMAC-OUTPUT-LENGTH',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'HMACOutputLength 128 bits',
				},
			],
		},
	],
});
