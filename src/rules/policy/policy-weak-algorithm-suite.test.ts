import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { runWsdlStage } from '../../core/wsdl/input';
import { facts, RuleTester, runRule } from '../testing';
import { policyWeakAlgorithmSuite } from './policy-weak-algorithm-suite';

const asym = (algorithmSuite: string | null) =>
	alternative({ binding: 'asymmetric', algorithmSuite });
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

RuleTester.run(policyWeakAlgorithmSuite, {
	valid: [
		{ name: 'no suite → nothing', facts: withPolicy([asym(null)]) },
		{
			name: 'no binding → nothing',
			facts: withPolicy([alternative({ algorithmSuite: 'Basic128' })]),
		},
	],
	invalid: [
		{
			name: 'TripleDes → tier a',
			facts: withPolicy([asym('TripleDes')]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite TripleDes (policy #P)',
				},
			],
		},
		{
			name: 'TripleDesSha256Rsa15 → tier a',
			facts: withPolicy([asym('TripleDesSha256Rsa15')]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite TripleDesSha256Rsa15 (policy #P)',
				},
			],
		},
		{
			name: 'Basic256 → tier b',
			facts: withPolicy([asym('Basic256')]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic256 (policy #P)',
				},
			],
		},
		{
			name: 'Basic128Rsa15 → tier b',
			facts: withPolicy([asym('Basic128Rsa15')]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic128Rsa15 (policy #P)',
				},
			],
		},
		{
			name: 'Basic256Sha256 → tier c',
			facts: withPolicy([asym('Basic256Sha256')]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'low',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic256Sha256 (policy #P)',
				},
			],
		},
		{
			name: 'transport binding suites count too',
			facts: withPolicy([alternative({ binding: 'transport', algorithmSuite: 'Basic128' })]),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic128 (policy #P)',
				},
			],
		},
		{
			name: 'message uses SHA-1 digests under a Sha256 suite → tier b (and the suite tier c)',
			facts: withMessage(asym('Basic256Sha256'), {
				digestAlgorithms: ['http://www.w3.org/2000/09/xmldsig#sha1'],
			}),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'low',
					effect: 'warn',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic256Sha256 (policy #P)',
				},
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:AlgorithmSuite Basic256Sha256 (digest SHA-256) | message: DigestMethod SHA-1',
					title: 'The captured message uses weaker algorithms than its policy suite',
				},
			],
		},
		{
			name: 'message encrypts with 3DES under Basic256 → tier a (and the suite tier b)',
			facts: withMessage(asym('Basic256'), {
				bodyEncrypted: true,
				dataAlgorithms: ['http://www.w3.org/2001/04/xmlenc#tripledes-cbc'],
			}),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic256 (policy #P)',
				},
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence:
						'policy: sp:AlgorithmSuite Basic256 (encryption AES-256-CBC) | message: EncryptionMethod 3DES-CBC',
					title: 'The captured message uses weaker algorithms than its policy suite',
				},
			],
		},
		{
			name: 'message uses stronger algorithms than the suite → only the suite finding',
			facts: withMessage(asym('Basic256'), {
				digestAlgorithms: ['http://www.w3.org/2001/04/xmlenc#sha256'],
				signatureAlgorithms: ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'],
				dataAlgorithms: ['http://www.w3.org/2009/xmlenc11#aes256-gcm'],
			}),
			findings: [
				{
					ruleId: 'POLICY-WEAK-ALGORITHM-SUITE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'service.wsdl',
					subject: 'B/Op input, B/Op output',
					evidence: 'sp:AlgorithmSuite Basic256 (policy #P)',
				},
			],
		},
	],
});

describe('POLICY-WEAK-ALGORITHM-SUITE grouping', () => {
	it('one finding for a suite shared by many operations', () => {
		const ops = ['A', 'B', 'C', 'D', 'E'].map((n) => operation('Bnd', n, [asym('Basic128')]));
		const hits = runRule(
			policyWeakAlgorithmSuite,
			facts({ wsdls: [wsdlFacts({ operations: ops })] }),
		);
		expect(hits).toHaveLength(1);
		expect(hits[0]?.subject).toBe('Bnd/A input, Bnd/A output, Bnd/B input and 7 more');
	});
});
describe('POLICY-WEAK-ALGORITHM-SUITE on a WCF configuration (algorithmSuite / defaultAlgorithmSuite)', () => {
	it('rates each configured suite', () => {
		const text = readFileSync(
			resolve(import.meta.dirname, '../../../tests/fixtures/wsdl/wcf/client-app.config'),
			'utf8',
		);
		const f = facts();
		runWsdlStage(f, [], [{ inputName: 'client-app.config', text }]);
		const hits = runRule(policyWeakAlgorithmSuite, f);
		expect(hits.map((h) => [h.subject, h.severity])).toEqual([
			['wsHttpBinding/WSHttpBinding_IBilling/(every operation) input', 'medium'],
			['basicHttpBinding/BasicHttpBinding_IOrders/(every operation) input', 'medium'],
			['customBinding/CustomBinding_ILegacy/(every operation) input', 'low'],
		]);
	});
});
