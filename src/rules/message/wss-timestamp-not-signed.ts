// WSS-TIMESTAMP-NOT-SIGNED: the message is signed but no reference resolves (uniquely) to its Timestamp.
import { effectiveEnvelopes, envelopeSignatures, referencesPath } from './helpers/coverage';
import type { Rule } from '../rule';

export const wssTimestampNotSigned: Rule = {
	meta: {
		id: 'WSS-TIMESTAMP-NOT-SIGNED',
		area: 'message',
		title: 'Timestamp is not signed',
		severities: ['medium'],
		remediation: 'Include the Timestamp in the signature references.',
		references: ['WS-Security 1.1 sections 10 and 13', 'WS-SecurityPolicy'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const sigs = envelopeSignatures(facts, env);
			if (sigs.length === 0) continue;
			for (const ts of env.securityHeaders.flatMap((h) => h.timestamps)) {
				if (sigs.some((s) => referencesPath(s, ts.path))) continue;
				report({
					severity: 'medium',
					effect: 'cap B',
					inputName: env.inputName,
					subject: ts.path,
					evidence: `${sigs.length} signature(s), none references ${ts.id ? `#${ts.id}` : 'the Timestamp'}`,
				});
			}
		}
	},
};
