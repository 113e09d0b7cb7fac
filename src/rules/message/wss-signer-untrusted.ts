// WSS-SIGNER-UNTRUSTED: trust anchors were given and the signer's chain does not validate to them.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

export const wssSignerUntrusted: Rule = {
	meta: {
		id: 'WSS-SIGNER-UNTRUSTED',
		area: 'message',
		title: 'Signer certificate does not chain to a trusted CA',
		severities: ['high'],
		remediation:
			'Sign with a certificate issued by a CA the receiver trusts, or pin the signer explicitly.',
		references: ['RFC 5280 section 6', 'WS-Security X.509 Token Profile 1.1'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			if (s.chainTrusted !== false) continue;
			report({
				severity: 'high',
				effect: 'T',
				inputName: s.inputName,
				subject: `${signatureSubject(s)}, signer ${s.signerSubject ?? s.signerCertSha256 ?? 'unknown'}`,
				evidence: s.chainError ?? 'no chain to a trust anchor',
			});
		}
	},
};
