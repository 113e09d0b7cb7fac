// Must-flag / must-not-flag table for KEYSTORE-JKS-LEGACY-FORMAT.
import { keystoreFacts } from '../../core/x509/testing';
import { facts, RuleTester } from '../testing';
import { keystoreJksLegacyFormat as rule } from './keystore-jks-legacy-format';

RuleTester.run(rule, {
	valid: [
		{ name: 'PKCS12', facts: facts({ keystores: [keystoreFacts({ type: 'PKCS12' })] }) },
		{ name: 'BKS', facts: facts({ keystores: [keystoreFacts({ type: 'BKS' })] }) },
		{ name: 'PEM', facts: facts({ keystores: [keystoreFacts({ type: 'PEM' })] }) },
	],
	invalid: [
		{
			name: 'JKS',
			facts: facts({ keystores: [keystoreFacts({ type: 'JKS' })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-JKS-LEGACY-FORMAT',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'JKS keystore server.p12',
					evidence: 'JKS',
				},
			],
		},
		{
			name: 'JCEKS',
			facts: facts({ keystores: [keystoreFacts({ type: 'JCEKS' })] }),
			findings: [
				{
					ruleId: 'KEYSTORE-JKS-LEGACY-FORMAT',
					severity: 'low',
					effect: 'warn',
					inputName: 'server.p12',
					subject: 'JCEKS keystore server.p12',
					evidence: 'JCEKS',
				},
			],
		},
	],
});
