// TLS-NO-FORWARD-SECRECY (RULES.md): no TLS 1.3 and no ECDHE/DHE suite.
import { suiteEvidence, tlsChannels } from './helpers/evidence';
import type { Rule } from '../rule';

export const tlsNoForwardSecrecy: Rule = {
	meta: {
		id: 'TLS-NO-FORWARD-SECRECY',
		area: 'tls',
		title: 'No forward secrecy',
		severities: ['medium'],
		remediation: 'Enable ECDHE suites (and prefer them).',
		references: ['RFC 9325 §4.1', 'SSL Labs 2018-03', 'Mozilla Server Side TLS'],
	},
	check(facts, report) {
		for (const c of tlsChannels(facts)) {
			if (c.protocols.includes('TLSv1.3') || c.suiteFacts.length === 0) continue;
			if (c.suiteFacts.some((s) => s.kx === 'ECDHE' || s.kx === 'DHE')) continue;
			report({
				severity: 'medium',
				effect: 'cap B',
				inputName: c.inputName,
				subject: c.name,
				evidence: `no ECDHE/DHE suite among ${suiteEvidence(c, c.suiteFacts)}`,
			});
		}
	},
};
