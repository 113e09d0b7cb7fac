// Must-flag / must-not-flag table for XSW-SIGNED-ELEMENT-RELOCATED.
import { refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { xswSignedElementRelocated as rule } from './xsw-signed-element-relocated';

const ruleId = 'XSW-SIGNED-ELEMENT-RELOCATED';

RuleTester.run(rule, {
	valid: [
		{
			name: 'Body and Timestamp at their places',
			facts: facts({ signatures: [sigFacts({ references: [refFacts(), tsRef()] })] }),
		},
		{
			name: 'other elements (no expected position applies)',
			facts: facts({
				signatures: [
					sigFacts({
						references: [refFacts({ targetKind: 'other', atExpectedPosition: null })],
					}),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'Body in a header wrapper',
			facts: facts({
				signatures: [
					sigFacts({
						references: [refFacts({ atExpectedPosition: false, targetPath: '/e/h/w/b' })],
					}),
				],
			}),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject:
						'soapenv:Body referenced by ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'signed element sits at /e/h/w/b; expected a direct child of soap:Envelope',
				},
			],
		},
		{
			name: 'Timestamp outside Security',
			facts: facts({
				signatures: [sigFacts({ references: [tsRef({ atExpectedPosition: false })] })],
			}),
			findings: [
				{
					ruleId,
					severity: 'critical',
					effect: 'F',
					subject:
						'wsu:Timestamp referenced by ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'signed element sits at /soapenv:Envelope/soapenv:Header/wsse:Security/wsu:Timestamp; expected a child of the wsse:Security header',
				},
			],
		},
	],
});
