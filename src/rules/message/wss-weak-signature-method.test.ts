// Must-flag / must-not-flag table for WSS-WEAK-SIGNATURE-METHOD.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssWeakSignatureMethod as rule } from './wss-weak-signature-method';

RuleTester.run(rule, {
	valid: [
		{
			name: 'rsa-sha256',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' }),
				],
			}),
		},
		{
			name: 'ecdsa-sha384',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384' }),
				],
			}),
		},
	],
	invalid: [
		{
			name: 'rsa-sha1',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-WEAK-SIGNATURE-METHOD',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
				},
			],
		},
		{
			name: 'hmac-sha1',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-WEAK-SIGNATURE-METHOD',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
				},
			],
		},
		{
			name: 'ecdsa-sha1',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-WEAK-SIGNATURE-METHOD',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
				},
			],
		},
		{
			name: 'rsa-md5',
			facts: facts({
				signatures: [
					sigFacts({ signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-md5' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-WEAK-SIGNATURE-METHOD',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
				},
			],
		},
	],
});
