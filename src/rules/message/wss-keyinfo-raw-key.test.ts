// Must-flag / must-not-flag table for WSS-KEYINFO-RAW-KEY.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssKeyinfoRawKey as rule } from './wss-keyinfo-raw-key';

RuleTester.run(rule, {
	valid: [
		{ name: 'SecurityTokenReference', facts: facts({ signatures: [sigFacts()] }) },
		{
			name: 'SAML assertion signature',
			facts: facts({ signatures: [sigFacts({ rawKeyInKeyInfo: true, inAssertion: true })] }),
		},
	],
	invalid: [
		{
			name: 'KeyValue',
			facts: facts({
				signatures: [
					sigFacts({ rawKeyInKeyInfo: true, keyInfoForms: ['ds:KeyValue/RSAKeyValue'] }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-KEYINFO-RAW-KEY',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'ds:KeyInfo holds ds:KeyValue/RSAKeyValue; no trust anchor was given, so the signer is not authenticated: add the issuing CA (--trust, or a truststore on the page) to check it',
				},
			],
		},
		{
			name: 'bare X509Data',
			facts: facts({
				signatures: [sigFacts({ rawKeyInKeyInfo: true, keyInfoForms: ['ds:X509Data'] })],
			}),
			findings: [
				{
					ruleId: 'WSS-KEYINFO-RAW-KEY',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence:
						'ds:KeyInfo holds ds:X509Data; no trust anchor was given, so the signer is not authenticated: add the issuing CA (--trust, or a truststore on the page) to check it',
				},
			],
		},
		{
			name: 'KeyValue with trust anchors given (the chain verdict is WSS-SIGNER-UNTRUSTED)',
			facts: facts({
				trustAnchors: ['aa'.repeat(32)],
				signatures: [
					sigFacts({
						rawKeyInKeyInfo: true,
						keyInfoForms: ['ds:KeyValue/RSAKeyValue'],
						chainTrusted: false,
					}),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-KEYINFO-RAW-KEY',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'ds:KeyInfo holds ds:KeyValue/RSAKeyValue',
				},
			],
		},
	],
});
