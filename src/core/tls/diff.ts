// A small line diff (longest common subsequence) for showing a corrected file against the user's.
export interface DiffLine {
	op: ' ' | '+' | '-';
	line: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n');
	const b = after.split('\n');
	// Trim the common head and tail so the quadratic table only covers the changed middle.
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	)
		tail++;
	const x = a.slice(head, a.length - tail);
	const y = b.slice(head, b.length - tail);
	const n = x.length;
	const m = y.length;
	// The table is n×m numbers: above a few million cells use a bounded look-ahead resync.
	if (n * m > 4_000_000)
		return [
			...a.slice(0, head).map((line) => ({ op: ' ' as const, line })),
			...greedy(x, y),
			...a.slice(a.length - tail).map((line) => ({ op: ' ' as const, line })),
		];
	const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) {
		const row = lcs[i] ?? [];
		const next = lcs[i + 1] ?? [];
		for (let j = m - 1; j >= 0; j--)
			row[j] = x[i] === y[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
	}
	const out: DiffLine[] = a.slice(0, head).map((line) => ({ op: ' ', line }));
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && x[i] === y[j]) {
			out.push({ op: ' ', line: x[i] ?? '' });
			i++;
			j++;
		} else if (i < n && (j >= m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
			out.push({ op: '-', line: x[i] ?? '' });
			i++;
		} else {
			out.push({ op: '+', line: y[j] ?? '' });
			j++;
		}
	}
	out.push(...a.slice(a.length - tail).map((line) => ({ op: ' ' as const, line })));
	return out;
}

/** Linear-time diff for large files: on a mismatch, resync at the nearest line found in both within a window. */
function greedy(x: readonly string[], y: readonly string[], window = 200): DiffLine[] {
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < x.length || j < y.length) {
		if (i < x.length && j < y.length && x[i] === y[j]) {
			out.push({ op: ' ', line: x[i] ?? '' });
			i++;
			j++;
			continue;
		}
		let best: [number, number] | null = null;
		for (let d = 1; d <= window && !best; d++) {
			for (let k = 0; k <= d && !best; k++) {
				const xi = i + k;
				const yj = j + d - k;
				if (xi < x.length && yj < y.length && x[xi] === y[yj]) best = [xi, yj];
			}
		}
		const [xi, yj] = best ?? [x.length, y.length];
		while (i < xi) out.push({ op: '-', line: x[i++] ?? '' });
		while (j < yj) out.push({ op: '+', line: y[j++] ?? '' });
	}
	return out;
}

/** Unified-diff-like text for copying. */
export function diffText(diff: readonly DiffLine[]): string {
	return diff.map((d) => `${d.op}${d.line}`).join('\n');
}
