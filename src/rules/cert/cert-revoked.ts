// CERT-REVOKED: a leaf or intermediate certificate listed by a dropped CRL of its issuer (a CRL
// whose signature fails never marks anything; an unverifiable one does, and the evidence says so).
import { certSubject, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certRevoked: Rule = {
	meta: {
		id: 'CERT-REVOKED',
		area: 'cert',
		title: 'Certificate revoked',
		severities: ['critical'],
		remediation: 'Replace the certificate and key immediately.',
		references: ['SSL Labs rating guide', 'testssl.sh'],
	},
	check(facts, report) {
		for (const c of leafOrIntermediate(facts)) {
			if (!c.revoked) continue;
			report({
				severity: 'critical',
				effect: 'T',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `serial ${c.serialNumber} is listed in the CRL ${c.revoked.crlInput}${c.revoked.date ? ` (revoked ${c.revoked.date})` : ''}; ${c.revoked.crlVerified ? 'the CRL signature verifies with the issuer certificate' : 'the CRL signature could not be checked (issuer certificate not dropped or algorithm not supported)'}`,
			});
		}
	},
};
