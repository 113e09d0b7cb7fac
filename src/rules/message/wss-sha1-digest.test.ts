// Must-flag / must-not-flag table for WSS-SHA1-DIGEST.
import { refFacts, sigFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { wssSha1Digest as rule } from './wss-sha1-digest';

const sig = (alg: string) => sigFacts({ references: [refFacts({ digestAlgorithm: alg })] });

RuleTester.run(rule, {
	valid: [
		{
			name: 'sha256',
			facts: facts({ signatures: [sig('http://www.w3.org/2001/04/xmlenc#sha256')] }),
		},
		{
			name: 'sha512',
			facts: facts({ signatures: [sig('http://www.w3.org/2001/04/xmlenc#sha512')] }),
		},
	],
	invalid: [
		{
			name: 'sha1',
			facts: facts({ signatures: [sig('http://www.w3.org/2000/09/xmldsig#sha1')] }),
			findings: [
				{
					ruleId: 'WSS-SHA1-DIGEST',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2000/09/xmldsig#sha1 on #Body-1',
				},
			],
		},
		{
			name: 'md5',
			facts: facts({ signatures: [sig('http://www.w3.org/2001/04/xmldsig-more#md5')] }),
			findings: [
				{
					ruleId: 'WSS-SHA1-DIGEST',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject:
						'ds:Signature Id=SIG-1 (/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature)',
					evidence: 'http://www.w3.org/2001/04/xmldsig-more#md5 on #Body-1',
				},
			],
		},
	],
});
