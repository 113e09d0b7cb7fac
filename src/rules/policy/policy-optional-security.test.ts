import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyOptionalSecurity } from './policy-optional-security';

const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const asym = alternative({ binding: 'asymmetric' });

const hit = (subject: string, evidence: string) =>
	({
		ruleId: 'POLICY-OPTIONAL-SECURITY',
		severity: 'high',
		effect: 'cap C',
		inputName: 'service.wsdl',
		subject,
		evidence,
	}) as const;

RuleTester.run(policyOptionalSecurity, {
	valid: [
		{ name: 'single secured alternative', facts: withPolicy([asym]) },
		{
			name: 'two secured alternatives',
			facts: withPolicy([asym, alternative({ binding: 'transport' })]),
		},
		{ name: 'no security at all (WSDL-NO-SECURITY-POLICY)', facts: withPolicy([alternative()]) },
		{ name: 'no acceptable alternative', facts: withPolicy([]) },
	],
	invalid: [
		{
			name: 'binding plus an empty alternative',
			facts: withPolicy([asym, alternative()]),
			findings: [
				hit('B/Op input, B/Op output', '2 alternatives; alternative 2 has no security binding'),
			],
		},
		{
			name: 'empty alternative first',
			facts: withPolicy([alternative(), alternative({ binding: 'transport' })]),
			findings: [
				hit('B/Op input, B/Op output', '2 alternatives; alternative 1 has no security binding'),
			],
		},
		{
			name: 'two open alternatives of three',
			facts: withPolicy([alternative(), asym, alternative()]),
			findings: [
				hit('B/Op input, B/Op output', '3 alternatives; alternative 1, 3 has no security binding'),
			],
		},
	],
});
