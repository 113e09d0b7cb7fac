// CERT-WEAK-SIGNATURE: MD2/MD5 (F) or SHA-1 (T) signatures on leaf and intermediate certificates.
import { signatureDigest } from '../../core/x509/oids';
import { certSubject, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certWeakSignature: Rule = {
	meta: {
		id: 'CERT-WEAK-SIGNATURE',
		area: 'cert',
		title: 'Certificate signed with a weak hash',
		severities: ['critical', 'high'],
		remediation: 'Re-issue with SHA-256 (or stronger) signatures.',
		references: [
			'SSL Labs 2009e/f',
			'testssl.sh "Uses SHA1 algorithm"',
			'CA/B BR 7.1.3.2',
			'RFC 9325 4.5',
		],
	},
	check(facts, report) {
		for (const c of leafOrIntermediate(facts)) {
			const d = signatureDigest(c.signatureAlgorithm);
			const base = {
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: c.signatureAlgorithm,
			};
			if (d === 'md2' || d === 'md4' || d === 'md5')
				report({ ...base, severity: 'critical', effect: 'F' });
			else if (d === 'sha1') report({ ...base, severity: 'high', effect: 'T' });
		}
	},
};
