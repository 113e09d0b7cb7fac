// Skeleton trees and streaming canonicalization against the full tree: the same
// canonical octets, digests and verdicts over every signed document of the repository made
// skeletal (thresholds lowered so small documents qualify), xmlsec1-signed envelopes with the
// markup canonicalization gets wrong most easily, and the whole analysis's report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { Analyzer, type AnalysisRequest } from '../../analyze';
import { ParseError } from '../errors';
import type { TreeNode } from '../soap/facts';
import { signedTree } from '../soap/tree';
import type { Report } from '../report/report';
import { CORPUS } from '../../../tests/support/vectors';
import { descendants, NS } from '../xml/dom';
import { elementsInside } from '../xml/element-index';
import { parsePlainXml } from '../xml/fast-parse';
import { elementPath } from '../xml/ids';
import { MAX_XML_DEPTH, parseXml } from '../xml/safe-parse';
import {
	elidedRegion,
	elidedRegions,
	parseSkeletonXml,
	skeletonLimits,
} from '../xml/stream/skeleton';
import { canonicalize, c14nMode, type C14nMode, type NodeSet } from './c14n';
import { verifyDocument } from './document';
import { emptySettings } from '../facts';
import { digestNodeSet } from './stream-digest';
// the bench's own envelope generator (scripts/bench/cases/signatures.mjs)
import { envelope } from '../../../scripts/bench/cases/signatures.mjs';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures');
const STREAM = join(FIXTURES, 'stream');

const ALGORITHMS = [
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
	'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
	'http://www.w3.org/2006/12/xml-c14n11',
	'http://www.w3.org/2006/12/xml-c14n11#WithComments',
	'http://www.w3.org/2001/10/xml-exc-c14n#',
	'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
];

function xmlFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...xmlFiles(path));
		else if (name.endsWith('.xml')) out.push(path);
	}
	return out;
}

/** Both trees of a text: the full one and the skeleton (null when the text keeps its full tree). */
function trees(text: string): { full: Document; skeleton: Document | null } {
	const full = parsePlainXml(text, MAX_XML_DEPTH) ?? parseXml(text).doc;
	return { full, skeleton: parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 1 }) };
}

function elementsOf(doc: Document): Element[] {
	return [...(doc.documentElement ? [doc.documentElement] : []), ...descendants(doc)];
}

/** The element of `doc` at the path of `el` (another tree of the same text). */
function counterpart(doc: Document, el: Element): Element {
	const path = elementPath(el);
	const found = elementsOf(doc).find((e) => elementPath(e) === path);
	if (!found) throw new Error(`no ${path} in the other tree`);
	return found;
}

/** Elements whose subtree holds elided content: the holders and their ancestors. */
function coveringElements(skeleton: Document): Element[] {
	const out = new Set<Element>();
	for (const el of elementsOf(skeleton)) {
		const first = el.firstChild;
		if (!first || !elidedRegion(first)) continue;
		for (let p: Node | null = el; p && p.nodeType === 1; p = p.parentNode) out.add(p as Element);
	}
	return [...out];
}

function modes(prefixes: readonly string[]): C14nMode[] {
	const out: C14nMode[] = [];
	for (const alg of ALGORITHMS) {
		const base = c14nMode(alg) as C14nMode;
		out.push(base);
		if (base.exclusive) {
			out.push({ ...base, inclusivePrefixes: ['#default'] });
			out.push({ ...base, inclusivePrefixes: [...prefixes, '#default'] });
		}
	}
	return out;
}

/** Every canonical form compared: the document and each covering subtree, each mode, with and
 * without comments, with and without the signatures excluded (enveloped-signature). */
function compareCanonicalForms(full: Document, skeleton: Document): number {
	let compared = 0;
	const sigsSkel = new Set<Node>(descendants(skeleton, NS.ds, 'Signature'));
	const sigsFull = new Set<Node>(descendants(full, NS.ds, 'Signature'));
	const prefixes = [
		...new Set(
			elementsOf(full).flatMap((e) =>
				Array.from({ length: e.attributes.length }, (_, i) => e.attributes.item(i)?.name ?? '')
					.filter((n) => n.startsWith('xmlns:'))
					.map((n) => n.slice(6)),
			),
		),
	];
	const roots: [Node, Node][] = [[skeleton, full]];
	for (const el of coveringElements(skeleton)) roots.push([el, counterpart(full, el)]);
	for (const [s, f] of roots)
		for (const mode of modes(prefixes))
			for (const withComments of [false, true])
				for (const excluding of [false, true]) {
					const a: NodeSet = {
						root: s,
						withComments,
						...(excluding ? { excluded: sigsSkel } : {}),
					};
					const b: NodeSet = {
						root: f,
						withComments,
						...(excluding ? { excluded: sigsFull } : {}),
					};
					expect(canonicalize(a, mode), `${elementPath(f)} ${JSON.stringify(mode)}`).toBe(
						canonicalize(b, mode),
					);
					compared++;
				}
	return compared;
}

async function verification(doc: Document): Promise<unknown> {
	const v = await verifyDocument(doc, {
		inputName: 'doc.xml',
		origin: 'input',
		certs: [],
		secrets: [],
	});
	return v.signatures.map((s) => ({ facts: s.facts, canonical: s.canonical }));
}

const SIGNED_SOURCES = [
	CORPUS,
	join(FIXTURES, 'wss'),
	join(FIXTURES, 'saml'),
	join(FIXTURES, 'stream'),
	join(FIXTURES, 'xmlenc'),
	join(FIXTURES, 'mix'),
];

describe('skeleton trees against the full tree, over every XML document of the repository', () => {
	const files = SIGNED_SOURCES.flatMap((d) => xmlFiles(d));
	const skeletal: string[] = [];

	it.each(files.map((f) => [f.slice(FIXTURES.length - 'tests/fixtures'.length)]))(
		'%s: identical canonical forms, digests and verdicts',
		async (rel) => {
			const path = resolve(FIXTURES, '../..', rel);
			const text = readFileSync(path, 'utf8');
			let both: ReturnType<typeof trees>;
			try {
				both = trees(text);
			} catch {
				// refused by the tree parsers (DTD, malformed): no skeleton may accept it either
				expect(parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 1 })).toBeNull();
				return;
			}
			const { full, skeleton } = both;
			if (!skeleton) return;
			skeletal.push(rel);
			expect(elidedRegions(skeleton).length).toBeGreaterThan(0);
			expect(compareCanonicalForms(full, skeleton)).toBeGreaterThan(0);
			expect(await verification(skeleton)).toEqual(await verification(full));
			// every element the skeleton keeps sits where it sits in the full tree
			for (const el of elementsOf(skeleton)) {
				const other = counterpart(full, el);
				expect([el.lineNumber, el.columnNumber], elementPath(el)).toEqual([
					other.lineNumber,
					other.columnNumber,
				]);
			}
		},
	);

	it('the bench envelope at 40 KB, thresholds lowered: identical canonical forms and verification', async () => {
		const { full, skeleton } = trees(envelope(40 * 1024));
		expect(skeleton).not.toBeNull();
		expect(compareCanonicalForms(full, skeleton as Document)).toBeGreaterThan(0);
		expect(await verification(skeleton as Document)).toEqual(await verification(full));
	});

	it('made skeletons of the SOAP envelopes (the comparisons above ran)', () => {
		// the stream fixtures, WSS4J / xmlsec1 / zeep envelopes and SAML tokens in SOAP
		expect(skeletal.filter((f) => f.includes('fixtures/stream/')).length).toBe(12);
		expect(skeletal.length).toBeGreaterThanOrEqual(30);
	});
});

describe('targeted cases: content written canonically whose namespaces still need declaring', () => {
	const env = (body: string, decls = '') =>
		`<s:Envelope xmlns:s="${NS.soap11}" xmlns:ex="urn:x" xmlns="urn:d"${decls}><s:Header/><s:Body>${body}</s:Body></s:Envelope>`;
	it.each([
		[
			'a prefix declared on the Envelope, not used by the holder',
			env('<H><ex:a k="v">x</ex:a><b>y</b></H>'),
		],
		['a prefixed attribute', env('<H><a ex:k="v" z="1">x</a></H>')],
		[
			'the default namespace used below a holder in no namespace',
			env('<H xmlns=""><x:a xmlns:x="urn:y"><b>t</b></x:a></H>'),
		],
		[
			'default namespace undeclared below the holder',
			env('<ex:H><a>1</a><b xmlns="">2</b></ex:H>'),
		],
		['attributes out of canonical order', env('<ex:H><ex:a z="1" a="2">t</ex:a></ex:H>')],
		[
			'prefixed attributes ordered by namespace URI',
			env('<ex:H><ex:a q:z="1" p:z="2">t</ex:a></ex:H>', ' xmlns:p="urn:b" xmlns:q="urn:a"'),
		],
		['text with > and a character reference', env('<ex:H>a &gt; b > c &#38; d</ex:H>')],
		['astral characters across the copy pieces', env(`<ex:H>a${'😀'.repeat(40_000)}</ex:H>`)],
		// pieces of a whole chunk, encoded as they are rather than joined to the pending output
		['runs of text longer than a chunk', env(`<ex:H>${'x&amp;é'.repeat(40_000)}</ex:H>`)],
		['astral characters in whole-chunk pieces', env(`<ex:H>ab${'😀'.repeat(70_000)}</ex:H>`)],
	])('%s: identical canonical forms', (_what, text) => {
		const { full, skeleton } = trees(text);
		expect(skeleton).not.toBeNull();
		expect(compareCanonicalForms(full, skeleton as Document)).toBeGreaterThan(0);
	});
});

describe('xmlsec1-signed envelopes with tricky bulk content (tests/fixtures/stream)', () => {
	const names = readdirSync(STREAM)
		.filter((f) => f.endsWith('.xml'))
		.sort();

	it.each(names)('%s: the skeleton verifies as xmlsec1 did', async (name) => {
		const text = readFileSync(join(STREAM, name), 'utf8');
		const skeleton = parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 1 });
		expect(skeleton).not.toBeNull();
		const doc = skeleton as Document;
		// the bulk content is not in the tree: the Body's children have no element children
		expect(descendants(doc).some((e) => e.localName === 'line')).toBe(false);
		const v = await verifyDocument(doc, {
			inputName: name,
			origin: 'input',
			certs: [],
			secrets: [],
		});
		const facts = v.signatures[0]?.facts;
		if (name.startsWith('tampered-')) {
			expect(facts?.failureKind).toBe('digest-mismatch');
			expect(facts?.references[0]?.digestValid).toBe(false);
		} else {
			expect(facts?.error).toBeUndefined();
			expect(facts?.valid).toBe(true);
		}
	});
});

describe('mutated envelopes (seeded): a skeleton only of what the plain parser takes, and the same canonical form', () => {
	// markup inserted into or cut from the bulk content of the stream fixtures: most mutants are
	// malformed (no skeleton may accept one), the rest must canonicalize alike in both trees
	const PIECES = [
		'<',
		'>',
		'&',
		'&amp;',
		'&#x9;',
		'"',
		"'",
		' ',
		'\r\n',
		'\r',
		'xmlns="" ',
		'xmlns:ex="urn:z" ',
		'a="1" ',
		'<!-- c -->',
		'<![CDATA[x]]>',
		'<?p d?>',
		'</ex:line>',
		'<ex:n>',
		']]>',
		'\u0085',
		'é',
		'😀',
		'Id="x" ',
		'/',
	];
	const MODES = [
		'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
		'http://www.w3.org/2001/10/xml-exc-c14n#',
		'http://www.w3.org/2006/12/xml-c14n11',
	].map((alg) => c14nMode(alg) as C14nMode);

	it('300 mutants', () => {
		let seed = 7;
		const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
		const bases = readdirSync(STREAM)
			.filter((f) => f.endsWith('.xml'))
			.map((f) => readFileSync(join(STREAM, f), 'utf8'));
		let skeletal = 0;
		let refused = 0;
		for (let n = 0; n < 300; n++) {
			let t = bases[Math.floor(random() * bases.length)] as string;
			const from = t.indexOf('<ex:Order');
			const to = t.indexOf('</soapenv:Body>');
			for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
				const at = from + Math.floor(random() * (to - from));
				const piece = PIECES[Math.floor(random() * PIECES.length)] as string;
				t =
					random() < 0.7
						? t.slice(0, at) + piece + t.slice(at)
						: t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 5));
			}
			let full: Document | null;
			try {
				full = parseXml(t).doc;
			} catch (error) {
				// refused as before: a ParseError with its reason
				expect(error).toBeInstanceOf(ParseError);
				full = null;
			}
			const skeleton = parseSkeletonXml(t, MAX_XML_DEPTH, { minRegion: 1 });
			if (!full) {
				expect(skeleton, t).toBeNull();
				refused++;
				continue;
			}
			if (!skeleton) continue;
			expect(parsePlainXml(t, MAX_XML_DEPTH), t).not.toBeNull();
			skeletal++;
			for (const mode of MODES)
				for (const m of [mode, { ...mode, inclusivePrefixes: ['#default', 'ex'] }])
					expect(canonicalize({ root: skeleton, withComments: true }, m), t).toBe(
						canonicalize({ root: full, withComments: true }, m),
					);
		}
		// both outcomes were exercised
		expect(skeletal).toBeGreaterThan(20);
		expect(refused).toBeGreaterThan(100);
	});
});

describe('what keeps the full tree', () => {
	const body = (inner: string, extra = '') =>
		`<s:Envelope xmlns:s="${NS.soap11}"${extra}><s:Header/><s:Body><ex:Big xmlns:ex="urn:x">${inner}</ex:Big></s:Body></s:Envelope>`;
	const items = '<ex:i a="1">text &amp; more</ex:i>'.repeat(50);

	it.each([
		['a document that is not a SOAP envelope', `<r>${items}</r>`],
		[
			'an XPath transform',
			body(items, '').replace(
				'<s:Header/>',
				`<s:Header><Signature xmlns="${NS.ds}"><SignedInfo><Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/></Transforms></Reference></SignedInfo></Signature></s:Header>`,
			),
		],
		[
			'an xenc:EncryptedData anywhere (decryption rewrites the tree)',
			body(items).replace(
				'<s:Header/>',
				`<s:Header><e:EncryptedData xmlns:e="${NS.xenc}"/></s:Header>`,
			),
		],
		[
			'an xenc:CipherReference (its transforms may select any node)',
			body(items).replace(
				'<s:Header/>',
				`<s:Header><e:EncryptedKey xmlns:e="${NS.xenc}"><e:CipherData><e:CipherReference URI="#x"/></e:CipherData></e:EncryptedKey></s:Header>`,
			),
		],
		['an undeclared prefix in the content', body(items + '<u:x/>')],
		['a bare & in the content', body(items + '<ex:i>a & b</ex:i>')],
		['an unknown entity in the content', body(items + '<ex:i>&nbsp;</ex:i>')],
		['a character reference to a non-character', body(items + '<ex:i>&#0;</ex:i>')],
		['a duplicate attribute in the content', body(items + '<ex:i a="1" a="2"/>')],
		['a mismatched end tag in the content', body(items + '<ex:i></ex:j>')],
		["']]>' in text", body(items + '<ex:i>a ]]> b</ex:i>')],
		['-- in a comment', body(items + '<!-- a -- b -->')],
	])('%s', (_what, text) => {
		expect(parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 1 })).toBeNull();
	});

	it('content with an ID attribute or a security namespace stays in the tree; its clean siblings do not', () => {
		const text = body(
			`<ex:a>${items}</ex:a><ex:b><ex:c Id="c">${items}</ex:c></ex:b><ex:d><w:T xmlns:w="${NS.wsu}">1</w:T></ex:d>`,
		);
		const doc = parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 1 }) as Document;
		expect(doc).not.toBeNull();
		const names = descendants(doc).map((e) => e.localName);
		// ex:a's content and ex:c's content are regions; ex:c itself (an ID) and ex:d's wsu stay
		expect(names).toContain('c');
		expect(names).toContain('T');
		expect(names.filter((n) => n === 'i')).toEqual([]);
		expect(elidedRegions(doc).length).toBe(2);
	});

	it('an EncryptedKey alone keeps the skeleton; content naming an id by URI stays in the tree', () => {
		const text = body(`<ex:a>${items}</ex:a><ex:b><ex:ref URI="#EK-1"/>${items}</ex:b>`).replace(
			'<s:Header/>',
			`<s:Header><e:EncryptedKey xmlns:e="${NS.xenc}" Id="EK-1"/></s:Header>`,
		);
		const doc = parseSkeletonXml(text, MAX_XML_DEPTH, { minRegion: 100 }) as Document;
		expect(doc).not.toBeNull();
		const names = descendants(doc).map((e) => e.localName);
		expect(names).toContain('ref');
		expect(names.filter((n) => n === 'i')).toHaveLength(50);
		expect(elidedRegions(doc)).toHaveLength(1);
	});

	it('the deepest nesting is refused as before', () => {
		const deep = '<ex:n>'.repeat(MAX_XML_DEPTH) + '</ex:n>'.repeat(MAX_XML_DEPTH);
		expect(parseSkeletonXml(body(deep), MAX_XML_DEPTH, { minRegion: 1 })).toBeNull();
		expect(() => parseXml(body(deep))).toThrow(/deeper|depth/i);
	});
});

describe('the bench envelope at the default thresholds', () => {
	it('a 1 MB order becomes a skeleton of a few nodes whose digest is the full tree’s', async () => {
		const text = envelope(1024 * 1024);
		const skeleton = parseXml(text).doc;
		const full = parsePlainXml(text, MAX_XML_DEPTH) as Document;
		expect(elidedRegions(skeleton)).toHaveLength(1);
		expect(elementsInside(skeleton)?.length).toBeLessThan(20);
		expect(elementsInside(full)?.length).toBeGreaterThan(8_000);
		const mode = c14nMode('http://www.w3.org/2001/10/xml-exc-c14n#') as C14nMode;
		const sig = (d: Document) => new Set<Node>(descendants(d, NS.ds, 'Signature'));
		const a = await digestNodeSet(
			{ root: skeleton, withComments: false, excluded: sig(skeleton) },
			mode,
			'sha256',
			64,
		);
		const b = await digestNodeSet(
			{ root: full, withComments: false, excluded: sig(full) },
			mode,
			'sha256',
			64,
		);
		// buffered for one WebCrypto call, and fed incrementally from the first chunk on
		const c = await digestNodeSet(
			{ root: skeleton, withComments: false, excluded: sig(skeleton) },
			mode,
			'sha256',
			64,
			1,
		);
		expect(a.length).toBe(b.length);
		expect(a.digest).toEqual(b.digest);
		expect(c.digest).toEqual(b.digest);
		expect(new TextDecoder().decode(a.head)).toBe(new TextDecoder().decode(b.head));
	});

	it('the page’s tree counts the items the skeleton left in the text', () => {
		const text = envelope(1024 * 1024);
		const find = (t: TreeNode | null, name: string): TreeNode | undefined =>
			!t ? undefined : t.name === name ? t : t.children.map((c) => find(c, name)).find(Boolean);
		const skeletal = find(signedTree(parseXml(text).doc, [], null), 'ex:PlaceOrder');
		const full = find(
			signedTree(parsePlainXml(text, MAX_XML_DEPTH) as Document, [], null),
			'ex:PlaceOrder',
		);
		expect(skeletal?.children).toEqual([]);
		expect(skeletal?.omitted).toBe((full?.omitted ?? 0) + (full?.children.length ?? 0));
		expect(skeletal?.omitted).toBeGreaterThan(8_000);
	});
});

describe('octets parsed for a transform', () => {
	it('a detached SOAP file large enough for a skeleton gets its full tree for an XPath transform', async () => {
		const external = new TextEncoder().encode(envelope(600 * 1024));
		const signed = `<r><Signature xmlns="${NS.ds}"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><Reference URI="big.xml"><Transforms><Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><XPath>true()</XPath></Transform></Transforms><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue>AAAA</DigestValue></Reference></SignedInfo><SignatureValue>AAAA</SignatureValue></Signature></r>`;
		const reference = async () =>
			(
				await verifyDocument(parseXml(signed).doc, {
					inputName: 'sig.xml',
					origin: 'input',
					certs: [],
					secrets: [],
					external: (uri) => (uri === 'big.xml' ? external : null),
				})
			).signatures[0]?.facts.references[0];
		expect(elidedRegions(parseXml(envelope(600 * 1024)).doc)).toHaveLength(1);
		const ref = await reference();
		const saved = { ...skeletonLimits };
		let full: Awaited<ReturnType<typeof reference>>;
		try {
			skeletonLimits.minChars = Number.POSITIVE_INFINITY;
			full = await reference();
		} finally {
			Object.assign(skeletonLimits, saved);
		}
		expect(ref?.computedDigest).toBeTruthy();
		expect(ref?.error).toMatch(/digest mismatch/);
		expect(ref?.computedDigest).toBe(full?.computedDigest);
	});
});

describe('the whole analysis over skeletons', () => {
	function stable(report: Report): unknown {
		const { generatedAt: _ignored, ...rest } = report;
		return rest;
	}
	const request = (paths: string[]): AnalysisRequest => ({
		files: paths.map((path, i) => ({
			id: `in${i + 1}`,
			name: path.replace(/^.*\//, ''),
			bytes: new Uint8Array(readFileSync(path)),
		})),
		passwords: {},
		entryPasswords: {},
		settings: { ...emptySettings(), now: '2026-12-01T00:00:00.000Z' },
	});
	const signal = new AbortController().signal;

	it.each([
		['WS-Security envelopes with their certificates and keys', join(FIXTURES, 'wss')],
		['SAML tokens', join(FIXTURES, 'saml')],
		['xmlsec1 envelopes with tricky bulk content', STREAM],
	])('%s: the same report as over full trees', async (_what, dir) => {
		const paths = readdirSync(dir)
			.filter((f) => !f.endsWith('.md') && !f.endsWith('.java') && statSync(join(dir, f)).isFile())
			.map((f) => join(dir, f));
		const full = await new Analyzer().run(request(paths), () => undefined, signal);
		const saved = { ...skeletonLimits };
		let skeletal: Awaited<ReturnType<Analyzer['run']>>;
		try {
			skeletonLimits.minChars = 0;
			skeletonLimits.minRegion = 1;
			skeletal = await new Analyzer().run(request(paths), () => undefined, signal);
		} finally {
			Object.assign(skeletonLimits, saved);
		}
		expect(stable(skeletal.report)).toEqual(stable(full.report));
		expect(full.report.signatures?.length).toBeGreaterThan(0);
	});
});
