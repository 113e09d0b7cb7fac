import type { WsdlOperation } from '../../core/wsdl/facts';
import { alternative, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { wsdlNoSecurityPolicy } from './wsdl-no-security-policy';

const transport = alternative({ binding: 'transport' });
const withOperations = (...operations: WsdlOperation[]) =>
	facts({ wsdls: [wsdlFacts({ operations })] });
const hit = (subject: string, evidence: string) =>
	({
		ruleId: 'WSDL-NO-SECURITY-POLICY',
		severity: 'info',
		effect: 'none',
		inputName: 'service.wsdl',
		subject,
		evidence,
	}) as const;
const NO_BINDING = 'attached policies (binding (#P)) hold no security binding';

RuleTester.run(wsdlNoSecurityPolicy, {
	valid: [
		{ name: 'transport binding', facts: withOperations(operation('B', 'Op', [transport])) },
		{
			name: 'optional security (POLICY-OPTIONAL-SECURITY covers it)',
			facts: withOperations(operation('B', 'Op', [transport, alternative()])),
		},
		{ name: 'no acceptable alternative', facts: withOperations(operation('B', 'Op', [])) },
	],
	invalid: [
		{
			name: 'an attached policy without a binding',
			facts: withOperations(operation('B', 'Op', [alternative()])),
			findings: [hit('B/Op input', NO_BINDING)],
		},
		{
			name: 'two operations without policy are one finding',
			facts: withOperations(
				operation('B', 'A', [alternative()]),
				operation('B', 'C', [alternative()]),
			),
			findings: [hit('B/A input, B/C input', NO_BINDING)],
		},
		{
			name: 'policy without binding (only SignedParts)',
			facts: withOperations(
				operation('B', 'Op', [
					alternative({
						signedParts: { body: true, allHeaders: false, headers: [], attachments: false },
					}),
				]),
			),
			findings: [hit('B/Op input', NO_BINDING)],
		},
		{
			name: 'five operations: three named and the count of the rest',
			facts: withOperations(
				...['A', 'C', 'D', 'E', 'F'].map((n) => operation('B', n, [alternative()])),
			),
			findings: [hit('B/A input, B/C input, B/D input and 2 more', NO_BINDING)],
		},
		{
			name: 'nothing attached at all (the empty policy of WS-Policy)',
			facts: withOperations(
				operation('B', 'Op', [alternative()], {
					input: { ...operation('B', 'Op', [alternative()]).input!, attachedAt: [] },
				}),
			),
			findings: [hit('B/Op input', 'no WS-Policy attached')],
		},
	],
});
