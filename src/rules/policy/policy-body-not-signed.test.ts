import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyBodyNotSigned } from './policy-body-not-signed';

const parts = (body: boolean, headers: string[] = []) => ({
	body,
	allHeaders: false,
	headers,
	attachments: false,
});
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, signedTargets: string[]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, signedTargets, action: 'urn:a' },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

describe('POLICY-BODY-NOT-SIGNED', () => {
	it.each([
		['asymmetric, no SignedParts', withPolicy([alternative({ binding: 'asymmetric' })]), 1],
		[
			'symmetric, only headers signed',
			withPolicy([alternative({ binding: 'symmetric', signedParts: parts(false, ['{urn:h}H']) })]),
			1,
		],
		[
			'asymmetric, SignedParts Body',
			withPolicy([alternative({ binding: 'asymmetric', signedParts: parts(true) })]),
			0,
		],
		[
			'asymmetric, SignedElements XPath on Body',
			withPolicy([
				alternative({ binding: 'asymmetric', signedElements: ['/soap:Envelope/soap:Body'] }),
			]),
			0,
		],
		[
			'transport binding (protected by TLS)',
			withPolicy([alternative({ binding: 'transport' })]),
			0,
		],
		[
			'message does not sign the Body its policy requires signed',
			withMessage(alternative({ binding: 'asymmetric', signedParts: parts(true) }), ['Timestamp']),
			1,
		],
		[
			'message does not sign a custom header the policy requires',
			withMessage(
				alternative({ binding: 'asymmetric', signedParts: parts(true, ['{urn:h}Tenant']) }),
				['Body'],
			),
			1,
		],
		[
			'message signs Body and header',
			withMessage(
				alternative({ binding: 'asymmetric', signedParts: parts(true, ['{urn:h}Tenant']) }),
				['Body', 'Header {urn:h}Tenant'],
			),
			0,
		],
		[
			'unsigned wsa header is POLICY-WSA-HEADERS-NOT-SIGNED, not this rule',
			withMessage(
				alternative({
					binding: 'asymmetric',
					signedParts: parts(true, ['{http://www.w3.org/2005/08/addressing}Action']),
				}),
				['Body'],
			),
			0,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyBodyNotSigned, input);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'high', effect: 'cap C' });
	});
});
