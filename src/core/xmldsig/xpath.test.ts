// XPath filter transform: the namespace, following and preceding axes, and the canonical form of
// node-sets whose namespace nodes are filtered (checked against merlin's signed references).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { canonicalizeFiltered } from './c14n-filtered';
import { c14nMode } from './c14n';
import { verifyDocument } from './document';
import { evaluateXPathFilter } from './xpath';
import { CORPUS } from '../../../tests/support/vectors';

const SOURCE = `<r xmlns="urn:d" xmlns:a="urn:a"><a:x xmlns:b="urn:b"><b:y/>t</a:x><z/><!--c--></r>`;

function filter(expr: string) {
	const { doc } = parseXml(SOURCE);
	const xp = parseXml(`<XPath xmlns:a="urn:a" xmlns:d="urn:d">${expr}</XPath>`).doc
		.documentElement as Element;
	const set = evaluateXPathFilter({ root: doc, withComments: false }, xp, xp);
	const el = (name: string) => doc.getElementsByTagName(name)[0] as Element;
	return { doc, set, el };
}

describe('XPath filter transform axes', () => {
	it.each([
		// [expression, element, prefix, namespace node kept]
		['count(namespace::*) = 4', 'a:x', 'b', false], // a namespace node has no namespace nodes
		['self::node()[name() = "b"]', 'a:x', 'b', true],
		['self::node()[name() = "b"]', 'a:x', 'a', false],
		['string(.) = namespace-uri(..)', 'a:x', 'a', true],
		['string(.) = namespace-uri(..)', 'a:x', '', false],
		['string(.) = namespace-uri(..)', 'r', '', true],
		['count(../namespace::*) = count(../namespace::* | .)', 'b:y', 'b', true],
		['namespace-uri() = ""', 'r', 'a', true],
		['ancestor::d:r', 'a:x', 'a', true],
	])('%s on <%s>, namespace node "%s": kept %s', (expr, elName, prefix, kept) => {
		const { set, el } = filter(expr);
		expect(set.namespaceFilter?.(el(elName), prefix)).toBe(kept);
	});

	it('counts namespace nodes, xml included, undeclared prefixes not', () => {
		const { set, el } = filter('count(namespace::*) = 4');
		expect(set.filter?.(el('a:x'))).toBe(true);
		expect(set.filter?.(el('r'))).toBe(false); // xml, '', a
		expect(filter('count(namespace::*) = 3').set.filter?.(el('r'))).toBe(true);
	});

	it.each([
		// following: after the context in document order, not descendants
		['count(following::*) = 1', 'a:x', true], // z
		['count(following::node()) = 2', 'a:x', true], // z, comment
		['count(following::*) = 1', 'b:y', true], // z (the text is not an element)
		['following::d:z', 'b:y', true],
		['following::a:x', 'b:y', false],
		// preceding: before the context, not ancestors; reverse axis (position 1 is nearest)
		['count(preceding::*) = 2', 'z', true], // a:x, b:y
		['preceding::*[1][local-name() = "y"]', 'z', true],
		['count(preceding::*) = 0', 'b:y', true], // a:x and r are ancestors
	])('%s on <%s> is %s', (expr, elName, want) => {
		const { set, el } = filter(expr);
		expect(set.filter?.(el(elName))).toBe(want);
	});

	it('canonicalizes an element whose namespace nodes were dropped, and orphan declarations', () => {
		// keep elements and text, and only namespace nodes matching their element's namespace
		const { set } = filter(
			'self::text() or namespace-uri() != "" or string(.) = namespace-uri(..)',
		);
		const mode = c14nMode('http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
		if (!mode) throw new Error('no c14n');
		expect(canonicalizeFiltered(set, mode)).toBe(
			// a:x and b:y lost their default namespace node while r kept it: xmlns="" (C14N 2.3)
			'<r xmlns="urn:d"><a:x xmlns="" xmlns:a="urn:a"><b:y xmlns="" xmlns:b="urn:b"></b:y>t</a:x><z></z></r>',
		);
		// only namespace nodes: no element is output, yet each element's declarations are, again
		// for every element since none is output (libxml2's and Santuario's behaviour)
		const ns = filter('count(../namespace::*) = count(../namespace::* | .)').set;
		expect(canonicalizeFiltered(ns, mode)).toBe(
			[
				' xmlns="urn:d" xmlns:a="urn:a"', // r
				' xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b"', // a:x
				' xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b"', // b:y
				' xmlns="urn:d" xmlns:a="urn:a"', // z
			].join(''),
		);
	});
});

describe('merlin-c14n-three (namespace axis in XPath transforms)', () => {
	it('every one of the 27 references digests as signed', async () => {
		const text = readFileSync(resolve(CORPUS, 'xmlsec/merlin-c14n-three/signature.xml'), 'utf8');
		const r = await verifyDocument(parseXml(text).doc, {
			inputName: 'signature.xml',
			origin: 'input',
			certs: [],
			secrets: [],
		});
		const refs = r.signatures[0]?.facts.references ?? [];
		expect(refs).toHaveLength(27);
		const bad = refs.flatMap((ref, i) => (ref.digestValid ? [] : [`#${i + 1}: ${ref.error}`]));
		expect(bad).toEqual([]);
		expect(r.signatures[0]?.facts.cryptoValid).toBe(true);
	});
});
