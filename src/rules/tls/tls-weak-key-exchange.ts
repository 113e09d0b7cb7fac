// TLS-WEAK-KEY-EXCHANGE (RULES.md): ephemeral DH group or ECDHE curve too small.
import { caveat, tlsChannels, where } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsWeakKeyExchange: Rule = {
	meta: {
		id: 'TLS-WEAK-KEY-EXCHANGE',
		area: 'tls',
		title: 'Weak key-exchange parameters',
		severities: ['critical', 'medium', 'high'],
		remediation: 'Use ffdhe2048+ (or drop DHE) and X25519/P-256/P-384 only.',
		references: ['RFC 9325 §4.5', 'SSL Labs rating guide 2009j', 'Logjam'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			const dhe = c.suiteFacts.some((s) => s.kx === 'DHE');
			const ecdhe = c.suiteFacts.some((s) => s.kx === 'ECDHE') || c.tls13Facts.length > 0;
			const dh = dhe ? c.dh : null;
			const minCurve =
				ecdhe && c.curves.length ? c.curves.reduce((a, b) => (a.bits <= b.bits ? a : b)) : null;
			const subject = c.name;
			if ((dh && dh.bits < 1024) || (minCurve && minCurve.bits < 160)) {
				report({
					severity: 'critical',
					effect: 'F',
					inputName: c.inputName,
					subject,
					evidence:
						dh && dh.bits < 1024
							? `DHE group ${dh.bits} bits (${where(dh.origin)})`
							: `ECDHE curve ${minCurve?.name ?? ''} (${minCurve?.bits ?? 0} bits)`,
				});
				continue;
			}
			if (dh && dh.bits < 2048)
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: c.inputName,
					subject,
					evidence: `DHE group ${dh.bits} bits (${where(dh.origin)})${dh.origin.directive === 'default' ? caveat(c, 'dh') : ''}`,
				});
			if (minCurve && minCurve.bits < 224)
				report({
					severity: 'high',
					effect: 'cap B',
					inputName: c.inputName,
					subject,
					evidence: `ECDHE curve ${minCurve.name} (${minCurve.bits} bits)`,
				});
		}
	},
};
