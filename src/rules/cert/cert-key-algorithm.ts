// CERT-KEY-ALGORITHM: RSA exponent 1 (F), even or < 3 (cap C), 3 (warn); DSA keys and explicit EC parameters (cap B).
import { certSubject, leafOrIntermediate } from './helpers/certificates';
import type { Rule } from '../rule';

export const certKeyAlgorithm: Rule = {
	meta: {
		id: 'CERT-KEY-ALGORITHM',
		area: 'cert',
		title: 'Weak public key algorithm or parameters',
		severities: ['critical', 'high', 'low', 'medium'],
		remediation: 'Re-key with RSA e = 65537 or ECDSA on a named curve.',
		references: [
			'testssl.sh "RSA certificate uses exponent of 1"',
			'CA/B BR 6.1.6',
			'XML Signature 1.1 (DSA verification only)',
		],
	},
	check(facts, report) {
		for (const c of leafOrIntermediate(facts)) {
			const base = { inputName: c.inputName, subject: certSubject(c) };
			if (c.keyAlgorithm === 'RSA' && c.rsaExponent !== null) {
				const e = BigInt(c.rsaExponent);
				const evidence = `RSA public exponent ${c.rsaExponent}`;
				if (e === 1n) report({ ...base, evidence, severity: 'critical', effect: 'F' });
				else if (e % 2n === 0n || e < 3n)
					report({ ...base, evidence, severity: 'high', effect: 'cap C' });
				else if (e === 3n) report({ ...base, evidence, severity: 'low', effect: 'warn' });
			}
			if (c.keyAlgorithm === 'DSA')
				report({
					...base,
					evidence: `DSA ${c.keySize ?? '?'} bits`,
					severity: 'medium',
					effect: 'cap B',
				});
			if (c.keyAlgorithm === 'EC' && c.explicitCurve)
				report({
					...base,
					evidence: 'EC key with explicit (non-named) domain parameters',
					severity: 'medium',
					effect: 'cap B',
				});
		}
	},
};
