// Must-flag / must-not-flag table for WSS-SIGNER-UNTRUSTED.
import { sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssSignerUntrusted as rule } from './wss-signer-untrusted';

RuleTester.run(rule, {
	valid: [
		{ name: 'chain ok', facts: facts({ signatures: [sigFacts({ chainTrusted: true })] }) },
		{ name: 'no anchors', facts: facts({ signatures: [sigFacts({ chainTrusted: null })] }) },
	],
	invalid: [
		{
			name: 'chain fails',
			facts: facts({ signatures: [sigFacts({ chainTrusted: false, chainError: 'no issuer' })] }),
			findings: [
				{
					ruleId: 'WSS-SIGNER-UNTRUSTED',
					severity: 'high',
					effect: 'T',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature), signer CN=client',
					evidence: 'no issuer',
				},
			],
		},
	],
});
