// Indents decrypted XML for reading (display only; the raw view keeps the exact text).
// A tag-level tokenizer, not a parser: comments or CDATA holding '>' may wrap oddly.

const LIMIT = 400_000;

export function prettyXml(text: string): string {
	const tokens = text
		.slice(0, LIMIT)
		.split(/(<[^>]+>)/)
		.map((t) => t.trim())
		.filter((t) => t !== '');
	const lines: string[] = [];
	let depth = 0;
	const pad = (): string => '  '.repeat(depth);
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i] ?? '';
		if (t.startsWith('</')) {
			depth = Math.max(0, depth - 1);
			lines.push(pad() + t);
		} else if (t.startsWith('<?') || t.startsWith('<!') || t.endsWith('/>') || !t.startsWith('<')) {
			lines.push(pad() + t);
		} else {
			const next = tokens[i + 1];
			const after = tokens[i + 2];
			if (next !== undefined && !next.startsWith('<') && after?.startsWith('</')) {
				lines.push(pad() + t + next + after);
				i += 2;
			} else {
				lines.push(pad() + t);
				depth++;
			}
		}
	}
	return lines.join('\n') + (text.length > LIMIT ? '\n…' : '');
}

/** True when the text looks like binary data rather than characters. */
export function looksBinary(text: string): boolean {
	const sample = text.slice(0, 2000);
	let control = 0;
	for (const ch of sample) {
		const c = ch.codePointAt(0) ?? 0;
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
	}
	return sample.length > 0 && control / sample.length > 0.05;
}

/** Short algorithm name from a URI ("aes256-gcm"). */
export function shortAlg(uri: string | null | undefined): string {
	if (!uri) return 'none';
	const i = uri.lastIndexOf('#');
	return i >= 0 ? uri.slice(i + 1) : uri;
}
