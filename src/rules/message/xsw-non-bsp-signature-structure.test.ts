// Must-flag / must-not-flag table for XSW-NON-BSP-SIGNATURE-STRUCTURE.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts } from '../../core/soap/testing';
import { facts, RuleTester, runRule } from '../testing';
import { xswNonBspSignatureStructure as rule } from './xsw-non-bsp-signature-structure';

const XPATH = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

RuleTester.run(rule, {
	valid: [
		{ name: 'BSP-conformant', facts: facts({ envelopes: [envFacts()], signatures: [sigFacts()] }) },
		{
			name: 'SAML assertion signature',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ inAssertion: true, inSecurityHeader: false })],
			}),
		},
	],
	invalid: [
		{
			name: 'SAML assertion signature through an XPath transform that leaves the Subject out',
			facts: facts({
				signatures: [
					sigFacts({
						inAssertion: true,
						inSecurityHeader: false,
						references: [
							refFacts({
								uri: '#a1',
								target: 'saml:Assertion',
								targetPath: '/samlp:Response/saml:Assertion',
								transforms: [XPATH],
								narrowedBy: [`${XPATH} (not(ancestor-or-self::saml:Subject))`],
							}),
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: `reference "#a1" signs only part of saml:Assertion (/samlp:Response/saml:Assertion): ${XPATH} (not(ancestor-or-self::saml:Subject)) keeps part of it, and what it leaves out can change without breaking the signature (SAML core §5.4.4 allows only enveloped-signature and exc-c14n in an assertion signature)`,
					title: 'SAML assertion only partly signed: a transform leaves part of it out',
				},
			],
		},
		{
			name: 'plain document signed through an XPath transform',
			facts: facts({
				signatures: [
					sigFacts({
						inSecurityHeader: false,
						references: [
							refFacts({
								uri: '',
								target: 'Orders',
								targetPath: '/Orders',
								wholeDocument: true,
								transforms: [XPATH],
								narrowedBy: [`${XPATH} (ancestor-or-self::o:Order)`],
							}),
						],
					}),
				],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: `reference URI="" signs only part of Orders (/Orders): ${XPATH} (ancestor-or-self::o:Order) keeps part of it, and what it leaves out can change without breaking the signature`,
					title: 'Element only partly signed: a transform leaves part of it out',
				},
			],
		},
		{
			name: 'XPath transform',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts({ transforms: [XPATH] })] })],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'transform http://www.w3.org/TR/1999/REC-xpath-19991116',
				},
			],
		},
		{
			name: 'Manifest',
			facts: facts({ envelopes: [envFacts()], signatures: [sigFacts({ manifests: 1 })] }),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: '1 ds:Manifest',
				},
			],
		},
		{
			name: 'enveloping',
			facts: facts({ envelopes: [envFacts()], signatures: [sigFacts({ enveloping: true })] }),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'enveloping signature (signed content inside ds:Object)',
				},
			],
		},
		{
			name: 'inclusive c14n',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ canonicalizationMethod: C14N })],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'canonicalization http://www.w3.org/TR/2001/REC-xml-c14n-20010315 (BSP requires exc-c14n)',
				},
			],
		},
		{
			name: 'URI=""',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ references: [refFacts({ uri: '' })] })],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'reference URI "" is not a shorthand #id',
				},
			],
		},
		{
			name: 'outside wsse:Security',
			facts: facts({
				envelopes: [envFacts()],
				signatures: [sigFacts({ inSecurityHeader: false, parent: 'soapenv:Body' })],
			}),
			findings: [
				{
					ruleId: 'XSW-NON-BSP-SIGNATURE-STRUCTURE',
					severity: 'low',
					effect: 'warn',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'ds:Signature is a child of soapenv:Body, not of wsse:Security',
				},
			],
		},
	],
});

describe('XSW-NON-BSP-SIGNATURE-STRUCTURE: further cases', () => {
	it('does not judge plain XML-DSig documents', () => {
		expect(runRule(rule, facts({ signatures: [sigFacts({ manifests: 1 })] }))).toHaveLength(0);
	});
});
