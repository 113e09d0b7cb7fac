// Must-flag / must-not-flag table for MAIL-PLAINTEXT.
import { mailFacts, RuleTester } from '../testing';
import { mailPlaintext } from './mail-plaintext';

RuleTester.run(mailPlaintext, {
	valid: [
		{ name: 'STARTTLS required', facts: mailFacts({ mode: 'starttls-required' }) },
		{ name: 'implicit TLS', facts: mailFacts({ port: 465, mode: 'implicit' }) },
	],
	invalid: [
		{
			name: 'authenticated SMTP without TLS',
			facts: mailFacts({ mode: 'plain' }),
			findings: [
				{
					ruleId: 'MAIL-PLAINTEXT',
					severity: 'critical',
					effect: 'F',
					inputName: 'mail.properties',
					subject: 'SMTP smtp.example.com:587',
					evidence: 'no TLS (mail.properties line 5: x); credentials are sent in clear',
				},
			],
		},
		{
			name: 'unauthenticated relay on 25',
			facts: mailFacts({ port: 25, mode: 'plain', auth: false }),
			findings: [
				{
					ruleId: 'MAIL-PLAINTEXT',
					severity: 'high',
					effect: 'cap C',
					inputName: 'mail.properties',
					subject: 'SMTP smtp.example.com:25',
					evidence: 'no TLS (mail.properties line 5: x)',
				},
			],
		},
	],
});
