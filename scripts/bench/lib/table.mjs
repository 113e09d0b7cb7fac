// Prints bench rows as one aligned text table.

const COLUMNS = [
	['case', 'case'],
	['ours_ms', 'ours ms'],
	['native_ms', 'native ms'],
	['ratio', 'ratio'],
	['peak_mb', 'page heap MB'],
	['worker_peak_mb', 'engine heap MB'],
	['worker_total_mb', 'engine heap+ext MB'],
	['longest_main_thread_block_ms', 'longest block ms'],
	['native_cmd', 'native command'],
	['note', 'note'],
];

function cell(value) {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
	return String(value);
}

export function formatTable(rows) {
	const used = COLUMNS.filter(([key]) => rows.some((r) => cell(r[key]) !== ''));
	const widths = used.map(([key, title]) =>
		Math.min(70, Math.max(title.length, ...rows.map((r) => cell(r[key]).length))),
	);
	const line = (values) =>
		values.map((v, i) => v.slice(0, widths[i]).padEnd(widths[i])).join(' │ ');
	return [
		line(used.map(([, title]) => title)),
		widths.map((w) => '─'.repeat(w)).join('─┼─'),
		...rows.map((r) => line(used.map(([key]) => cell(r[key])))),
	].join('\n');
}
