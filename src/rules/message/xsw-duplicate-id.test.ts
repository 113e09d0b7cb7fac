// Must-flag / must-not-flag table for XSW-DUPLICATE-ID.
import { envFacts, sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { xswDuplicateId as rule } from './xsw-duplicate-id';

const dup = [{ id: 'Body-1', paths: ['/e/b', '/e/h/w/b'] }];

RuleTester.run(rule, {
	valid: [
		{
			name: 'unique ids',
			facts: facts({ envelopes: [envFacts()], signatures: [sigFacts({ duplicateIds: [] })] }),
		},
	],
	invalid: [
		{
			name: 'duplicate in an envelope',
			facts: facts({ envelopes: [envFacts({ duplicateIds: dup })], signatures: [] }),
			findings: [
				{
					ruleId: 'XSW-DUPLICATE-ID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject: 'ID "Body-1"',
					evidence: 'held by 2 elements: /e/b, /e/h/w/b',
				},
			],
		},
		{
			name: 'duplicate in a plain signed document',
			facts: facts({ envelopes: [], signatures: [sigFacts({ duplicateIds: dup })] }),
			findings: [
				{
					ruleId: 'XSW-DUPLICATE-ID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject: 'ID "Body-1"',
					evidence: 'held by 2 elements: /e/b, /e/h/w/b',
				},
			],
		},
		{
			name: 'reported once for envelope and signature',
			facts: facts({
				envelopes: [envFacts({ duplicateIds: dup })],
				signatures: [sigFacts({ duplicateIds: dup })],
			}),
			findings: [
				{
					ruleId: 'XSW-DUPLICATE-ID',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject: 'ID "Body-1"',
					evidence: 'held by 2 elements: /e/b, /e/h/w/b',
				},
			],
		},
	],
});
