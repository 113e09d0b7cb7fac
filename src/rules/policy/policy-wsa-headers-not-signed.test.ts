import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyWsaHeadersNotSigned } from './policy-wsa-headers-not-signed';

const WSA = 'http://www.w3.org/2005/08/addressing';
const parts = (headers: string[], allHeaders = false) => ({
	body: true,
	allHeaders,
	headers,
	attachments: false,
});
const all4 = ['To', 'Action', 'ReplyTo', 'MessageID'].map((h) => `{${WSA}}${h}`);
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, signedTargets: string[]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, action: 'urn:a', to: 'https://x/', signedTargets },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

RuleTester.run(policyWsaHeadersNotSigned, {
	valid: [
		{
			name: 'all four signed',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts(all4) }),
			]),
		},
		{
			name: 'every header signed (empty SignedParts)',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts([], true) }),
			]),
		},
		{
			name: 'OnlySignEntireHeadersAndBody',
			facts: withPolicy([
				alternative({
					binding: 'asymmetric',
					addressing: true,
					onlySignEntireHeadersAndBody: true,
				}),
			]),
		},
		{ name: 'no addressing', facts: withPolicy([alternative({ binding: 'asymmetric' })]) },
		{
			name: 'transport binding',
			facts: withPolicy([alternative({ binding: 'transport', addressing: true })]),
		},
		{
			name: 'message signs what the policy requires',
			facts: withMessage(
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts(all4) }),
				['Body', ...all4.map((h) => `Header ${h}`)],
			),
		},
	],
	invalid: [
		{
			name: 'addressing, asymmetric, only Body signed',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts([]) }),
			]),
			findings: [
				{
					ruleId: 'POLICY-WSA-HEADERS-NOT-SIGNED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'WS-Addressing in use; not in sp:SignedParts: wsa:To, wsa:Action, wsa:ReplyTo, wsa:MessageID',
				},
			],
		},
		{
			name: 'addressing, To and Action signed but not ReplyTo/MessageID',
			facts: withPolicy([
				alternative({
					binding: 'symmetric',
					addressing: true,
					signedParts: parts([`{${WSA}}To`, `{${WSA}}Action`]),
				}),
			]),
			findings: [
				{
					ruleId: 'POLICY-WSA-HEADERS-NOT-SIGNED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'WS-Addressing in use; not in sp:SignedParts: wsa:ReplyTo, wsa:MessageID',
				},
			],
		},
		{
			name: 'message leaves wsa:Action unsigned although the policy requires it (plus the policy finding)',
			facts: withMessage(
				alternative({
					binding: 'asymmetric',
					addressing: true,
					signedParts: parts([`{${WSA}}Action`]),
				}),
				['Body'],
			),
			findings: [
				{
					ruleId: 'POLICY-WSA-HEADERS-NOT-SIGNED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'WS-Addressing in use; not in sp:SignedParts: wsa:To, wsa:ReplyTo, wsa:MessageID',
				},
				{
					ruleId: 'POLICY-WSA-HEADERS-NOT-SIGNED',
					severity: 'medium',
					effect: 'warn',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:SignedParts/sp:Header wsa:Action | message: header wsa:Action not signed',
					title:
						'The captured message leaves unsigned a WS-Addressing header its policy requires signed',
				},
			],
		},
	],
});
