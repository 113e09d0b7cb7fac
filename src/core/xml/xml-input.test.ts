// An ATTLIST-only internal subset (how the XML-DSig / XML-Enc interop suites declare their ID
// attributes) is ignored; every other DOCTYPE, and any DOCTYPE on a SOAP envelope, is refused.
import { describe, expect, it } from 'vitest';
import { parseXmlInput, withoutAttlistDoctype } from './xml-input';

const parse = (text: string) =>
	parseXmlInput({
		file: { id: 'x', name: 'x.xml', bytes: new TextEncoder().encode(text) },
		kind: 'xml',
		text,
		password: null,
		entryPasswords: new Map(),
		progress: () => {},
		signal: new AbortController().signal,
	});

// the head of xmlsec's merlin-xmlenc-five/encrypt-content-tripledes-cbc.xml
const MERLIN = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE test [
<!ATTLIST PaymentInfo Id ID #IMPLIED>
]>
<PurchaseOrder xmlns="urn:example:po"><PaymentInfo Id="Payment">x</PaymentInfo></PurchaseOrder>`;

describe('DOCTYPE handling of XML inputs', () => {
	it('an ATTLIST-only subset is blanked out, line numbers kept', async () => {
		const stripped = withoutAttlistDoctype(MERLIN);
		expect(stripped?.length).toBe(MERLIN.length);
		expect(stripped?.split('\n').length).toBe(MERLIN.split('\n').length);
		const out = await parse(MERLIN);
		expect(out.xml?.doc.documentElement?.localName).toBe('PurchaseOrder');
	});
	it.each([
		['an ENTITY', '<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'],
		[
			'an ATTLIST next to an ENTITY',
			'<!DOCTYPE r [<!ATTLIST r Id ID #IMPLIED><!ENTITY a "x">]><r/>',
		],
		['an external subset', '<!DOCTYPE r SYSTEM "http://x.example/r.dtd"><r/>'],
		['a parameter entity reference', '<!DOCTYPE r [<!ATTLIST r Id ID #IMPLIED>%p;]><r/>'],
	])('%s is still refused', async (_, text) => {
		expect(withoutAttlistDoctype(text)).toBeNull();
		await expect(parse(text)).rejects.toThrow(/DOCTYPE or ENTITY/);
	});
	it('a SOAP envelope with an ATTLIST-only DOCTYPE is still refused (SOAP forbids DTDs)', async () => {
		const text =
			'<!DOCTYPE soap:Envelope [<!ATTLIST soap:Body Id ID #IMPLIED>]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>';
		await expect(parse(text)).rejects.toThrow(/DOCTYPE or ENTITY/);
	});
});
