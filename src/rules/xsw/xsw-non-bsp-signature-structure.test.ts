// Must-flag / must-not-flag table for XSW-NON-BSP-SIGNATURE-STRUCTURE.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { xswNonBspSignatureStructure as rule } from './xsw-non-bsp-signature-structure';

const XPATH = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

describe('XSW-NON-BSP-SIGNATURE-STRUCTURE', () => {
	it.each([
		[
			'XPath transform',
			sigFacts({ references: [refFacts({ transforms: [XPATH] })] }),
			[['medium', 'cap B']],
		],
		['Manifest', sigFacts({ manifests: 1 }), [['medium', 'cap B']]],
		['enveloping', sigFacts({ enveloping: true }), [['medium', 'cap B']]],
		['inclusive c14n', sigFacts({ canonicalizationMethod: C14N }), [['low', 'warn']]],
		['URI=""', sigFacts({ references: [refFacts({ uri: '' })] }), [['low', 'warn']]],
		[
			'outside wsse:Security',
			sigFacts({ inSecurityHeader: false, parent: 'soapenv:Body' }),
			[['low', 'warn']],
		],
		['BSP-conformant', sigFacts(), []],
		['SAML assertion signature', sigFacts({ inAssertion: true, inSecurityHeader: false }), []],
	])('%s', (_name, s, tiers) => {
		const hits = runRule(rule, facts({ envelopes: [envFacts()], signatures: [s] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});

	it('does not judge plain XML-DSig documents', () => {
		expect(runRule(rule, facts({ signatures: [sigFacts({ manifests: 1 })] }))).toHaveLength(0);
	});
});
