import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, port, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyBodyNotEncrypted } from './policy-body-not-encrypted';

const parts = (body: boolean) => ({ body, allHeaders: false, headers: [], attachments: false });
const on = (address: string, alts: PolicyAlternative[]) =>
	facts({
		wsdls: [wsdlFacts({ ports: [port('B', address)], operations: [operation('B', 'Op', alts)] })],
	});
const withMessage = (alt: PolicyAlternative, bodyEncrypted: boolean) =>
	facts({
		wsdls: [
			wsdlFacts({
				ports: [port('B', 'https://a/')],
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, bodyEncrypted },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

RuleTester.run(policyBodyNotEncrypted, {
	valid: [
		{
			name: 'asymmetric, Body not encrypted, https port',
			facts: on('https://a/', [alternative({ binding: 'asymmetric' })]),
		},
		{
			name: 'asymmetric, Body encrypted, http port',
			facts: on('http://a/', [alternative({ binding: 'asymmetric', encryptedParts: parts(true) })]),
		},
		{
			name: 'no binding, http port (WSDL-NO-SECURITY-POLICY covers it)',
			facts: on('http://a/', [alternative()]),
		},
		{
			name: 'message encrypts the Body',
			facts: withMessage(alternative({ binding: 'asymmetric', encryptedParts: parts(true) }), true),
		},
	],
	invalid: [
		{
			name: 'asymmetric, Body not encrypted, http port',
			facts: on('http://a/', [alternative({ binding: 'asymmetric' })]),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-ENCRYPTED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding with no sp:EncryptedParts/sp:Body, endpoint over plain HTTP',
				},
			],
		},
		{
			name: 'symmetric, only Body signed, http port',
			facts: on('http://a/', [alternative({ binding: 'symmetric', signedParts: parts(true) })]),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-ENCRYPTED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding with no sp:EncryptedParts/sp:Body, endpoint over plain HTTP',
				},
			],
		},
		{
			name: 'message leaves the Body in clear against its policy',
			facts: withMessage(
				alternative({ binding: 'asymmetric', encryptedParts: parts(true) }),
				false,
			),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-ENCRYPTED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:EncryptedParts/sp:Body | message: soap:Body content is {urn:test}Op in clear (no xenc:EncryptedData)',
					title:
						'The captured message leaves the Body in clear although its policy requires it encrypted',
				},
			],
		},
	],
});
