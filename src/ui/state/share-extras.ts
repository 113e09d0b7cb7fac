// What a link and a saved report carry beyond the JSON report: the corrected TLS configurations
// as changed lines (values of secret-looking settings redacted, typed passwords scrubbed).
import type { AnalysisFacts } from '../../core/facts';
import { scrubConfigLine, type SharedFix } from '../../core/share/share-link';

/** Longest diff a link carries per corrected file; a longer one is cut with a marker line. */
const MAX_LINES = 200;

export function sharedFixes(facts: AnalysisFacts | null, secrets: readonly string[]): SharedFix[] {
	if (!facts) return [];
	const scrub = (line: string) =>
		secrets
			.filter((s) => s.length >= 4)
			.reduce((acc, s) => acc.split(s).join('[redacted]'), scrubConfigLine(line));
	return facts.inputs.flatMap((input) => {
		if (input.detail?.area !== 'tls') return [];
		return input.detail.data.fixes.map((fix) => {
			const changed = fix.diff.filter(
				(d): d is { op: '+' | '-'; line: string } => d.op === '+' || d.op === '-',
			);
			const lines = changed.slice(0, MAX_LINES).map((d) => ({ op: d.op, line: scrub(d.line) }));
			if (changed.length > MAX_LINES) {
				lines.push({ op: '+', line: `… ${changed.length - MAX_LINES} more changed lines` });
			}
			return { inputName: input.name, profile: fix.profile, lines };
		});
	});
}
