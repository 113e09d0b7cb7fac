// CERT-SELF-SIGNED: a leaf that signs itself and is not explicitly pinned (trusted entry or anchor).
import { certSubject, certificatesOnce } from './helpers/certificates';
import type { Rule } from '../rule';

export const certSelfSigned: Rule = {
	meta: {
		id: 'CERT-SELF-SIGNED',
		area: 'cert',
		title: 'Self-signed certificate',
		severities: ['high'],
		remediation:
			'Use a CA-issued (private or public CA) certificate, or pin the self-signed certificate explicitly in the truststore.',
		references: ['SSL Labs rating guide', 'testssl.sh "Self-signed certificate"'],
	},
	check(facts, report) {
		const anchors = new Set(facts.trustAnchors);
		for (const c of certificatesOnce(facts)) {
			if (c.role !== 'leaf' || !c.selfSigned || c.pinned || anchors.has(c.sha256)) continue;
			report({
				severity: 'high',
				effect: 'T',
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `issuer = subject = ${c.subject}`,
			});
		}
	},
};
