import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { runWsdlStage } from '../../core/wsdl/input';
import { facts, runRule } from '../testing';
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

describe('POLICY-WEAK-ALGORITHM-SUITE', () => {
	it.each([
		['TripleDes → tier a', withPolicy([asym('TripleDes')]), [['high', 'cap C']]],
		[
			'TripleDesSha256Rsa15 → tier a',
			withPolicy([asym('TripleDesSha256Rsa15')]),
			[['high', 'cap C']],
		],
		['Basic256 → tier b', withPolicy([asym('Basic256')]), [['medium', 'cap B']]],
		['Basic128Rsa15 → tier b', withPolicy([asym('Basic128Rsa15')]), [['medium', 'cap B']]],
		['Basic256Sha256 → tier c', withPolicy([asym('Basic256Sha256')]), [['low', 'warn']]],
		[
			'transport binding suites count too',
			withPolicy([alternative({ binding: 'transport', algorithmSuite: 'Basic128' })]),
			[['medium', 'cap B']],
		],
		['no suite → nothing', withPolicy([asym(null)]), []],
		['no binding → nothing', withPolicy([alternative({ algorithmSuite: 'Basic128' })]), []],
		[
			'message uses SHA-1 digests under a Sha256 suite → tier b (and the suite tier c)',
			withMessage(asym('Basic256Sha256'), {
				digestAlgorithms: ['http://www.w3.org/2000/09/xmldsig#sha1'],
			}),
			[
				['low', 'warn'],
				['medium', 'cap B'],
			],
		],
		[
			'message encrypts with 3DES under Basic256 → tier a (and the suite tier b)',
			withMessage(asym('Basic256'), {
				bodyEncrypted: true,
				dataAlgorithms: ['http://www.w3.org/2001/04/xmlenc#tripledes-cbc'],
			}),
			[
				['medium', 'cap B'],
				['high', 'cap C'],
			],
		],
		[
			'message uses stronger algorithms than the suite → only the suite finding',
			withMessage(asym('Basic256'), {
				digestAlgorithms: ['http://www.w3.org/2001/04/xmlenc#sha256'],
				signatureAlgorithms: ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'],
				dataAlgorithms: ['http://www.w3.org/2009/xmlenc11#aes256-gcm'],
			}),
			[['medium', 'cap B']],
		],
	])('%s', (_name, input, tiers) => {
		const hits = runRule(policyWeakAlgorithmSuite, input);
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});

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
