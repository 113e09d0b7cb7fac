// The fast path must build exactly the tree xmldom builds: compared node by node over every XML
// file we have from real producers (the shared corpus, xmlsec1, WSS4J, Santuario, zeep, the WSDL
// and TLS fixtures) and over hand-made edge cases; anything it does not take falls back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DOMParser, type Attr, type Document, type Element, type Node } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { elementsInside, elementsWithIdAttributes, ID_LIKE_ATTRIBUTES } from './element-index';
import { parsePlainXml } from './fast-parse';
import { MAX_XML_DEPTH, parseXml } from './safe-parse';
import { CORPUS } from '../../../tests/support/vectors';

const REPO = resolve(import.meta.dirname, '../../..');
const ROOTS = [resolve(REPO, 'tests/fixtures'), CORPUS];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = resolve(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

/** Every node's type, names, namespace, value, attributes (in order) and element position. */
function dump(node: Node, out: string[] = [], depth = 0): string[] {
	const n = node as Node & {
		localName?: string | null;
		prefix?: string | null;
		lineNumber?: number;
		columnNumber?: number;
		attributes?: { length: number; item(i: number): Node | null };
	};
	const where = n.nodeType === 1 ? ` @${n.lineNumber}:${n.columnNumber}` : '';
	out.push(
		`${depth} ${n.nodeType} ${n.nodeName} {${n.namespaceURI ?? ''}} ${n.prefix ?? ''}|${n.localName ?? ''} ${JSON.stringify(n.nodeValue)}${where}`,
	);
	const attrs = n.attributes;
	if (attrs && n.nodeType === 1) {
		const el = n as unknown as Element;
		// the lookups go through xmldom's own indexes and namespace maps, not the list
		if (el.lookupNamespaceURI(el.prefix ?? null) !== el.namespaceURI) out.push('BAD NS LOOKUP');
		for (let i = 0; i < attrs.length; i++) {
			const a = attrs.item(i) as Attr;
			if (el.getAttributeNodeNS(a.namespaceURI, a.localName ?? a.name) !== a)
				out.push('BAD NS INDEX');
			if (el.getAttributeNode(a.name) !== a) out.push('BAD NAME INDEX');
			if (a.ownerElement !== el) out.push('BAD OWNER');
			out.push(
				`${depth}  @${a.nodeName} {${a.namespaceURI ?? ''}} ${a.prefix ?? ''}|${a.localName} ${JSON.stringify(a.value)} ${JSON.stringify(a.nodeValue)}`,
			);
		}
	}
	let count = 0;
	for (let c = n.firstChild; c; c = c.nextSibling) {
		if (c.parentNode !== n) out.push('BAD PARENT');
		if (n.childNodes.item(count) !== c) out.push('BAD CHILDNODES');
		count++;
		dump(c, out, depth + 1);
	}
	if (n.childNodes.length !== count) out.push('BAD LENGTH');
	return out;
}

function walked(root: Node): Element[] {
	const out: Element[] = [];
	for (let c = root.firstChild; c; c = c.nextSibling)
		if (c.nodeType === 1) out.push(c as Element, ...walked(c));
	return out;
}

/** The recorded element list answers like a walk, for the document and a sample of elements. */
function checkIndex(doc: Node, path: string): void {
	expect(elementsInside(doc), path).toEqual(walked(doc));
	const all = walked(doc);
	const withIds = all.filter((e) => {
		for (let i = 0; i < e.attributes.length; i++) {
			const a = e.attributes.item(i) as Attr;
			if (ID_LIKE_ATTRIBUTES.has(a.localName ?? a.name)) return true;
		}
		return false;
	});
	expect(elementsWithIdAttributes(doc as Document), path).toEqual(withIds);
	const step = Math.max(1, Math.floor(all.length / 50));
	for (let i = 0; i < all.length; i += step) {
		const el = all[i] as Element;
		const inside = elementsInside(el);
		if (
			!inside ||
			inside.length !== walked(el).length ||
			inside.some((e, k) => e !== walked(el)[k])
		)
			throw new Error(`${path}: element list disagrees with a walk under ${el.tagName}`);
	}
}

function xmldomTree(text: string): Node | null {
	let failed = false;
	try {
		const doc = new DOMParser({
			onError: (level) => {
				if (level !== 'warning') failed = true;
			},
		}).parseFromString(text, 'text/xml');
		return failed ? null : doc;
	} catch {
		return null;
	}
}

describe('parsePlainXml', () => {
	it('builds the same tree as xmldom for every XML file from real producers', () => {
		let same = 0;
		let fallback = 0;
		const fellBack: string[] = [];
		for (const path of ROOTS.flatMap(files)) {
			const text = readFileSync(path, 'utf8');
			if (!/^\s*</.test(text) || /<!(DOCTYPE|ENTITY)/i.test(text)) continue;
			const reference = xmldomTree(text);
			if (!reference) continue;
			const fast = parsePlainXml(text, MAX_XML_DEPTH);
			if (!fast) {
				fallback++;
				fellBack.push(relative(REPO, path));
				continue;
			}
			expect(dump(fast).join('\n'), path).toBe(dump(reference).join('\n'));
			checkIndex(fast, path);
			same++;
		}
		console.log(`fast XML path: ${same} files identical to xmldom, ${fallback} fell back`);
		if (fellBack.length) console.log(fellBack.join('\n'));
		expect(same).toBeGreaterThan(300);
		expect(fallback).toBeLessThan(same / 20);
	});

	it.each([
		[
			'declaration, comments, PIs, whitespace around the root',
			'<?xml version="1.0"?>\n<!--c-->\n<?pi  d ?>\n<a/>\n<!--e-->\n',
		],
		[
			'entities and character references',
			'<a b="&lt;&#x41;&#66;&quot;&apos;">&amp;&gt;&#xD;&#9;x</a>',
		],
		['attribute whitespace normalized', '<a b="1\t2\n3"/>'],
		['escaped references stay literal', '<a b="&amp;lt;">&amp;amp;&amp;#65; x &amp; y</a>'],
		['CDATA beside text', '<a>x<![CDATA[<y>]]>z</a>'],
		['CRLF line ends', '<a>\r\n<b\r\n c="1"/>\r</a>'],
		['default namespace undeclared', '<a xmlns="urn:a"><b xmlns=""><c/></b></a>'],
		[
			'prefixes shadowed and attribute namespaces',
			'<p:a xmlns:p="urn:1" p:x="1" xml:lang="en"><p:b xmlns:p="urn:2" p:y="2"/></p:a>',
		],
		['empty elements and attribute quotes', "<a><b c='x\"y'/><d></d></a>"],
	])('matches xmldom: %s', (_name, text) => {
		const fast = parsePlainXml(text, MAX_XML_DEPTH);
		const reference = xmldomTree(text);
		expect(fast).not.toBeNull();
		expect(reference).not.toBeNull();
		expect(dump(fast as Node).join('\n')).toBe(dump(reference as Node).join('\n'));
	});

	it.each([
		['unbound prefix', '<p:a/>'],
		['mismatched end tag', '<a></b>'],
		['unknown entity', '<a>&nbsp;</a>'],
		['bare ampersand', '<a>fish & chips</a>'],
		['duplicate attribute', '<a b="1" b="2"/>'],
		['duplicate expanded attribute', '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>'],
		['less-than in an attribute', '<a b="<"/>'],
		['text after the root', '<a/>x'],
		['two roots', '<a/><b/>'],
		['non-ASCII name', '<ä/>'],
		['byte order mark', '\uFEFF<a/>'],
		['unclosed', '<a><b>'],
		['attributes without space', '<a b="1"c="2"/>'],
		['invalid character reference', '<a>&#0;</a>'],
	])('leaves %s to xmldom', (_name, text) => {
		expect(parsePlainXml(text, MAX_XML_DEPTH)).toBeNull();
	});

	it('leaves too-deep nesting to the depth check, which names the line', () => {
		const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
		expect(parsePlainXml(deep, MAX_XML_DEPTH)).toBeNull();
		expect(() => parseXml(deep)).toThrow(/deeper than 256 levels at line 1/);
		const fits = '<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH);
		expect(parsePlainXml(fits, MAX_XML_DEPTH)).not.toBeNull();
	});

	it('stops answering from the element list once the document changes', () => {
		const doc = parsePlainXml('<a><b><c/></b><d/></a>', MAX_XML_DEPTH) as Document;
		const b = doc.documentElement?.firstChild as Element;
		expect(elementsInside(b)?.map((e) => e.tagName)).toEqual(['c']);
		const clone = b.cloneNode(true);
		expect(elementsInside(clone)).toBeNull();
		b.appendChild(doc.createElement('e'));
		expect(elementsInside(b)).toBeNull();
		expect(elementsInside(doc)).toBeNull();
	});

	it('yields documents whose live lists and lookups work', () => {
		const doc = parsePlainXml('<a xmlns:p="urn:p"><p:b/><p:b/></a>', MAX_XML_DEPTH);
		const list = doc?.getElementsByTagNameNS('urn:p', 'b');
		expect(list?.length).toBe(2);
		expect(doc?.documentElement?.lookupNamespaceURI('p')).toBe('urn:p');
		doc?.documentElement?.appendChild(doc.createElementNS('urn:p', 'p:b'));
		expect(list?.length).toBe(3);
	});

	it('lets xmldom set, replace and remove attributes of parsed elements', () => {
		const doc = parsePlainXml('<a xmlns:p="urn:p" b="1" p:c="2"/>', MAX_XML_DEPTH) as Document;
		const a = doc.documentElement as Element;
		a.setAttribute('b', '10');
		a.setAttributeNS('urn:p', 'p:c', '20');
		a.setAttributeNS('urn:q', 'q:d', '30');
		a.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:q', 'urn:q');
		// an element that declared nothing when parsed
		const child = doc.createElementNS('urn:z', 'z:c');
		a.appendChild(child);
		const plain = parsePlainXml('<r><s/></r>', MAX_XML_DEPTH)?.documentElement
			?.firstChild as Element;
		plain.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:z', 'urn:z');
		expect(plain.lookupNamespaceURI('z')).toBe('urn:z');
		expect(a.attributes.length).toBe(5);
		expect([
			a.getAttribute('b'),
			a.getAttributeNS('urn:p', 'c'),
			a.getAttributeNS('urn:q', 'd'),
		]).toEqual(['10', '20', '30']);
		expect(a.lookupNamespaceURI('q')).toBe('urn:q');
		a.removeAttribute('b');
		expect(a.hasAttribute('b')).toBe(false);
		expect(a.attributes.length).toBe(4);
	});

	it('finds no inherited names in attribute indexes and namespace maps', () => {
		const doc = parsePlainXml('<a xmlns:p="urn:p" b="1" p:c="2"><d/></a>', MAX_XML_DEPTH);
		const a = doc?.documentElement as Element;
		const d = a.firstChild as Element;
		for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
			expect(a.getAttribute(name)).toBeNull();
			expect(a.getAttributeNS('urn:p', name)).toBeNull();
			expect(d.getAttribute(name)).toBeNull();
			expect(d.lookupNamespaceURI(name)).toBeNull();
		}
		expect(d.lookupNamespaceURI('p')).toBe('urn:p');
		expect(a.getAttributeNS('urn:p', 'c')).toBe('2');
	});
});
