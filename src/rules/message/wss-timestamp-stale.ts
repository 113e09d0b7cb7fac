// WSS-TIMESTAMP-STALE: Timestamp sanity (Expires after Created, Created present), freshness at the
// capture time (the user's, else the file's date), and a TTL longer than five minutes.
import { effectiveEnvelopes } from './helpers/coverage';
import type { Rule } from '../rule';

const TTL = 300;
const SKEW = 60;

function seconds(iso: string | null): number | null {
	if (!iso) return null;
	const t = Date.parse(iso);
	return Number.isNaN(t) ? null : t / 1000;
}

export const wssTimestampStale: Rule = {
	meta: {
		id: 'WSS-TIMESTAMP-STALE',
		area: 'message',
		title: 'Timestamp is stale, inconsistent or too long-lived',
		severities: ['high', 'medium', 'low'],
		remediation: 'Keep TTL ≤ 300 s, synchronize clocks, reject stale or future-dated messages.',
		references: ['BSP 1.1 R3203, R3221', 'WSS4J defaults (TTL 300 s, future 60 s)'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const captureIso = facts.captureTime ?? env.fileDate;
			const capture = seconds(captureIso);
			for (const ts of env.securityHeaders.flatMap((h) => h.timestamps)) {
				const created = seconds(ts.created);
				const expires = seconds(ts.expires);
				const base = { inputName: env.inputName, subject: ts.path };
				const shown = `Created ${ts.created ?? '(missing)'}, Expires ${ts.expires ?? '(none)'}`;
				if (created === null) {
					report({
						...base,
						severity: 'high',
						effect: 'cap B',
						evidence: `${shown}: Created is missing or unreadable`,
					});
					continue;
				}
				if (expires !== null && expires <= created) {
					report({
						...base,
						severity: 'high',
						effect: 'cap B',
						evidence: `${shown}: Expires is not after Created`,
					});
					continue;
				}
				if (capture !== null) {
					const source = facts.captureTime ? 'capture time' : "file's date";
					const age = capture - created;
					if (age > TTL + SKEW || (expires !== null && capture > expires))
						report({
							...base,
							severity: 'medium',
							effect: 'cap B',
							evidence: `${shown}; ${source} ${captureIso}: expired or older than ${TTL} s`,
						});
					else if (created > capture + SKEW)
						report({
							...base,
							severity: 'medium',
							effect: 'cap B',
							evidence: `${shown}; ${source} ${captureIso}: Created lies in the future`,
						});
				}
				if (expires !== null) {
					const ttl = expires - created;
					if (ttl > 3600)
						report({
							...base,
							severity: 'medium',
							effect: 'cap B',
							evidence: `${shown}: lifetime ${ttl} s (> 3600 s)`,
						});
					else if (ttl > TTL)
						report({
							...base,
							severity: 'low',
							effect: 'warn',
							evidence: `${shown}: lifetime ${ttl} s (> ${TTL} s)`,
						});
				}
			}
		}
	},
};
