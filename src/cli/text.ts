// `--format text`: the report as a summary a person reads in a terminal or a CI log: the grade and
// what caps it, the per-area grades, the inputs with their status, the findings by severity.
import { SEVERITIES, type Finding, type Report, type Severity } from '../core/report/report';

const AREA_NAMES: Record<string, string> = {
	tls: 'TLS',
	certificates: 'certificates',
	keystores: 'keystores',
	messages: 'messages',
	wsdl: 'WSDL',
};

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findingLines(f: Finding): string[] {
	const where = [f.inputName, f.subject].filter(Boolean).join(': ');
	return [
		`  ${f.ruleId}  ${f.title}`,
		...(where ? [`      where:    ${where}`] : []),
		...(f.evidence ? [`      evidence: ${f.evidence}`] : []),
		...(f.remediation ? [`      fix:      ${f.remediation}`] : []),
	];
}

export function textReport(report: Report): string {
	const out: string[] = [];
	const g = report.grade;
	const notAnalyzed = g.notAnalyzed;
	const ignoring = g.ignoringTrust ? ` (${g.ignoringTrust} if trust issues are ignored)` : '';
	out.push(`wssec-analyzer report, ${report.generatedAt}`, '');
	out.push(`Grade: ${g.overall}${ignoring}`);
	if (notAnalyzed.length > 0) {
		out.push(
			`  incomplete: ${plural(notAnalyzed.length, 'input')} not analyzed (${notAnalyzed.join(
				', ',
			)}); the grade does not cover ${notAnalyzed.length === 1 ? 'it' : 'them'}`,
		);
	}
	if (g.capReasons.length > 0) {
		out.push('Why not higher:');
		for (const reason of g.capReasons) out.push(`  - ${reason}`);
	} else out.push('Why not higher: nothing caps this grade');
	if (g.warnings?.length) {
		out.push('Warnings:');
		for (const warning of g.warnings) out.push(`  - ${warning}`);
	}
	const areas = Object.entries(g.byArea).map(([a, grade]) => `${AREA_NAMES[a] ?? a} ${grade}`);
	if (areas.length > 0) out.push(`By area: ${areas.join(', ')}`);
	out.push('');

	out.push(`Inputs (${report.inputs.length}):`);
	const width = Math.max(0, ...report.inputs.map((i) => i.kind.length));
	for (const input of report.inputs) {
		// a locked input's note says why (a wrong password and a missing one need different answers)
		const detail =
			input.status === 'locked'
				? input.notes?.length
					? ' (locked: see below; --password FILE=PASSWORD opens it)'
					: ' (locked: give its password with --password)'
				: input.error
					? ` (${input.error})`
					: '';
		out.push(`  ${input.status.padEnd(6)}  ${input.kind.padEnd(width)}  ${input.name}${detail}`);
		for (const note of input.notes ?? []) {
			const at = note.line === null ? '' : `line ${note.line}: `;
			out.push(`          ${note.level}: ${at}${note.message}`);
		}
	}
	out.push('');

	const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((s) => [s, []]));
	for (const f of report.findings) bySeverity.get(f.severity)?.push(f);
	const counts = SEVERITIES.map((s) => `${bySeverity.get(s)!.length} ${s}`).join(', ');
	out.push(`Findings (${report.findings.length}): ${counts}`);
	for (const severity of SEVERITIES) {
		const list = bySeverity.get(severity)!;
		if (list.length === 0) continue;
		out.push('', `${severity.toUpperCase()} (${list.length})`);
		for (const f of list) out.push(...findingLines(f));
	}
	return `${out.join('\n')}\n`;
}
