import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyBodyNotSigned } from './policy-body-not-signed';

const parts = (body: boolean, headers: string[] = []) => ({
	body,
	allHeaders: false,
	headers,
	attachments: false,
});
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, signedTargets: string[]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, signedTargets, action: 'urn:a' },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

RuleTester.run(policyBodyNotSigned, {
	valid: [
		{
			name: 'asymmetric, SignedParts Body',
			facts: withPolicy([alternative({ binding: 'asymmetric', signedParts: parts(true) })]),
		},
		{
			name: 'asymmetric, SignedElements XPath on Body',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', signedElements: ['/soap:Envelope/soap:Body'] }),
			]),
		},
		{
			name: 'transport binding (protected by TLS)',
			facts: withPolicy([alternative({ binding: 'transport' })]),
		},
		{
			name: 'message signs Body and header',
			facts: withMessage(
				alternative({ binding: 'asymmetric', signedParts: parts(true, ['{urn:h}Tenant']) }),
				['Body', 'Header {urn:h}Tenant'],
			),
		},
		{
			name: 'unsigned wsa header is POLICY-WSA-HEADERS-NOT-SIGNED, not this rule',
			facts: withMessage(
				alternative({
					binding: 'asymmetric',
					signedParts: parts(true, ['{http://www.w3.org/2005/08/addressing}Action']),
				}),
				['Body'],
			),
		},
	],
	invalid: [
		{
			name: 'asymmetric, no SignedParts',
			facts: withPolicy([alternative({ binding: 'asymmetric' })]),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding with no sp:SignedParts/sp:Body',
				},
			],
		},
		{
			name: 'symmetric, only headers signed',
			facts: withPolicy([
				alternative({ binding: 'symmetric', signedParts: parts(false, ['{urn:h}H']) }),
			]),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding with no sp:SignedParts/sp:Body',
				},
			],
		},
		{
			name: 'message does not sign the Body its policy requires signed',
			facts: withMessage(alternative({ binding: 'asymmetric', signedParts: parts(true) }), [
				'Timestamp',
			]),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:SignedParts/sp:Body | message: soap:Body not signed (signed: Timestamp)',
					title: 'The captured message does not sign the Body its policy requires signed',
				},
			],
		},
		{
			name: 'message does not sign a custom header the policy requires',
			facts: withMessage(
				alternative({ binding: 'asymmetric', signedParts: parts(true, ['{urn:h}Tenant']) }),
				['Body'],
			),
			findings: [
				{
					ruleId: 'POLICY-BODY-NOT-SIGNED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence: 'policy: sp:SignedParts/sp:Header Tenant | message: header Tenant not signed',
					title: 'The captured message does not sign a header its policy requires signed',
				},
			],
		},
	],
});
