import type { PolicyAlternative, PolicyToken } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyUsernameTokenUnprotected } from './policy-username-token-unprotected';

const ut = (role: PolicyToken['role'], options: string[] = []): PolicyToken => ({
	type: 'UsernameToken',
	assertion: 'sp:UsernameToken',
	role,
	container: 'sp:SignedSupportingTokens',
	includeToken: 'AlwaysToRecipient',
	options,
});
const https: PolicyToken = {
	type: 'HttpsToken',
	assertion: 'sp:HttpsToken',
	role: 'transport',
	container: 'sp:TransportToken',
	includeToken: null,
	options: [],
};
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, passwordType: 'text' | 'digest') =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, usernameToken: { present: true, passwordType } },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

RuleTester.run(policyUsernameTokenUnprotected, {
	valid: [
		{
			name: 'UT inside TransportBinding',
			facts: withPolicy([
				alternative({ binding: 'transport', tokens: [https, ut('signed-supporting')] }),
			]),
		},
		{
			name: 'UT as EncryptedSupportingTokens',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', tokens: [ut('signed-encrypted-supporting')] }),
			]),
		},
		{
			name: 'UT with NoPassword',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', tokens: [ut('supporting', ['NoPassword'])] }),
			]),
		},
		{
			name: 'message sends a digest as demanded',
			facts: withMessage(
				alternative({
					binding: 'transport',
					tokens: [https, ut('signed-supporting', ['HashPassword'])],
				}),
				'digest',
			),
		},
	],
	invalid: [
		{
			name: 'signed supporting UT, asymmetric, no HashPassword → critical F',
			facts: withPolicy([
				alternative({ binding: 'asymmetric', tokens: [ut('signed-supporting')] }),
			]),
			findings: [
				{
					ruleId: 'POLICY-USERNAME-TOKEN-UNPROTECTED',
					severity: 'critical',
					effect: 'F',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'sp:SignedSupportingTokens/sp:UsernameToken (plain-text password) and no TransportBinding/HttpsToken',
				},
			],
		},
		{
			name: 'supporting UT without any binding → critical F',
			facts: withPolicy([alternative({ tokens: [ut('supporting')] })]),
			findings: [
				{
					ruleId: 'POLICY-USERNAME-TOKEN-UNPROTECTED',
					severity: 'critical',
					effect: 'F',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'sp:SignedSupportingTokens/sp:UsernameToken (plain-text password) and no TransportBinding/HttpsToken',
				},
			],
		},
		{
			name: 'supporting UT with HashPassword → high cap C',
			facts: withPolicy([
				alternative({ binding: 'symmetric', tokens: [ut('supporting', ['HashPassword'])] }),
			]),
			findings: [
				{
					ruleId: 'POLICY-USERNAME-TOKEN-UNPROTECTED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence:
						'sp:SignedSupportingTokens/sp:UsernameToken with sp:HashPassword and no TransportBinding/HttpsToken',
				},
			],
		},
		{
			name: 'message sends PasswordText where HashPassword is demanded (transport) → high cap C',
			facts: withMessage(
				alternative({
					binding: 'transport',
					tokens: [https, ut('signed-supporting', ['HashPassword'])],
				}),
				'text',
			),
			findings: [
				{
					ruleId: 'POLICY-USERNAME-TOKEN-UNPROTECTED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:SignedSupportingTokens/sp:UsernameToken/sp:HashPassword | message: wsse:Password Type=PasswordText',
					title:
						'The captured message sends a plain-text password where its policy demands a digest',
				},
			],
		},
	],
});
