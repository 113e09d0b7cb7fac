// WSS-BODY-NOT-ENCRYPTED-OVER-HTTP (RULES.md rule 69): a captured message whose Body is not
// xenc:EncryptedData travels (by wsa:To, the WSDL or the connector endpoint) over plain HTTP.
import type { Rule } from '../rule';
import { envelopes, messageScheme } from './helpers/scheme';

export const wssBodyNotEncryptedOverHttp: Rule = {
	meta: {
		id: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
		area: 'message',
		title: 'SOAP Body in clear text over plain HTTP',
		severities: ['high'],
		remediation: 'Encrypt the Body (AES-GCM) or use HTTPS.',
		references: ['OWASP Web Service Security Cheat Sheet (Message Confidentiality)'],
	},
	check(facts, report) {
		for (const envelope of envelopes(facts)) {
			if (envelope.bodyEncrypted) continue;
			const scheme = messageScheme(facts, envelope);
			if (scheme?.scheme !== 'http') continue;
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: envelope.inputName,
				subject: 'soap:Body',
				evidence: `Body not encrypted; endpoint ${scheme.address} (from ${scheme.source})`,
			});
		}
	},
};
