// The what-is-signed tree stays bounded on large messages: the first children are shown with
// indexed path steps where names repeat, the rest are counted, and signatures keep their parts.
import { DOMImplementation } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { signedTree } from './tree';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

function envelope(items: number): string {
	const rows = Array.from({ length: items }, (_, i) => `<ex:item n="${i}">${i}</ex:item>`);
	return `<s:Envelope xmlns:s="${SOAP}" xmlns:ex="urn:ex"><s:Header><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/><ds:SignatureValue/></ds:Signature></s:Header><s:Body><ex:order><ex:note>one</ex:note>${rows.join('')}</ex:order></s:Body></s:Envelope>`;
}

describe('signedTree', () => {
	it('shows 60 of 2001 children, counts the rest, and indexes repeated names only', () => {
		const { doc } = parseXml(envelope(2000));
		const tree = signedTree(doc, [], null);
		const order = tree?.children[1]?.children[0];
		expect(order?.path).toBe('/s:Envelope/s:Body/ex:order');
		expect(order?.children).toHaveLength(60);
		expect(order?.omitted).toBe(2001 - 60);
		expect(order?.children[0]?.path).toBe('/s:Envelope/s:Body/ex:order/ex:note');
		expect(order?.children[1]?.path).toBe('/s:Envelope/s:Body/ex:order/ex:item[1]');
		expect(order?.children[59]?.text).toBe('58');
	});

	it('names a single child without an index and hides a signature’s parts', () => {
		const { doc } = parseXml(envelope(1));
		const tree = signedTree(doc, [], null);
		const signature = tree?.children[0]?.children[0];
		expect(signature?.role).toBe('signature');
		expect(signature?.children).toHaveLength(0);
		expect(signature?.omitted).toBe(2);
		expect(tree?.children[1]?.children[0]?.children[1]?.path).toBe(
			'/s:Envelope/s:Body/ex:order/ex:item',
		);
	});

	it('walks 10 000 nested elements without recursion, stopping at its node bound', () => {
		// built directly (the parser refuses this depth): the builder itself must not overflow
		const doc = new DOMImplementation().createDocument(null, 'ä');
		let el = doc.documentElement!;
		for (let i = 0; i < 10_000; i++) {
			const child = doc.createElement('ä');
			el.appendChild(child);
			el = child;
		}
		const tree = signedTree(doc, [], null);
		let depth = 0;
		for (let n = tree; n?.children[0]; n = n.children[0]) depth++;
		expect(depth).toBe(1499); // MAX_NODES (1500) nodes, one per level
		let last = tree;
		while (last?.children[0]) last = last.children[0];
		expect(last?.omitted).toBe(1);
	});
});
