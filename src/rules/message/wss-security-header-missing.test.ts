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
import { facts, RuleTester, runRule } from '../testing';
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

RuleTester.run(wssSecurityHeaderMissing, {
	valid: [
		{
			name: 'transport with HttpsToken only, no header',
			facts: check([alternative({ binding: 'transport', tokens: [https] })], false),
		},
		{
			name: 'asymmetric policy with a header',
			facts: check([alternative({ binding: 'asymmetric' })], true),
		},
		{
			name: 'optional security: the message may take the empty alternative',
			facts: check([alternative({ binding: 'asymmetric' }), alternative()], false),
		},
		{
			name: 'envelope not matched to any operation',
			facts: check([alternative({ binding: 'asymmetric' })], false, false),
		},
	],
	invalid: [
		{
			name: 'asymmetric policy, no header',
			facts: check([alternative({ binding: 'asymmetric' })], false),
			findings: [
				{
					ruleId: 'WSS-SECURITY-HEADER-MISSING',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence: 'policy: sp:IncludeTimestamp | message: no wsse:Security header in soap:Header',
				},
			],
		},
		{
			name: 'transport + UsernameToken, no header',
			facts: check([alternative({ binding: 'transport', tokens: [https, utToken] })], false),
			findings: [
				{
					ruleId: 'WSS-SECURITY-HEADER-MISSING',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence: 'policy: sp:HttpsToken | message: no wsse:Security header in soap:Header',
				},
			],
		},
		{
			name: 'transport + IncludeTimestamp, no header',
			facts: check(
				[alternative({ binding: 'transport', includeTimestamp: true, tokens: [https] })],
				false,
			),
			findings: [
				{
					ruleId: 'WSS-SECURITY-HEADER-MISSING',
					severity: 'high',
					effect: 'cap C',
					inputName: 'request.xml',
					subject: 'request.xml vs B/Op input',
					evidence: 'policy: sp:HttpsToken | message: no wsse:Security header in soap:Header',
				},
			],
		},
	],
});

describe('WSS-SECURITY-HEADER-MISSING on real artefacts', () => {
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
