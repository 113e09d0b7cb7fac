// Must-flag / must-not-flag table for WSS-SIGNER-UNKNOWN.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssSignerUnknown as rule } from './wss-signer-unknown';

RuleTester.run(rule, {
	valid: [
		{ name: 'valid', facts: facts({ signatures: [sigFacts()] }) },
		{
			name: 'invalid',
			facts: facts({ signatures: [sigFacts({ valid: false, failureKind: 'signature-mismatch' })] }),
		},
	],
	invalid: [
		{
			name: 'key not supplied',
			facts: facts({
				signatures: [
					sigFacts({ valid: null, failureKind: 'key-not-found', referencedKey: 'SKI x' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-SIGNER-UNKNOWN',
					severity: 'info',
					effect: 'none',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'SKI x',
				},
			],
		},
		{
			name: 'a specified algorithm this analyzer does not implement',
			facts: facts({
				signatures: [
					sigFacts({
						valid: null,
						failureKind: 'unsupported-algorithm',
						error: 'signature method urn:x is not supported',
					}),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-SIGNER-UNKNOWN',
					severity: 'info',
					effect: 'none',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'signature method urn:x is not supported; until it is checked, nothing it references counts as signed',
					title: 'Signature not checked: it needs an algorithm this analyzer does not implement',
				},
			],
		},
		{
			name: 'signed content still encrypted',
			facts: facts({
				signatures: [
					sigFacts({ valid: null, failureKind: 'still-encrypted', error: 'reference 1: sealed' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-SIGNER-UNKNOWN',
					severity: 'info',
					effect: 'none',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'reference 1: sealed; until it is checked, nothing it references counts as signed',
					title: 'Signature not checked: the signed content is still encrypted',
				},
			],
		},
	],
});
