import { describe, expect, it } from 'vitest';
import { looksBinary, prettyXml, shortAlg } from './pretty';

describe('prettyXml', () => {
	it('indents nested elements and keeps short text inline', () => {
		expect(prettyXml('<a><b x="1">t</b><c/></a>')).toBe('<a>\n  <b x="1">t</b>\n  <c/>\n</a>');
	});
	it('never goes below depth zero on fragments', () => {
		expect(prettyXml('</x><y>z</y>')).toBe('</x>\n<y>z</y>');
	});
});

describe('helpers', () => {
	it('spots binary text and shortens URIs', () => {
		expect(looksBinary('\u0000\u0001\u0002abc')).toBe(true);
		expect(looksBinary('<a>plain</a>')).toBe(false);
		expect(shortAlg('http://www.w3.org/2009/xmlenc11#aes256-gcm')).toBe('aes256-gcm');
		expect(shortAlg(null)).toBe('none');
	});
});
