// Blanks the comments of JavaScript and C# source, so the Node and .NET readers' patterns see only
// live code: a commented-out `minVersion: 'TLSv1'` or `SecurityProtocolType.Ssl3` is no setting.
// Comments become spaces (newlines kept), so offsets and line numbers stay those of the input.

/** Source languages whose comment and literal syntax is known here. */
export type CodeLanguage = 'js' | 'cs';

/** Characters after which a JavaScript `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set(['', ...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function blankComments(text: string, language: CodeLanguage): string {
	let out = '';
	let i = 0;
	/** The last character of code written (not space, not comment): decides what `/` starts. */
	let last = '';
	while (i < text.length) {
		const c = text[i] ?? '';
		const next = text[i + 1] ?? '';
		if (c === '/' && next === '/') {
			const end = text.indexOf('\n', i);
			const stop = end < 0 ? text.length : end;
			out += blank(text.slice(i, stop));
			i = stop;
		} else if (c === '/' && next === '*') {
			const end = text.indexOf('*/', i + 2);
			const stop = end < 0 ? text.length : end + 2;
			out += blank(text.slice(i, stop));
			i = stop;
		} else if (c === '"' || c === "'" || (c === '`' && language === 'js')) {
			// C# verbatim strings (@"…", $@"…"): no backslash escapes, "" is a quote
			const verbatim = language === 'cs' && c === '"' && /@\$?$|\$@$/.test(out.slice(-2));
			let j = i + 1;
			while (j < text.length) {
				const d = text[j];
				if (d === '\\' && !verbatim) j += 2;
				else if (d === c && verbatim && text[j + 1] === c) j += 2;
				else if (d === c) break;
				// an unclosed ordinary string ends at the line's end (a syntax error in both languages)
				else if (d === '\n' && c !== '`' && !verbatim) break;
				else j++;
			}
			const stop = Math.min(j + 1, text.length);
			out += text.slice(i, stop);
			last = c;
			i = stop;
		} else if (
			c === '/' &&
			language === 'js' &&
			(REGEX_AFTER.has(last) || REGEX_KEYWORDS.test(out.slice(-64).trimEnd()))
		) {
			// a regular-expression literal: `//` or `/*` inside it is no comment
			let j = i + 1;
			let inClass = false;
			while (j < text.length && text[j] !== '\n') {
				const d = text[j];
				if (d === '\\') j++;
				else if (d === '[') inClass = true;
				else if (d === ']') inClass = false;
				else if (d === '/' && !inClass) break;
				j++;
			}
			const stop = Math.min(j + 1, text.length);
			out += text.slice(i, stop);
			last = '/';
			i = stop;
		} else {
			out += c;
			if (!/\s/.test(c)) last = c;
			i++;
		}
	}
	return out;
}
