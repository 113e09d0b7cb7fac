import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester, runRule } from '../testing';
import { policyNoTimestamp } from './policy-no-timestamp';

const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, timestamp: { present: boolean; signed: boolean }) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage({ securityHeader: true, timestamp }, { binding: 'B', operation: 'Op' }),
				],
			}),
		],
	});

RuleTester.run(policyNoTimestamp, {
	valid: [
		{
			name: 'asymmetric with IncludeTimestamp',
			facts: withPolicy([alternative({ binding: 'asymmetric', includeTimestamp: true })]),
		},
		{ name: 'no binding', facts: withPolicy([alternative()]) },
		{
			name: 'transport: an unsigned Timestamp is fine',
			facts: withMessage(alternative({ binding: 'transport', includeTimestamp: true }), {
				present: true,
				signed: false,
			}),
		},
		{
			name: 'message with a signed Timestamp',
			facts: withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: true,
				signed: true,
			}),
		},
	],
	invalid: [
		{
			name: 'asymmetric without IncludeTimestamp',
			facts: withPolicy([alternative({ binding: 'asymmetric' })]),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding without sp:IncludeTimestamp (policy #P)',
				},
			],
		},
		{
			name: 'symmetric without IncludeTimestamp',
			facts: withPolicy([alternative({ binding: 'symmetric' })]),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding without sp:IncludeTimestamp (policy #P)',
				},
			],
		},
		{
			name: 'transport without IncludeTimestamp',
			facts: withPolicy([alternative({ binding: 'transport' })]),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'low',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'binding without sp:IncludeTimestamp (policy #P)',
				},
			],
		},
		{
			name: 'message without the Timestamp its asymmetric policy demands',
			facts: withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: false,
				signed: false,
			}),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: the policy/sp:IncludeTimestamp | message: no wsu:Timestamp in wsse:Security',
					title: 'The captured message lacks the Timestamp its policy demands',
				},
			],
		},
		{
			name: 'message with an unsigned Timestamp',
			facts: withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: true,
				signed: false,
			}),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: the policy/sp:IncludeTimestamp | message: wsu:Timestamp present but no signature reference covers it',
					title: 'The captured message does not sign the Timestamp its policy demands',
				},
			],
		},
		{
			name: 'message without the Timestamp its transport policy demands',
			facts: withMessage(alternative({ binding: 'transport', includeTimestamp: true }), {
				present: false,
				signed: false,
			}),
			findings: [
				{
					ruleId: 'POLICY-NO-TIMESTAMP',
					severity: 'low',
					effect: 'warn',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: the policy/sp:IncludeTimestamp | message: no wsu:Timestamp in wsse:Security',
					title: 'The captured message lacks the Timestamp its policy demands',
				},
			],
		},
	],
});

describe('POLICY-NO-TIMESTAMP remediation agrees with the policy', () => {
	it('a policy without IncludeTimestamp is told to add it', () => {
		const [hit] = runRule(policyNoTimestamp, withPolicy([alternative({ binding: 'asymmetric' })]));
		expect(hit?.remediation ?? policyNoTimestamp.meta.remediation).toMatch(
			/Add sp:IncludeTimestamp/,
		);
	});

	it.each([
		['missing', { present: false, signed: false }, /add wsu:Timestamp/],
		['unsigned', { present: true, signed: false }, /cover wsu:Timestamp with its signature/],
	])('a message whose policy has IncludeTimestamp (%s) is not told to add it', (_n, ts, text) => {
		const input = withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), ts);
		const [hit] = runRule(policyNoTimestamp, input);
		expect(hit?.remediation).toMatch(text);
		expect(hit?.remediation).not.toMatch(/Add sp:IncludeTimestamp/);
	});
});
