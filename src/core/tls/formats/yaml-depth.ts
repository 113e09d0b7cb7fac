// A linear bound on YAML nesting, checked before the YAML library sees the text: the library's
// composer and our flattening walk both recurse per level, so a few kilobytes of `[[[[…` or of
// ever deeper indentation would otherwise end as a stack overflow instead of a named limit.
import { BudgetError } from '../../errors';

/** Spring configuration nests a handful of levels; anything past this is not a configuration. */
export const MAX_YAML_DEPTH = 64;

/**
 * Throws a BudgetError naming the line where `text` nests deeper than MAX_YAML_DEPTH levels
 * (block indentation, `- ` sequence entries and `[`/`{` flow collections counted together).
 * One pass over the text; quoted scalars and comments are skipped, so brackets inside them do
 * not count.
 */
export function assertYamlDepth(text: string): void {
	const indents: number[] = [];
	let flow = 0;
	let lineNo = 0;
	for (const line of text.split('\n')) {
		lineNo++;
		let i = 0;
		while (line[i] === ' ') i++;
		const content = line[i];
		if (flow === 0 && content !== undefined && content !== '#' && content !== '\r') {
			while (indents.length > 0 && indents[indents.length - 1]! >= i) indents.pop();
			indents.push(i);
		}
		let dashes = 0;
		while (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
			dashes++;
			i += 2;
			while (line[i] === ' ') i++;
		}
		let quote: string | null = null;
		for (; i < line.length; i++) {
			const c = line[i];
			if (quote) {
				if (c === quote) quote = null;
			} else if (c === '"' || c === "'") quote = c;
			else if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
			else if (c === '[' || c === '{') flow++;
			else if ((c === ']' || c === '}') && flow > 0) flow--;
			const depth = indents.length + dashes + flow;
			if (depth > MAX_YAML_DEPTH) fail(depth, lineNo);
		}
		if (indents.length + dashes > MAX_YAML_DEPTH) fail(indents.length + dashes, lineNo);
	}
}

function fail(depth: number, line: number): never {
	throw new BudgetError(
		'tls/yaml-depth',
		`YAML nested more than ${MAX_YAML_DEPTH} levels deep (line ${line}); refused before parsing`,
		MAX_YAML_DEPTH,
		depth,
		{ line },
	);
}
