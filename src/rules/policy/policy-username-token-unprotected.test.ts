import { describe, expect, it } from 'vitest';
import type { PolicyAlternative, PolicyToken } from '../../core/policy/types';
import { alternative, capturedMessage, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyUsernameTokenUnprotected } from './policy-username-token-unprotected';

const ut = (role: PolicyToken['role'], options: string[] = []): PolicyToken => ({
	type: 'UsernameToken',
	assertion: 'sp:UsernameToken',
	role,
	container: 'sp:SignedSupportingTokens',
	includeToken: 'AlwaysToRecipient',
	options,
});
const https: PolicyToken = {
	type: 'HttpsToken',
	assertion: 'sp:HttpsToken',
	role: 'transport',
	container: 'sp:TransportToken',
	includeToken: null,
	options: [],
};
const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const withMessage = (alt: PolicyAlternative, passwordType: 'text' | 'digest') =>
	facts({
		wsdls: [
			wsdlFacts({
				operations: [operation('B', 'Op', [alt])],
				messages: [
					capturedMessage(
						{ securityHeader: true, usernameToken: { present: true, passwordType } },
						{ binding: 'B', operation: 'Op' },
					),
				],
			}),
		],
	});

describe('POLICY-USERNAME-TOKEN-UNPROTECTED', () => {
	it.each([
		[
			'signed supporting UT, asymmetric, no HashPassword → critical F',
			withPolicy([alternative({ binding: 'asymmetric', tokens: [ut('signed-supporting')] })]),
			[['critical', 'F']],
		],
		[
			'supporting UT without any binding → critical F',
			withPolicy([alternative({ tokens: [ut('supporting')] })]),
			[['critical', 'F']],
		],
		[
			'supporting UT with HashPassword → high cap C',
			withPolicy([
				alternative({ binding: 'symmetric', tokens: [ut('supporting', ['HashPassword'])] }),
			]),
			[['high', 'cap C']],
		],
		[
			'UT inside TransportBinding',
			withPolicy([alternative({ binding: 'transport', tokens: [https, ut('signed-supporting')] })]),
			[],
		],
		[
			'UT as EncryptedSupportingTokens',
			withPolicy([
				alternative({ binding: 'asymmetric', tokens: [ut('signed-encrypted-supporting')] }),
			]),
			[],
		],
		[
			'UT with NoPassword',
			withPolicy([
				alternative({ binding: 'asymmetric', tokens: [ut('supporting', ['NoPassword'])] }),
			]),
			[],
		],
		[
			'message sends PasswordText where HashPassword is demanded (transport) → high cap C',
			withMessage(
				alternative({
					binding: 'transport',
					tokens: [https, ut('signed-supporting', ['HashPassword'])],
				}),
				'text',
			),
			[['high', 'cap C']],
		],
		[
			'message sends a digest as demanded',
			withMessage(
				alternative({
					binding: 'transport',
					tokens: [https, ut('signed-supporting', ['HashPassword'])],
				}),
				'digest',
			),
			[],
		],
	])('%s', (_name, input, tiers) => {
		expect(
			runRule(policyUsernameTokenUnprotected, input).map((h) => [h.severity, h.effect]),
		).toEqual(tiers);
	});
});
