// Safe XML parsing for every XML input: DOCTYPE and entity declarations are rejected before any
// parser sees the text (one linear pre-scan, see prescan) (shared/notes/libraries.md section 7), sizes and depth are bounded, and
// parser errors carry line and column. Uses @xmldom/xmldom so it runs in a Web Worker and Node.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { ParseError, reasonOf } from '../errors';
import { parsePlainXml } from './fast-parse';
import { parseSkeletonXml, skeletonLimits } from './stream/skeleton';

/** Largest XML input accepted (the signature issue's 30 MB envelope plus headroom). */
export const MAX_XML_BYTES = 64 * 1024 * 1024;
/** Deepest element nesting accepted. */
export const MAX_XML_DEPTH = 256;

export interface SafeXmlDocument {
	/** The exact text that was parsed: verification works on this, never on a pretty-printed copy. */
	text: string;
	doc: Document;
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let last = -1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		last = i;
	}
	return { line, column: offset - last };
}

/**
 * One linear pass over the markup before any parser sees it: comments, processing instructions
 * and CDATA sections are skipped by their terminators (an unterminated one is an error at once,
 * where the old regular expressions rescanned to the end from every `<!--`: 12 s for 128 KB),
 * so a DOCTYPE cannot hide after a PI or inside what only looks like a comment; any other `<!`
 * is a DTD declaration and refused; quoted attribute values are skipped whole so a crafted tag
 * cannot hide its depth; and nesting is counted for every element name, ASCII or not.
 */
function prescan(text: string): void {
	const fail = (code: `xml/${string}`, offset: number, what: (at: string) => string): never => {
		const at = lineColumn(text, offset);
		throw new ParseError(code, what(`line ${at.line}, column ${at.column}`), {
			offset,
			...at,
		});
	};
	const nul = text.indexOf('\u0000');
	if (nul !== -1) {
		fail(
			'xml/nul',
			nul,
			(at) =>
				`XML text contains a NUL character (${at}): not UTF-8 XML (UTF-16 is not accepted here), refused to parse`,
		);
	}
	let depth = 0;
	let i = 0;
	const n = text.length;
	for (;;) {
		const lt = text.indexOf('<', i);
		if (lt === -1) return;
		const next = text.charCodeAt(lt + 1);
		if (next === 0x21 /* ! */) {
			if (text.startsWith('<!--', lt)) {
				const end = text.indexOf('-->', lt + 4);
				if (end === -1)
					fail('xml/unterminated', lt, (at) => `XML comment opened at ${at} is never closed`);
				i = end + 3;
			} else if (text.startsWith('<![CDATA[', lt)) {
				const end = text.indexOf(']]>', lt + 9);
				if (end === -1)
					fail('xml/unterminated', lt, (at) => `CDATA section opened at ${at} is never closed`);
				i = end + 3;
			} else {
				fail(
					'xml/doctype',
					lt,
					(at) =>
						`XML contains a DOCTYPE or ENTITY declaration (${at}); refused before parsing, as SOAP forbids DTDs and they enable entity-expansion attacks`,
				);
			}
			continue;
		}
		if (next === 0x3f /* ? */) {
			const end = text.indexOf('?>', lt + 2);
			if (end === -1)
				fail(
					'xml/unterminated',
					lt,
					(at) => `XML processing instruction opened at ${at} is never closed`,
				);
			i = end + 2;
			continue;
		}
		// a tag: find its '>' outside quoted attribute values
		let j = lt + 1;
		let quote = 0;
		for (; j < n; j++) {
			const c = text.charCodeAt(j);
			if (quote) {
				if (c === quote) quote = 0;
			} else if (c === 0x22 || c === 0x27) quote = c;
			else if (c === 0x3e /* > */) break;
		}
		if (j >= n) fail('xml/unterminated', lt, (at) => `XML tag opened at ${at} is never closed`);
		if (next === 0x2f /* / */) depth--;
		else if (text.charCodeAt(j - 1) !== 0x2f) {
			depth++;
			if (depth > MAX_XML_DEPTH) {
				fail(
					'xml/too-deep',
					lt,
					(at) => `XML nesting deeper than ${MAX_XML_DEPTH} levels at ${at}: refused to parse`,
				);
			}
		}
		i = j + 1;
	}
}

export function parseXml(text: string): SafeXmlDocument {
	if (text.length > MAX_XML_BYTES) {
		throw new ParseError(
			'xml/too-large',
			`XML larger than ${MAX_XML_BYTES / 1024 / 1024} MB: refused to parse`,
		);
	}
	// The fast path reads no declaration at all: any '<!' other than a comment or CDATA, and any
	// entity but the five predefined ones, sends the text to the checks below, so a document it
	// accepts holds no DOCTYPE or ENTITY and needs no second scan.
	// a large SOAP envelope may become a skeleton tree whose bulk content stays in the text
	const plain =
		(text.length >= skeletonLimits.minChars ? parseSkeletonXml(text, MAX_XML_DEPTH) : null) ??
		parsePlainXml(text, MAX_XML_DEPTH);
	if (plain) return { text, doc: plain };
	prescan(text);
	let firstError: { message: string; line?: number; column?: number } | null = null;
	const parser = new DOMParser({
		onError: (level, message, context) => {
			if (level === 'warning' || firstError) return;
			const locator = (
				context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined
			)?.locator;
			firstError = {
				message: String(message),
				line: locator?.lineNumber,
				column: locator?.columnNumber,
			};
		},
	});
	let doc: Document;
	try {
		doc = parser.parseFromString(text, 'text/xml');
	} catch (error) {
		const message = reasonOf(error);
		const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
		const line = locator?.lineNumber;
		const column = locator?.columnNumber;
		const where = line ? ` at line ${line}, column ${column ?? '?'}` : '';
		throw new ParseError('xml/malformed', `Malformed XML${where}: ${message.split('\n')[0]}`, {
			line,
			column,
		});
	}
	const err = firstError as { message: string; line?: number; column?: number } | null;
	if (err) {
		const where = err.line ? ` at line ${err.line}, column ${err.column ?? '?'}` : '';
		throw new ParseError('xml/malformed', `Malformed XML${where}: ${err.message.split('\n')[0]}`, {
			line: err.line,
			column: err.column,
		});
	}
	if (!doc.documentElement)
		throw new ParseError('xml/empty', 'The XML document has no root element');
	return { text, doc };
}
