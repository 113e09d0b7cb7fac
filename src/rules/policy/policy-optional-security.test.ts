import { describe, expect, it } from 'vitest';
import type { PolicyAlternative } from '../../core/policy/types';
import { alternative, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { policyOptionalSecurity } from './policy-optional-security';

const withPolicy = (alts: PolicyAlternative[]) =>
	facts({ wsdls: [wsdlFacts({ operations: [operation('B', 'Op', alts)] })] });
const asym = alternative({ binding: 'asymmetric' });

describe('POLICY-OPTIONAL-SECURITY', () => {
	it.each([
		['binding plus an empty alternative', withPolicy([asym, alternative()]), 1],
		[
			'empty alternative first',
			withPolicy([alternative(), alternative({ binding: 'transport' })]),
			1,
		],
		['single secured alternative', withPolicy([asym]), 0],
		['two secured alternatives', withPolicy([asym, alternative({ binding: 'transport' })]), 0],
		['no security at all (WSDL-NO-SECURITY-POLICY)', withPolicy([alternative()]), 0],
	])('%s', (_name, input, count) => {
		const hits = runRule(policyOptionalSecurity, input);
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({
				severity: 'high',
				effect: 'cap C',
				subject: 'B/Op input, B/Op output',
			});
	});
});
