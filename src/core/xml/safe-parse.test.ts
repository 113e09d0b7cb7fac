// Hostile and broken XML: every case ends in a specific ParseError quickly, never a hang.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { MAX_XML_DEPTH, parseXml } from './safe-parse';

function failure(text: string): ParseError {
	try {
		parseXml(text);
	} catch (e) {
		if (e instanceof ParseError) return e;
		throw e;
	}
	throw new Error('parsed');
}

describe('parseXml on hostile input', () => {
	it.each([
		[
			'DOCTYPE',
			'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
			'xml/doctype',
			/line 2, column 1/,
		],
		[
			'billion laughs',
			'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>',
			'xml/doctype',
			/DOCTYPE/,
		],
		[
			'external entity',
			'<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
			'xml/doctype',
			/entity-expansion/,
		],
		['lower-case doctype', '<!doctype a><a/>', 'xml/doctype', /DOCTYPE/],
		['unclosed element', '<a><b></a>', 'xml/malformed', /Malformed XML/],
		['two roots', '<a/><b/>', 'xml/malformed', /Malformed XML/],
		['empty', '', 'xml/malformed', /XML/],
		['not XML', 'hello world', 'xml/malformed', /XML/],
	])('%s', (_name, text, code, message) => {
		const e = failure(text);
		expect(e.code === code || (code === 'xml/malformed' && e.code === 'xml/empty')).toBe(true);
		expect(e.message).toMatch(message);
	});

	it('keeps a DOCTYPE inside a comment or CDATA harmless', () => {
		expect(
			parseXml('<a><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y>]]></a>').doc.documentElement?.tagName,
		).toBe('a');
	});

	it('refuses 100 000-deep nesting before building a DOM', () => {
		const n = 100_000;
		const e = failure('<a>'.repeat(n) + '</a>'.repeat(n));
		expect(e.code).toBe('xml/too-deep');
		expect(e.message).toMatch(new RegExp(`deeper than ${MAX_XML_DEPTH}`));
	});

	it('does not let quoted "/>" hide nesting depth', () => {
		const n = 1000;
		const e = failure('<a x="/>">'.repeat(n) + '</a>'.repeat(n));
		expect(e.code).toBe('xml/too-deep');
	});

	// The time it takes is measured by the bench (scripts/bench/cases/hostile.mjs).
	it('parses an element with 20 000 attributes', () => {
		const attrs = Array.from({ length: 20_000 }, (_, i) => `a${i}="${i}"`).join(' ');
		const doc = parseXml(`<r ${attrs}/>`).doc;
		expect(doc.documentElement?.attributes.length).toBe(20_000);
	});

	it('reports line and column of a syntax error', () => {
		const e = failure('<a>\n  <b x="1" x="2"/>\n</a>');
		expect(e.message).toMatch(/line 2/);
	});

	it('keeps the exact text for verification', () => {
		const text = '<a  b="1"\r\n>x</a>';
		expect(parseXml(text).text).toBe(text);
	});

	it('counts nesting of non-ASCII element names (2,000 deep <ä>, the engine-killing envelope)', () => {
		const n = 2000;
		const e = failure(
			`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${'<ä>'.repeat(n)}${'</ä>'.repeat(n)}</soap:Body></soap:Envelope>`,
		);
		expect(e.code).toBe('xml/too-deep');
		expect(e.message).toContain(`deeper than ${MAX_XML_DEPTH} levels`);
		// the element that crossed the bound: 2 SOAP levels + 255 <ä> open before it
		expect(e.where.offset).toBe(
			'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'.length +
				(MAX_XML_DEPTH - 2) * 3,
		);
	});

	it.each([
		[
			'after a processing instruction',
			'<?xml version="1.0"?><?pi x?><!DOCTYPE a [<!ENTITY e "y">]><a>&e;</a>',
		],
		[
			'after a PI holding a fake comment opener',
			'<?pi <!--?><!DOCTYPE a [<!ENTITY e "y">]><a>&e;</a><!-- -->',
		],
		['after a BOM', '\uFEFF<!DOCTYPE a [<!ENTITY e "y">]><a>&e;</a>'],
		['after a comment', '<!-- c --><!DOCTYPE a><a/>'],
		['an ELEMENT declaration alone', '<a><!ELEMENT a ANY></a>'],
	])('refuses a DOCTYPE %s before parsing', (_name, text) => {
		const e = failure(text);
		expect(e.code).toBe('xml/doctype');
		expect(text.slice(e.where.offset ?? -1).startsWith('<!')).toBe(true);
	});

	it('refuses UTF-16 text read as UTF-8 (NUL characters) before parsing', () => {
		const utf16 = '<!DOCTYPE a [<!ENTITY e "y">]><a>&e;</a>'.split('').join('\u0000') + '\u0000';
		const e = failure(utf16);
		expect(e.code).toBe('xml/nul');
		expect(e.message).toMatch(/NUL character \(line 1, column 2\)/);
	});

	it.each([
		[
			'comment',
			'<a>' + '<!--'.repeat(32 * 1024),
			/comment opened at line 1, column 4 is never closed/,
		],
		['CDATA', '<a><![CDATA[' + 'x'.repeat(1000), /CDATA section opened at line 1, column 4/],
		[
			'processing instruction',
			'<a><?pi ' + '<?'.repeat(1000),
			/processing instruction opened at line 1, column 4/,
		],
		['tag', '<a><b x="' + '>'.repeat(1000), /tag opened at line 1, column 4/],
	])('stops at the first unterminated %s (one linear pass)', (_name, text, message) => {
		const e = failure(text);
		expect(e.code).toBe('xml/unterminated');
		expect(e.message).toMatch(message);
	});
});
