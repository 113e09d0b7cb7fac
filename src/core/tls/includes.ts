// Resolves nginx `include` and Apache `Include` lines against the other dropped inputs: the
// including file is read again with the included text in place, and every line number is mapped
// back to the file it came from.
import type { Origin } from './model';
import { parseApache } from './formats/apache';
import { parseNginx } from './formats/nginx';
import type { TlsParse } from './model';

export interface IncludeSource {
	inputName: string | null;
	parse: TlsParse;
	text: string;
}

const baseOf = (p: string) =>
	(
		p
			.replace(/^["']|["';]+$/g, '')
			.split(/[\\/]/)
			.pop() ?? p
	).toLowerCase();

/** Re-reads sources whose includes name other dropped sources; returns the names merged in. */
export function resolveIncludes(sources: IncludeSource[]): Set<string> {
	const byName = new Map(
		sources.filter((s) => s.inputName).map((s) => [(s.inputName ?? '').toLowerCase(), s]),
	);
	const merged = new Set<string>();
	for (const s of sources) {
		const format = s.parse.format;
		if ((format !== 'nginx' && format !== 'apache') || !s.inputName) continue;
		const wanted = s.parse.includes.filter(
			(inc) => !inc.path.includes('*') && byName.has(baseOf(inc.path)),
		);
		if (wanted.length === 0) continue;
		const map: { inputName: string; line: number }[] = [];
		const out: string[] = [];
		s.text.split('\n').forEach((line, i) => {
			const inc = wanted.find((w) => w.line === i + 1);
			const other = inc ? byName.get(baseOf(inc.path)) : undefined;
			if (other && other !== s && other.inputName) {
				other.text.split('\n').forEach((l, j) => {
					out.push(l);
					map.push({ inputName: other.inputName ?? '', line: j + 1 });
				});
				merged.add(other.inputName.toLowerCase());
			} else {
				out.push(line);
				map.push({ inputName: s.inputName ?? '', line: i + 1 });
			}
		});
		const name = s.inputName;
		const reparsed =
			format === 'nginx' ? parseNginx(out.join('\n'), name) : parseApache(out.join('\n'), name);
		remap(reparsed, map);
		for (const n of reparsed.notes) if (n.line !== null) n.line = map[n.line - 1]?.line ?? n.line;
		reparsed.includes = s.parse.includes.map((inc) => ({
			...inc,
			evaluated: wanted.includes(inc),
		}));
		s.parse.endpoints = reparsed.endpoints;
		s.parse.notes = reparsed.notes;
		s.parse.includes = reparsed.includes;
	}
	return merged;
}

function isOrigin(v: unknown): v is Origin {
	return (
		typeof v === 'object' &&
		v !== null &&
		'directive' in v &&
		'line' in v &&
		'inputName' in v &&
		'value' in v
	);
}

/** Every Origin below `node` gets the file and line its text came from. */
function remap(node: unknown, map: readonly { inputName: string; line: number }[]): void {
	if (Array.isArray(node)) {
		for (const x of node) remap(x, map);
	} else if (isOrigin(node)) {
		const at = node.line === null ? undefined : map[node.line - 1];
		if (at) {
			node.line = at.line;
			node.inputName = at.inputName;
		}
	} else if (typeof node === 'object' && node !== null) {
		for (const v of Object.values(node)) remap(v, map);
	}
}
