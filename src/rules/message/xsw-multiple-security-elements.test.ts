// Must-flag / must-not-flag table for XSW-MULTIPLE-SECURITY-ELEMENTS.
import { envFacts } from '../../core/soap/testing';
import { facts, RuleTester } from '../testing';
import { xswMultipleSecurityElements as rule } from './xsw-multiple-security-elements';

const sec = envFacts().securityHeaders[0]!;

RuleTester.run(rule, {
	valid: [
		{
			name: 'Security headers for different actors',
			facts: facts({
				envelopes: [envFacts({ securityHeaders: [sec, { ...sec, actor: 'urn:proxy' }] })],
			}),
		},
		{ name: 'one of each', facts: facts({ envelopes: [envFacts()] }) },
	],
	invalid: [
		{
			name: 'two Bodies',
			facts: facts({ envelopes: [envFacts({ bodyCount: 2 })] }),
			findings: [
				{
					ruleId: 'XSW-MULTIPLE-SECURITY-ELEMENTS',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope',
					evidence: '2 soap:Body, 1 soap:Header',
				},
			],
		},
		{
			name: 'two Headers',
			facts: facts({ envelopes: [envFacts({ headerCount: 2 })] }),
			findings: [
				{
					ruleId: 'XSW-MULTIPLE-SECURITY-ELEMENTS',
					severity: 'critical',
					effect: 'F',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope',
					evidence: '1 soap:Body, 2 soap:Header',
				},
			],
		},
		{
			name: 'two Security headers, same actor',
			facts: facts({ envelopes: [envFacts({ securityHeaders: [sec, { ...sec, path: '/x' }] })] }),
			findings: [
				{
					ruleId: 'XSW-MULTIPLE-SECURITY-ELEMENTS',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: 'wsse:Security for the ultimate receiver',
					evidence: '2 wsse:Security headers',
				},
			],
		},
		{
			name: 'two Timestamps',
			facts: facts({
				envelopes: [envFacts({}, { timestamps: [...sec.timestamps, ...sec.timestamps] })],
			}),
			findings: [
				{
					ruleId: 'XSW-MULTIPLE-SECURITY-ELEMENTS',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soapenv:Envelope/soapenv:Header/wsse:Security',
					evidence: '2 wsu:Timestamp elements',
				},
			],
		},
	],
});
