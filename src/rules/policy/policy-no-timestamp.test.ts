import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
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

describe('POLICY-NO-TIMESTAMP', () => {
	it.each([
		[
			'asymmetric without IncludeTimestamp',
			withPolicy([alternative({ binding: 'asymmetric' })]),
			[['medium', 'cap B']],
		],
		[
			'symmetric without IncludeTimestamp',
			withPolicy([alternative({ binding: 'symmetric' })]),
			[['medium', 'cap B']],
		],
		[
			'transport without IncludeTimestamp',
			withPolicy([alternative({ binding: 'transport' })]),
			[['low', 'warn']],
		],
		[
			'asymmetric with IncludeTimestamp',
			withPolicy([alternative({ binding: 'asymmetric', includeTimestamp: true })]),
			[],
		],
		['no binding', withPolicy([alternative()]), []],
		[
			'message without the Timestamp its asymmetric policy demands',
			withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: false,
				signed: false,
			}),
			[['medium', 'cap B']],
		],
		[
			'message with an unsigned Timestamp',
			withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: true,
				signed: false,
			}),
			[['medium', 'cap B']],
		],
		[
			'message without the Timestamp its transport policy demands',
			withMessage(alternative({ binding: 'transport', includeTimestamp: true }), {
				present: false,
				signed: false,
			}),
			[['low', 'warn']],
		],
		[
			'transport: an unsigned Timestamp is fine',
			withMessage(alternative({ binding: 'transport', includeTimestamp: true }), {
				present: true,
				signed: false,
			}),
			[],
		],
		[
			'message with a signed Timestamp',
			withMessage(alternative({ binding: 'asymmetric', includeTimestamp: true }), {
				present: true,
				signed: true,
			}),
			[],
		],
	])('%s', (_name, input, tiers) => {
		expect(runRule(policyNoTimestamp, input).map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
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
