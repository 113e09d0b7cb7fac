// Must-flag / must-not-flag table for MAIL-STARTTLS-OPPORTUNISTIC.
import { mailFacts, RuleTester } from '../testing';
import { mailStarttlsOpportunistic } from './mail-starttls-opportunistic';

RuleTester.run(mailStarttlsOpportunistic, {
	valid: [
		{ name: 'STARTTLS required', facts: mailFacts({ mode: 'starttls-required' }) },
		{ name: 'implicit TLS', facts: mailFacts({ port: 465, mode: 'implicit' }) },
	],
	invalid: [
		{
			name: 'STARTTLS enabled, not required',
			facts: mailFacts({}),
			findings: [
				{
					ruleId: 'MAIL-STARTTLS-OPPORTUNISTIC',
					severity: 'high',
					effect: 'cap C',
					inputName: 'mail.properties',
					subject: 'SMTP smtp.example.com:587',
					evidence: 'STARTTLS enabled but not required (mail.properties line 5: x)',
				},
			],
		},
	],
});
