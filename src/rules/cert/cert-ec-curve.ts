// CERT-EC-CURVE: EC curve below 160 bits (F), below 224 bits (cap B), or outside P-256/384/521
// on a publicly trusted certificate (warn; CA/B 6.1.5 binds only public CAs).
import { certSubject, leafOrIntermediate, publiclyTrusted } from './helpers/certificates';
import type { Rule } from '../rule';

const CAB_CURVES = new Set(['P-256', 'P-384', 'P-521']);

export const certEcCurve: Rule = {
	meta: {
		id: 'CERT-EC-CURVE',
		area: 'cert',
		title: 'Weak or non-standard EC curve',
		severities: ['critical', 'high', 'low'],
		remediation: 'Use P-256 or P-384.',
		references: ['testssl.sh EC scoring', 'CA/B BR 6.1.5', 'Mozilla Server Side TLS'],
	},
	check(facts, report) {
		for (const c of leafOrIntermediate(facts)) {
			if (c.keyAlgorithm !== 'EC' || c.explicitCurve) continue; // explicit parameters: CERT-KEY-ALGORITHM
			const base = {
				inputName: c.inputName,
				subject: certSubject(c),
				evidence: `${c.curve ?? 'unknown curve'} (${c.keySize ?? '?'} bits)`,
			};
			if (c.keySize !== null && c.keySize < 160)
				report({ ...base, severity: 'critical', effect: 'F' });
			else if (c.keySize !== null && c.keySize < 224)
				report({ ...base, severity: 'high', effect: 'cap B' });
			else if (!CAB_CURVES.has(c.curve ?? '') && publiclyTrusted(c))
				report({
					...base,
					severity: 'low',
					effect: 'warn',
					evidence: `${base.evidence}; chains to the public root ${c.publicRoot?.name ?? '?'}`,
					title:
						'EC curve outside P-256/P-384/P-521 (not allowed for publicly-trusted certificates)',
				});
		}
	},
};
