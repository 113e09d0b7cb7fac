// Must-flag / must-not-flag table for MAIL-STARTTLS-INSTEAD-OF-IMPLICIT.
import { mailFacts, RuleTester } from '../testing';
import { mailStarttlsInsteadOfImplicit } from './mail-starttls-instead-of-implicit';

RuleTester.run(mailStarttlsInsteadOfImplicit, {
	valid: [
		{
			name: 'relay on 25 (STARTTLS is the norm)',
			facts: mailFacts({ port: 25, mode: 'starttls-required' }),
		},
		{ name: 'implicit TLS on 465', facts: mailFacts({ port: 465, mode: 'implicit' }) },
	],
	invalid: [
		{
			name: 'STARTTLS on 587',
			facts: mailFacts({ mode: 'starttls-required' }),
			findings: [
				{
					ruleId: 'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
					severity: 'low',
					effect: 'cap A',
					inputName: 'mail.properties',
					subject: 'SMTP smtp.example.com:587',
					evidence: 'STARTTLS on port 587 (mail.properties line 5: x); implicit TLS would use 465',
				},
			],
		},
		{
			name: 'optional STARTTLS on 587 too',
			facts: mailFacts({}),
			findings: [
				{
					ruleId: 'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
					severity: 'low',
					effect: 'cap A',
					inputName: 'mail.properties',
					subject: 'SMTP smtp.example.com:587',
					evidence: 'STARTTLS on port 587 (mail.properties line 5: x); implicit TLS would use 465',
				},
			],
		},
	],
});
