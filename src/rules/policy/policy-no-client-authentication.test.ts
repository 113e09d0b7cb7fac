import { describe, expect, it } from 'vitest';
import type { PolicyAlternative, PolicyToken } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyNoClientAuthentication } from './policy-no-client-authentication';

const token = (
	type: PolicyToken['type'],
	role: PolicyToken['role'],
	options: string[] = [],
): PolicyToken => ({
	type,
	assertion: `sp:${type}`,
	role,
	container: 'sp:Container',
	includeToken: 'AlwaysToRecipient',
	options,
});
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

describe('POLICY-NO-CLIENT-AUTHENTICATION', () => {
	it.each([
		[
			'HttpsToken without client certificate',
			withPolicy([
				alternative({ binding: 'transport', tokens: [token('HttpsToken', 'transport')] }),
			]),
			1,
		],
		[
			'symmetric with only a protection token',
			withPolicy([alternative({ binding: 'symmetric', tokens: [token('X509', 'protection')] })]),
			1,
		],
		[
			'HttpsToken with RequireClientCertificate',
			withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport', ['RequireClientCertificate'])],
				}),
			]),
			0,
		],
		[
			'HttpsToken with HTTP basic authentication',
			withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport', ['HttpBasicAuthentication'])],
				}),
			]),
			0,
		],
		[
			'asymmetric with an initiator token',
			withPolicy([alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] })]),
			0,
		],
		[
			'transport with a signed supporting UsernameToken',
			withPolicy([
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport'), token('UsernameToken', 'signed-supporting')],
				}),
			]),
			0,
		],
		['no binding', withPolicy([alternative()]), 0],
		[
			'message lacks the required UsernameToken',
			withMessage(
				alternative({
					binding: 'transport',
					tokens: [token('HttpsToken', 'transport'), token('UsernameToken', 'signed-supporting')],
				}),
				{},
			),
			1,
		],
		[
			'message lacks the initiator X.509 token',
			withMessage(alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] }), {}),
			1,
		],
		[
			'message carries the initiator certificate',
			withMessage(alternative({ binding: 'asymmetric', tokens: [token('X509', 'initiator')] }), {
				binaryTokens: ['X509v3'],
			}),
			0,
		],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyNoClientAuthentication, input);
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'medium', effect: 'warn' });
	});
});
