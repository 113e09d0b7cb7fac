// The pieces of XML text handling that the skeleton scanner (skeleton.ts) and the streaming
// canonicalizer (xmldsig/stream-c14n.ts) share with the tree parser (../fast-parse.ts): the same
// ASCII name rule, the same line-ending normalization (xmldom's, NEL and LS included), the same
// five entities and character references. They must agree with fast-parse character for
// character: the stream's digest is only right when it sees what the tree would hold
// (stream.test.ts compares them over every signed document of the repository).
import { UnsupportedError } from '../../errors';

export const NS_XML = 'http://www.w3.org/XML/1998/namespace';
export const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Code of the UnsupportedError thrown inside a scan to give up (as fast-parse's). */
export const NOT_PLAIN = 'xml/not-plain';

/** Gives up a scan: the text goes to the tree parsers, which say what is wrong with it. */
export function notPlain(): UnsupportedError {
	return new UnsupportedError(NOT_PLAIN, 'not plain XML: left to the full parser');
}

export function isWhitespace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

export function isNameStart(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

export function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

const LINE_BREAKS = /[\r\u0085\u2028\u2029]/;

/**
 * xmldom's line-ending normalization, applied to one slice. A slice always ends at markup ('<' or
 * a quote), never between the two characters of a CR LF pair, so normalizing slice by slice gives
 * what normalizing the whole text first (as fast-parse does) gives.
 */
export function normalizeLineEndings(s: string): string {
	if (!LINE_BREAKS.test(s)) return s;
	return s.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n');
}

/**
 * Line ends of text[from, to) as the normalized text counts them (CR LF and CR NEL count once).
 * `others` says whether the text holds a CR, NEL, LS or PS at all (hasOtherLineBreaks): without
 * one, counting is a search for LF alone.
 */
export function countLineEnds(text: string, from: number, to: number, others: boolean): number {
	let n = 0;
	if (!others) {
		for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
		return n;
	}
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x0a) n++;
		else if (c === 0x0d) {
			if (text.charCodeAt(i + 1) !== 0x0a) n++;
		} else if (c === 0x85) {
			if (i === from || text.charCodeAt(i - 1) !== 0x0d) n++;
		} else if (c === 0x2028 || c === 0x2029) n++;
	}
	return n;
}

/** Whether the text holds a line end other than LF (CR, NEL, LS, PS). */
export function hasOtherLineBreaks(text: string): boolean {
	return LINE_BREAKS.test(text);
}

/**
 * Offset just after the last line end in text[from, to) (where the line holding `to` starts),
 * or -1 when that stretch holds none; searched back from `to`, never before `from`.
 */
export function lineStartAfter(text: string, from: number, to: number): number {
	for (let i = to - 1; i >= from; i--) {
		const c = text.charCodeAt(i);
		if (c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) return i + 1;
	}
	return -1;
}

export function validCodePoint(cp: number): boolean {
	return (
		cp === 0x9 ||
		cp === 0xa ||
		cp === 0xd ||
		(cp >= 0x20 && cp <= 0xd7ff) ||
		(cp >= 0xe000 && cp <= 0xfffd) ||
		(cp >= 0x10000 && cp <= 0x10ffff)
	);
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// a bare '&' matches too, with no group: it is not plain
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6});|#([0-9]{1,7});|(amp|lt|gt|quot|apos);)?/g;

function referenceValue(_m: string, hex?: string, dec?: string, named?: string): string {
	if (named) return PREDEFINED[named] as string;
	if (hex === undefined && dec === undefined) throw notPlain();
	const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
	if (!validCodePoint(cp)) throw notPlain();
	return String.fromCodePoint(cp);
}

/** The five predefined entities and character references replaced (notPlain() for anything else). */
export function decodeReferences(s: string): string {
	let onlyAmp = true;
	for (let i = s.indexOf('&'); i !== -1 && onlyAmp; i = s.indexOf('&', i + 1))
		onlyAmp = s.startsWith('&amp;', i);
	if (onlyAmp) return s.replaceAll('&amp;', '&');
	return s.replace(REFERENCE, referenceValue);
}

/** An attribute value as fast-parse stores it: line ends normalized, whitespace to spaces, references. */
export function attributeValue(raw: string): string {
	let value = normalizeLineEndings(raw);
	if (/[\t\n\r]/.test(value)) value = value.replace(/[\t\n\r]/g, ' ');
	if (value.indexOf('&') !== -1) value = decodeReferences(value);
	return value;
}

/** A processing instruction's body split as fast-parse does (null: not plain). */
export function splitInstruction(body: string): { target: string; data: string } | null {
	const m = /^([A-Za-z_][\w.-]*)(?:[ \t\n]+([\s\S]*))?$/.exec(normalizeLineEndings(body));
	if (!m || !m[1]) return null;
	return { target: m[1], data: m[2] ?? '' };
}

/** Comment data fast-parse accepts: no '--' inside, no '-' at the end. */
export function plainComment(data: string): boolean {
	return !data.includes('--') && !data.endsWith('-');
}

/**
 * Reads an ASCII QName at pos (at most one colon, neither first nor last, as fast-parse) and
 * returns the offset after it; throws notPlain() when there is none.
 */
export function readName(s: string, pos: number): number {
	if (!isNameStart(s.charCodeAt(pos))) throw notPlain();
	let colon = -1;
	let i = pos + 1;
	for (; ; i++) {
		const c = s.charCodeAt(i);
		if (isNameChar(c)) continue;
		if (c === 0x3a) {
			if (colon !== -1 || !isNameStart(s.charCodeAt(i + 1))) throw notPlain();
			colon = i;
			continue;
		}
		return i;
	}
}

export function skipWhitespace(s: string, pos: number): number {
	while (isWhitespace(s.charCodeAt(pos))) pos++;
	return pos;
}

/**
 * Whether s[from, to) is canonical as written: no line end to normalize (CR, NEL, LS, PS), no
 * character canonical form escapes differently ('>' in text; tab, LF in attribute values), and
 * only references that decode and re-escape to themselves (&amp; &lt; and &gt; in text, &amp; &lt;
 * and &quot; in attribute values). A loop, not a regular expression: most runs are a few
 * characters, and a match object per text node was a tenth of the time.
 */
export function asWritten(s: string, from: number, to: number, value: boolean): boolean {
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i);
		if (c === 0x26) {
			if (
				!s.startsWith('amp;', i + 1) &&
				!s.startsWith('lt;', i + 1) &&
				!(value ? s.startsWith('quot;', i + 1) : s.startsWith('gt;', i + 1))
			)
				return false;
		} else if (c < 0x20) {
			if (c === 0x0d || value) return false;
		} else if (c === 0x3e) {
			if (!value) return false;
		} else if (c === 0x85 || c === 0x2028 || c === 0x2029) return false;
	}
	return true;
}
