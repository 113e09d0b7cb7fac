// CERT-RSA-KEY-SIZE: RSA modulus below 1024 (F), below 2048 (cap B), below 3000 (info), and on a
// publicly trusted certificate not a multiple of 8 (warn; CA/B 6.1.5 binds only public CAs).
import { certSubject, leafOrIntermediate, publiclyTrusted } from './helpers/certificates';
import type { Rule } from '../rule';

export const certRsaKeySize: Rule = {
	meta: {
		id: 'CERT-RSA-KEY-SIZE',
		area: 'cert',
		title: 'RSA key too small',
		severities: ['critical', 'high', 'info', 'low'],
		remediation: 'Re-key with RSA ≥ 2048 (3072 for long-lived or BSI scope) or ECDSA P-256.',
		references: [
			'SSL Labs 2009e',
			'CA/B BR 6.1.5',
			'RFC 9325 4.5',
			'NIST SP 800-57 Table 2',
			'BSI TR-02102-2',
		],
	},
	check(facts, report) {
		for (const c of leafOrIntermediate(facts)) {
			if (c.keyAlgorithm !== 'RSA' || c.keySize === null) continue;
			const base = {
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `RSA ${c.keySize} bits`,
			};
			if (c.keySize < 1024) report({ ...base, severity: 'critical', effect: 'F' });
			else if (c.keySize < 2048) report({ ...base, severity: 'high', effect: 'cap B' });
			else if (c.keySize < 3000)
				// The key already meets the 2048-bit floor: the fix must not tell the user to reach it.
				report({
					...base,
					severity: 'info',
					effect: 'none',
					title: 'RSA key below the BSI TR-02102 3000-bit recommendation',
					remediation: `${c.keySize} bits is acceptable today; where BSI TR-02102 applies or the key is long-lived, plan a re-key with RSA ≥ 3072 or ECDSA P-256.`,
				});
			if (c.keySize % 8 !== 0 && publiclyTrusted(c))
				report({
					...base,
					severity: 'low',
					effect: 'warn',
					title: 'RSA modulus size not divisible by 8',
					remediation: 'Re-key with a standard modulus size (2048, 3072 or 4096 bits).',
				});
		}
	},
};
