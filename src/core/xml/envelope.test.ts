import { describe, expect, it } from 'vitest';
import { readEnvelope } from './envelope';
import { parseXml } from './safe-parse';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

describe('readEnvelope', () => {
	it('reads one envelope per document and shares it between callers', () => {
		const { doc } = parseXml(
			`<s:Envelope xmlns:s="${SOAP11}"><s:Header><a:To xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing">x</a:To></s:Header><s:Body><p/></s:Body></s:Envelope>`,
		);
		const first = readEnvelope(doc);
		expect(first?.version).toBe('1.1');
		expect(first?.wsaHeader('To')?.textContent).toBe('x');
		expect(first?.bodyChildren.map((e) => e.localName)).toEqual(['p']);
		expect(readEnvelope(doc)).toBe(first);
	});

	it('reads again once the document changed (a decrypted replacement, an edit)', () => {
		const { doc } = parseXml(`<s:Envelope xmlns:s="${SOAP11}"><s:Body><p/></s:Body></s:Envelope>`);
		const before = readEnvelope(doc);
		const body = before?.body;
		if (!body) throw new Error('no Body');
		body.appendChild(doc.createElementNS('urn:q', 'q'));
		const after = readEnvelope(doc);
		expect(after).not.toBe(before);
		expect(after?.bodyChildren.map((e) => e.localName)).toEqual(['p', 'q']);
	});

	it('is null for a non-SOAP root or an Envelope in another namespace', () => {
		expect(readEnvelope(parseXml('<Envelope xmlns="urn:x"/>').doc)).toBeNull();
		expect(readEnvelope(parseXml('<root/>').doc)).toBeNull();
	});
});
