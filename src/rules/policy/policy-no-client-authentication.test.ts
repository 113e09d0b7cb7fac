import type { PolicyAlternative, PolicyToken } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyNoClientAuthentication } from './policy-no-client-authentication';

const token = (
	type: PolicyToken['type'],
	role: PolicyToken['role'],
	options: string[] = [],
): PolicyToken => ({
	type,
	assertion: `sp:${type}`,
	role,
	container: 'sp:Container',
	includeToken: 'AlwaysToRecipient',
	options,
});
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, msg: Parameters<typeof capturedMessage>[0]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage({ securityHeader: true, ...msg }, { binding: 'B', operation: 'Op' }),
				],
			}),
		],
	});

RuleTester.run(policyNoClientAuthentication, {
	valid: [
		{
			name: 'HttpsToken with RequireClientCertificate',
			facts: withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport', ['RequireClientCertificate'])],
				}),
			]),
		},
		{
			name: 'HttpsToken with HTTP basic authentication',
			facts: withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport', ['HttpBasicAuthentication'])],
				}),
			]),
		},
		{
			name: 'asymmetric with an initiator token',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] }),
			]),
		},
		{
			name: 'transport with a signed supporting UsernameToken',
			facts: withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport'), token('UsernameToken', 'signed-supporting')],
				}),
			]),
		},
		{ name: 'no binding', facts: withPolicy([alternative()]) },
		{
			name: 'message carries the initiator certificate',
			facts: withMessage(
				alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] }),
				{
					binaryTokens: ['X509v3'],
				},
			),
		},
	],
	invalid: [
		{
			name: 'HttpsToken without client certificate',
			facts: withPolicy([
				alternative({ binding: 'transport', tokens: [token('HttpsToken', 'transport')] }),
			]),
			findings: [
				{
					ruleId: 'POLICY-NO-CLIENT-AUTHENTICATION',
					severity: 'medium',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'binding with no supporting or initiator token and HttpsToken without RequireClientCertificate (policy #P)',
				},
			],
		},
		{
			name: 'symmetric with only a protection token',
			facts: withPolicy([
				alternative({ binding: 'symmetric', tokens: [token('X509', 'protection')] }),
			]),
			findings: [
				{
					ruleId: 'POLICY-NO-CLIENT-AUTHENTICATION',
					severity: 'medium',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding with no supporting or initiator token (policy #P)',
				},
			],
		},
		{
			name: 'message lacks the required UsernameToken',
			facts: withMessage(
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport'), token('UsernameToken', 'signed-supporting')],
				}),
				{},
			),
			findings: [
				{
					ruleId: 'POLICY-NO-CLIENT-AUTHENTICATION',
					severity: 'medium',
					effect: 'warn',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence: 'policy: sp:Container/sp:UsernameToken | message: no wsse:UsernameToken',
					title: 'The captured message lacks a token its policy requires',
				},
			],
		},
		{
			name: 'message lacks the initiator X.509 token',
			facts: withMessage(
				alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] }),
				{},
			),
			findings: [
				{
					ruleId: 'POLICY-NO-CLIENT-AUTHENTICATION',
					severity: 'medium',
					effect: 'warn',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:Container/sp:X509 | message: no wsse:BinarySecurityToken and no X.509 key reference',
					title: 'The captured message lacks a token its policy requires',
				},
			],
		},
	],
});
