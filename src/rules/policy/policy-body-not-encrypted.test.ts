import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, capturedMessage, operation, port, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyBodyNotEncrypted } from './policy-body-not-encrypted';

const parts = (body: boolean) => ({ body, allHeaders: false, headers: [], attachments: false });
const on = (address: string, alts: PolicyAlternative[]) =>
	facts({
		wsdls: [wsdlFacts({ ports: [port('B', address)], operations: [operation('B', 'Op', alts)] })],
	});
const withMessage = (alt: PolicyAlternative, bodyEncrypted: boolean) =>
	facts({
		wsdls: [
			wsdlFacts({
				ports: [port('B', 'https://a/')],
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, bodyEncrypted },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

describe('POLICY-BODY-NOT-ENCRYPTED', () => {
	it.each([
		[
			'asymmetric, Body not encrypted, http port',
			on('http://a/', [alternative({ binding: 'asymmetric' })]),
			1,
		],
		[
			'symmetric, only Body signed, http port',
			on('http://a/', [alternative({ binding: 'symmetric', signedParts: parts(true) })]),
			1,
		],
		[
			'asymmetric, Body not encrypted, https port',
			on('https://a/', [alternative({ binding: 'asymmetric' })]),
			0,
		],
		[
			'asymmetric, Body encrypted, http port',
			on('http://a/', [alternative({ binding: 'asymmetric', encryptedParts: parts(true) })]),
			0,
		],
		[
			'no binding, http port (WSDL-NO-SECURITY-POLICY covers it)',
			on('http://a/', [alternative()]),
			0,
		],
		[
			'message leaves the Body in clear against its policy',
			withMessage(alternative({ binding: 'asymmetric', encryptedParts: parts(true) }), false),
			1,
		],
		[
			'message encrypts the Body',
			withMessage(alternative({ binding: 'asymmetric', encryptedParts: parts(true) }), true),
			0,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyBodyNotEncrypted, input);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'high', effect: 'cap C' });
	});
});
