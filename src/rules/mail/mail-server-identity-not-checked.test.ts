// Must-flag / must-not-flag table for MAIL-SERVER-IDENTITY-NOT-CHECKED.
import { mailFacts, RuleTester } from '../testing';
import { mailServerIdentityNotChecked } from './mail-server-identity-not-checked';

RuleTester.run(mailServerIdentityNotChecked, {
	valid: [
		{
			name: 'checkserveridentity true',
			facts: mailFacts({ port: 465, mode: 'implicit', checkServerIdentity: true }),
		},
		{
			name: 'trust all: TLS-CERT-VALIDATION-DISABLED instead',
			facts: mailFacts({ port: 465, mode: 'implicit', trustAll: true }),
		},
		{ name: 'plaintext: MAIL-PLAINTEXT instead', facts: mailFacts({ mode: 'plain' }) },
	],
	invalid: [
		{
			name: 'checkserveridentity absent',
			facts: mailFacts({ port: 465, mode: 'implicit' }),
			findings: [
				{
					ruleId: 'MAIL-SERVER-IDENTITY-NOT-CHECKED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'mail.properties',
					subject: 'mail.smtp.ssl.checkserveridentity',
					evidence: 'not set (JavaMail 1.x and Jakarta Mail 2.0 default to false)',
				},
			],
		},
		{
			name: 'checkserveridentity false',
			facts: mailFacts({ mode: 'starttls-required', checkServerIdentity: false }),
			findings: [
				{
					ruleId: 'MAIL-SERVER-IDENTITY-NOT-CHECKED',
					severity: 'high',
					effect: 'cap C',
					inputName: 'mail.properties',
					subject: 'mail.smtp.ssl.checkserveridentity',
					evidence: 'set to false',
				},
			],
		},
	],
});
