import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyAlternative, PolicyToken } from '../../core/policy/types';
import {
	alternative,
	capturedMessage,
	operation,
	runWsdlOnTexts,
	wsdlFacts,
} from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { wssSecurityHeaderMissing } from './wss-security-header-missing';

const https: PolicyToken = {
	type: 'HttpsToken',
	assertion: 'sp:HttpsToken',
	role: 'transport',
	container: 'sp:TransportToken',
	includeToken: null,
	options: [],
};
const utToken: PolicyToken = {
	...https,
	type: 'UsernameToken',
	assertion: 'sp:UsernameToken',
	role: 'signed-supporting',
	container: 'sp:SignedSupportingTokens',
	includeToken: 'AlwaysToRecipient',
};
const check = (alts: PolicyAlternative[], securityHeader: boolean, matched = true) =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', alts)],
				messages: [
					capturedMessage({ securityHeader }, matched ? { binding: 'B', operation: 'Op' } : null),
				],
			}),
		],
	});

describe('WSS-SECURITY-HEADER-MISSING', () => {
	it.each([
		['asymmetric policy, no header', check([alternative({ binding: 'asymmetric' })], false), 1],
		[
			'transport + UsernameToken, no header',
			check([alternative({ binding: 'transport', tokens: [https, utToken] })], false),
			1,
		],
		[
			'transport + IncludeTimestamp, no header',
			check(
				[alternative({ binding: 'transport', includeTimestamp: true, tokens: [https] })],
				false,
			),
			1,
		],
		[
			'transport with HttpsToken only, no header',
			check([alternative({ binding: 'transport', tokens: [https] })], false),
			0,
		],
		['asymmetric policy with a header', check([alternative({ binding: 'asymmetric' })], true), 0],
		[
			'optional security: the message may take the empty alternative',
			check([alternative({ binding: 'asymmetric' }), alternative()], false),
			0,
		],
		[
			'envelope not matched to any operation',
			check([alternative({ binding: 'asymmetric' })], false, false),
			0,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(wssSecurityHeaderMissing, input);
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({ severity: 'high', effect: 'cap C', inputName: 'request.xml' });
	});

	it('fires on the WSS4J envelope without security sent to the DoubleIt service', () => {
		const dir = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
		const files = [
			'cxf-doubleit-asymmetric.wsdl',
			'envelopes/doubleit-no-security.xml',
			'envelopes/doubleit-meets-policy.xml',
		].map((p) => ({
			name: p.split('/').pop()!,
			text: readFileSync(resolve(dir, p), 'utf8'),
		}));
		const hits = runRule(wssSecurityHeaderMissing, runWsdlOnTexts(files));
		expect(hits).toEqual([
			{
				severity: 'high',
				effect: 'cap C',
				inputName: 'doubleit-no-security.xml',
				subject: 'doubleit-no-security.xml vs DoubleItAsymmetricBinding/DoubleIt input',
				evidence: 'policy: sp:AsymmetricBinding | message: no wsse:Security header in soap:Header',
			},
		]);
	});
});
