// Safe XML parsing for every XML input: DOCTYPE and entity declarations are rejected before any
// parser sees the text (shared/notes/libraries.md section 7), sizes and depth are bounded, and
// parser errors carry line and column. Uses @xmldom/xmldom so it runs in a Web Worker and Node.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { ParseError } from '../errors';
import { parsePlainXml } from './fast-parse';

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

/** Finds a DOCTYPE or ENTITY declaration outside comments and CDATA; returns its offset or -1. */
function findDeclaration(text: string): number {
	const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(DOCTYPE|ENTITY)/gi;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (m[1]) return m.index;
	}
	return -1;
}

/** Nesting depth check on the raw text, before building a DOM (a 100 000-deep file never reaches the parser). */
function checkDepth(text: string): void {
	let depth = 0;
	// quoted attribute values may hold '>' or '/>': skip them whole so a crafted tag cannot hide its depth
	const re =
		/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[A-Za-z_](?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (m[1] === undefined) continue;
		if (m[1] === '/') depth--;
		else if (m[2] !== '/') {
			depth++;
			if (depth > MAX_XML_DEPTH) {
				const at = lineColumn(text, m.index);
				throw new ParseError(
					'xml/too-deep',
					`XML nesting deeper than ${MAX_XML_DEPTH} levels at line ${at.line}, column ${at.column}: refused to parse`,
					{ offset: m.index, ...at },
				);
			}
		}
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
	const plain = parsePlainXml(text, MAX_XML_DEPTH);
	if (plain) return { text, doc: plain };
	const decl = findDeclaration(text);
	if (decl !== -1) {
		const at = lineColumn(text, decl);
		throw new ParseError(
			'xml/doctype',
			`XML contains a DOCTYPE or ENTITY declaration (line ${at.line}, column ${at.column}); refused before parsing, as SOAP forbids DTDs and they enable entity-expansion attacks`,
			{ offset: decl, ...at },
		);
	}
	checkDepth(text);
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
		const message = error instanceof Error ? error.message : String(error);
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
