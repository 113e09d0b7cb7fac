import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyWsaHeadersNotSigned } from './policy-wsa-headers-not-signed';

const WSA = 'http://www.w3.org/2005/08/addressing';
const parts = (headers: string[], allHeaders = false) => ({
	body: true,
	allHeaders,
	headers,
	attachments: false,
});
const all4 = ['To', 'Action', 'ReplyTo', 'MessageID'].map((h) => `{${WSA}}${h}`);
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, signedTargets: string[]) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, action: 'urn:a', to: 'https://x/', signedTargets },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

describe('POLICY-WSA-HEADERS-NOT-SIGNED', () => {
	it.each([
		[
			'addressing, asymmetric, only Body signed',
			withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts([]) }),
			]),
			1,
		],
		[
			'addressing, To and Action signed but not ReplyTo/MessageID',
			withPolicy([
				alternative({
					binding: 'symmetric',
					addressing: true,
					signedParts: parts([`{${WSA}}To`, `{${WSA}}Action`]),
				}),
			]),
			1,
		],
		[
			'all four signed',
			withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts(all4) }),
			]),
			0,
		],
		[
			'every header signed (empty SignedParts)',
			withPolicy([
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts([], true) }),
			]),
			0,
		],
		[
			'OnlySignEntireHeadersAndBody',
			withPolicy([
				alternative({
					binding: 'asymmetric',
					addressing: true,
					onlySignEntireHeadersAndBody: true,
				}),
			]),
			0,
		],
		['no addressing', withPolicy([alternative({ binding: 'asymmetric' })]), 0],
		['transport binding', withPolicy([alternative({ binding: 'transport', addressing: true })]), 0],
		[
			'message leaves wsa:Action unsigned although the policy requires it (plus the policy finding)',
			withMessage(
				alternative({
					binding: 'asymmetric',
					addressing: true,
					signedParts: parts([`{${WSA}}Action`]),
				}),
				['Body'],
			),
			2,
		],
		[
			'message signs what the policy requires',
			withMessage(
				alternative({ binding: 'asymmetric', addressing: true, signedParts: parts(all4) }),
				['Body', ...all4.map((h) => `Header ${h}`)],
			),
			0,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyWsaHeadersNotSigned, input);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'medium', effect: 'warn' });
	});
});
