// WSS-TIMESTAMP-MISSING: a wsse:Security header is present but no wsu:Timestamp.
import { effectiveEnvelopes, timestampPaths } from './helpers/coverage';
import type { Rule } from '../rule';

export const wssTimestampMissing: Rule = {
	meta: {
		id: 'WSS-TIMESTAMP-MISSING',
		area: 'message',
		title: 'Security header without a Timestamp',
		severities: ['medium'],
		remediation: 'Add a Timestamp (e.g. TTL 300 s) and sign it.',
		references: ['WS-Security 1.1 section 10', 'WS-SecurityPolicy IncludeTimestamp'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			if (env.securityHeaders.length === 0 || timestampPaths(env).length > 0) continue;
			report({
				severity: 'medium',
				effect: 'cap B',
				inputName: env.inputName,
				subject: env.securityHeaders[0]?.path ?? 'wsse:Security',
				evidence: `wsse:Security children: ${env.securityHeaders.flatMap((h) => h.children).join(', ') || '(none)'}`,
			});
		}
	},
};
