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
	],
});
