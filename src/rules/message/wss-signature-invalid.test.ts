// Must-flag / must-not-flag table for WSS-SIGNATURE-INVALID.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssSignatureInvalid as rule } from './wss-signature-invalid';

RuleTester.run(rule, {
	valid: [
		{ name: 'valid', facts: facts({ signatures: [sigFacts()] }) },
		{
			name: 'not checked',
			facts: facts({ signatures: [sigFacts({ valid: null, failureKind: 'key-not-found' })] }),
		},
		{
			name: 'unsupported algorithm',
			facts: facts({
				signatures: [sigFacts({ valid: false, failureKind: 'unsupported-algorithm' })],
			}),
		},
	],
	invalid: [
		{
			name: 'an algorithm URI no specification defines',
			facts: facts({
				signatures: [
					sigFacts({
						valid: false,
						failureKind: 'unsupported-algorithm',
						undefinedAlgorithm: 'http://example.invalid/sig',
						error: 'no specification defines it',
					}),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-SIGNATURE-INVALID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'no specification defines it',
				},
			],
		},
		{
			name: 'digest mismatch',
			facts: facts({
				signatures: [sigFacts({ valid: false, failureKind: 'digest-mismatch', error: 'digest' })],
			}),
			findings: [
				{
					ruleId: 'WSS-SIGNATURE-INVALID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'digest',
				},
			],
		},
		{
			name: 'signature mismatch',
			facts: facts({ signatures: [sigFacts({ valid: false, failureKind: 'signature-mismatch' })] }),
			findings: [
				{
					ruleId: 'WSS-SIGNATURE-INVALID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'signature-mismatch',
				},
			],
		},
		{
			name: 'unresolvable reference',
			facts: facts({ signatures: [sigFacts({ valid: false, failureKind: 'malformed' })] }),
			findings: [
				{
					ruleId: 'WSS-SIGNATURE-INVALID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'malformed',
				},
			],
		},
	],
});
