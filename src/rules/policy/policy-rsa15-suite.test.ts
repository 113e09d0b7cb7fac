import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { policyRsa15Suite } from './policy-rsa15-suite';

const asym = (algorithmSuite: string) => alternative({ binding: 'asymmetric', algorithmSuite });
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const RSA15 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';
const OAEP = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
const withMessage = (alt: PolicyAlternative, keyTransports: string[]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, bodyEncrypted: true, keyTransports },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

const hit = (inputName: string, subject: string, evidence: string) =>
	({
		ruleId: 'POLICY-RSA15-SUITE',
		severity: 'high',
		effect: 'cap C',
		inputName,
		subject,
		evidence,
	}) as const;
const suite = (name: string) =>
	hit(
		'service.wsdl',
		'B/Op input, B/Op output',
		`sp:AlgorithmSuite ${name} (key transport rsa-1_5; policy #P)`,
	);

RuleTester.run(policyRsa15Suite, {
	valid: [
		{ name: 'Basic256', facts: withPolicy([asym('Basic256')]) },
		{ name: 'Basic256Sha256', facts: withPolicy([asym('Basic256Sha256')]) },
		{ name: 'message uses OAEP', facts: withMessage(asym('Basic256'), [OAEP]) },
		{
			name: 'an Rsa15 suite name without any security binding applies to nothing',
			facts: withPolicy([alternative({ algorithmSuite: 'Basic128Rsa15' })]),
		},
	],
	invalid: [
		{
			name: 'Basic128Rsa15',
			facts: withPolicy([asym('Basic128Rsa15')]),
			findings: [suite('Basic128Rsa15')],
		},
		{
			name: 'Basic256Sha256Rsa15',
			facts: withPolicy([asym('Basic256Sha256Rsa15')]),
			findings: [suite('Basic256Sha256Rsa15')],
		},
		{
			name: 'message uses rsa-1_5 under Basic256 (OAEP)',
			facts: withMessage(asym('Basic256'), [RSA15]),
			findings: [
				{
					...hit(
						'request.xml',
						'request.xml vs B/Op input',
						'policy: sp:AlgorithmSuite Basic256 (key transport RSA-OAEP) | message: EncryptedKey EncryptionMethod RSA-1_5',
					),
					title: 'The captured message uses RSA PKCS#1 v1.5 key transport against its policy',
				},
			],
		},
		{
			name: 'message uses rsa-1_5 as its Rsa15 suite allows → only the suite finding',
			facts: withMessage(asym('Basic256Rsa15'), [RSA15]),
			findings: [suite('Basic256Rsa15')],
		},
	],
});
