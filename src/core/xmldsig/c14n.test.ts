// The canonicalizer writes its output in chunks of encoded bytes: a document already in canonical
// form must come back byte for byte, whatever characters straddle the chunk boundaries.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { canonicalize, canonicalizeBytes, canonicalizeInto } from './c14n';

const EXCLUSIVE = { exclusive: true, withComments: false };
const INCLUSIVE = { exclusive: false, withComments: false };

function canonicalDocument(items: number): string {
	const parts = ['<r:root xmlns:r="urn:r">'];
	for (let i = 0; i < items; i++)
		parts.push(`<r:item n="${i}">é😀 ${'x'.repeat(i % 97)} &amp; &lt;ü&gt;</r:item>`);
	parts.push('</r:root>');
	return parts.join('');
}

describe('canonicalizeBytes', () => {
	it.each([
		['exclusive', EXCLUSIVE],
		['inclusive', INCLUSIVE],
	])('returns a canonical multi-chunk document unchanged (%s)', (_name, mode) => {
		const text = canonicalDocument(5000);
		expect(text.length).toBeGreaterThan(4 * 65536);
		const { doc } = parseXml(text);
		const bytes = canonicalizeBytes({ root: doc, withComments: false }, mode);
		const expected = new TextEncoder().encode(text);
		expect(bytes.length).toBe(expected.length);
		expect(bytes.every((b, i) => b === expected[i])).toBe(true);
		expect(canonicalize({ root: doc, withComments: false }, mode)).toBe(text);
	});

	it('renders a subtree with the namespaces it uses, attributes sorted', () => {
		const { doc } = parseXml(
			'<a:root xmlns:a="urn:a" xmlns:b="urn:b" xmlns="urn:d"><b:x z="1" b:y="2" a="3"><c/></b:x></a:root>',
		);
		const x = doc.documentElement?.firstChild;
		if (!x) throw new Error('no subtree');
		expect(canonicalize({ root: x, withComments: false }, EXCLUSIVE)).toBe(
			'<b:x xmlns:b="urn:b" a="3" z="1" b:y="2"><c xmlns="urn:d"></c></b:x>',
		);
		expect(canonicalize({ root: x, withComments: false }, INCLUSIVE)).toBe(
			'<b:x xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b" a="3" z="1" b:y="2"><c></c></b:x>',
		);
	});
});

describe('canonicalizeInto: one scratch buffer, lent to one canonicalization at a time', () => {
	const collect = (chunks: Uint8Array[]) => {
		const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
		let at = 0;
		for (const c of chunks) {
			out.set(c, at);
			at += c.length;
		}
		return new TextDecoder().decode(out);
	};

	it('successive canonicalizations reuse the same buffer and each gets its own output', () => {
		const text = canonicalDocument(3000);
		const { doc } = parseXml(text);
		const buffers = new Set<ArrayBufferLike>();
		for (let round = 0; round < 3; round++) {
			const chunks: Uint8Array[] = [];
			canonicalizeInto({ root: doc, withComments: false }, EXCLUSIVE, (chunk) => {
				buffers.add(chunk.buffer);
				chunks.push(chunk.slice());
			});
			expect(chunks.length).toBeGreaterThan(2);
			expect(collect(chunks)).toBe(text);
		}
		expect(buffers.size).toBe(1);
	});

	it('a canonicalization started inside a sink gets a buffer of its own; both outputs stay whole', () => {
		const outer = canonicalDocument(3000);
		const inner = canonicalDocument(1500).replace(/é/g, 'ß');
		const a = parseXml(outer).doc;
		const b = parseXml(inner).doc;
		const outerChunks: Uint8Array[] = [];
		const innerTexts: string[] = [];
		const innerBuffers = new Set<ArrayBufferLike>();
		const outerBuffers = new Set<ArrayBufferLike>();
		canonicalizeInto({ root: a, withComments: false }, EXCLUSIVE, (chunk) => {
			outerBuffers.add(chunk.buffer);
			// canonicalize the other document before copying this chunk out: a shared buffer
			// would have been overwritten under it
			const chunks: Uint8Array[] = [];
			canonicalizeInto({ root: b, withComments: false }, INCLUSIVE, (c) => {
				innerBuffers.add(c.buffer);
				chunks.push(c.slice());
			});
			innerTexts.push(collect(chunks));
			outerChunks.push(chunk.slice());
		});
		expect(collect(outerChunks)).toBe(outer);
		expect(innerTexts.every((t) => t === inner)).toBe(true);
		for (const buffer of innerBuffers) expect(outerBuffers.has(buffer)).toBe(false);
	});
});
