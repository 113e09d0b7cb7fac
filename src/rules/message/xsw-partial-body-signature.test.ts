// Must-flag / must-not-flag table for XSW-PARTIAL-BODY-SIGNATURE.
import { envFacts, refFacts, sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { xswPartialBodySignature as rule } from './xsw-partial-body-signature';

const child = (name: string) =>
	sigFacts({
		references: [
			refFacts({ targetKind: 'other', targetPath: '/soapenv:Envelope/soapenv:Body/' + name }),
		],
	});

RuleTester.run(rule, {
	valid: [
		{
			name: 'sole child signed',
			facts: facts({ envelopes: [envFacts()], signatures: [child('ex:Op')] }),
		},
		{
			name: 'whole Body signed',
			facts: facts({ envelopes: [envFacts({ bodyChildCount: 2 })], signatures: [sigFacts()] }),
		},
	],
	invalid: [
		{
			name: 'first child signed, Body has two',
			facts: facts({ envelopes: [envFacts({ bodyChildCount: 2 })], signatures: [child('ex:Op')] }),
			findings: [
				{
					ruleId: 'XSW-PARTIAL-BODY-SIGNATURE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject:
						'/soapenv:Envelope/soapenv:Body/ex:Op referenced by ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'Body has 2 element children; the signed element is the first and the Body itself is not signed',
				},
			],
		},
		{
			name: 'second child signed',
			facts: facts({
				envelopes: [envFacts({ bodyChildCount: 2 })],
				signatures: [child('ex:Other')],
			}),
			findings: [
				{
					ruleId: 'XSW-PARTIAL-BODY-SIGNATURE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject:
						'/soapenv:Envelope/soapenv:Body/ex:Other referenced by ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'Body has 2 element children; the signed element is not the first and the Body itself is not signed',
				},
			],
		},
	],
});
