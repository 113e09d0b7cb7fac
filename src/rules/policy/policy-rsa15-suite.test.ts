import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
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

describe('POLICY-RSA15-SUITE', () => {
	it.each([
		['Basic128Rsa15', withPolicy([asym('Basic128Rsa15')]), 1],
		['Basic256Sha256Rsa15', withPolicy([asym('Basic256Sha256Rsa15')]), 1],
		['Basic256', withPolicy([asym('Basic256')]), 0],
		['Basic256Sha256', withPolicy([asym('Basic256Sha256')]), 0],
		['message uses rsa-1_5 under Basic256 (OAEP)', withMessage(asym('Basic256'), [RSA15]), 1],
		['message uses OAEP', withMessage(asym('Basic256'), [OAEP]), 0],
		[
			'message uses rsa-1_5 as its Rsa15 suite allows → only the suite finding',
			withMessage(asym('Basic256Rsa15'), [RSA15]),
			1,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyRsa15Suite, input);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'high', effect: 'cap C' });
	});
});
