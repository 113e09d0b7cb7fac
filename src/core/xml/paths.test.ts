// The one element-path format (xml/paths.ts): every element of real documents is found again by
// its path, repeated names get [n], and WSDL facts use the same format (no @name paths).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants } from './dom';
import { elementAtPath, elementPath } from './paths';
import { parseXml } from './safe-parse';
import { runWsdlOnTexts } from '../wsdl/testing';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures');

describe('elementPath / elementAtPath', () => {
	it.each([
		'wss/wss4j-soap11-rsa-bst.xml',
		'saml/saml2-xsw-assertion-doubled.xml',
		'wsdl/cxf-doubleit-asymmetric.wsdl',
	])('every element of %s is found again by its path', (f) => {
		const doc = parseXml(readFileSync(resolve(FIX, f), 'utf8')).doc;
		const all = [doc.documentElement!, ...descendants(doc.documentElement!)];
		for (const el of all) expect(elementAtPath(doc, elementPath(el))).toBe(el);
		expect(new Set(all.map(elementPath)).size).toBe(all.length);
	});
	it('indexes only repeated names, 1-based', () => {
		const doc = parseXml('<r><a/><b/><a/></r>').doc;
		expect([...doc.getElementsByTagName('a')].map(elementPath)).toEqual(['/r/a[1]', '/r/a[2]']);
		expect(elementPath(doc.getElementsByTagName('b')[0]!)).toBe('/r/b');
		expect(elementAtPath(doc, '/r/a[3]')).toBeNull();
	});
	it('a policy without an id is located by the same format in the WSDL facts', () => {
		const text = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:wsp="http://www.w3.org/ns/ws-policy" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:tns="urn:t" targetNamespace="urn:t">
  <wsdl:message name="In"/>
  <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="B" type="tns:PT">
    <wsp:Policy><sp:TransportBinding><wsp:Policy><sp:IncludeTimestamp/></wsp:Policy></sp:TransportBinding></wsp:Policy>
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op"><soap:operation soapAction="urn:t:Op"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;
		const facts = runWsdlOnTexts([{ name: 't.wsdl', text }]);
		const origins = facts.wsdls.flatMap((w) =>
			w.operations.flatMap((o) => (o.input?.alternatives ?? []).map((a) => a.origin)),
		);
		expect(origins).toEqual(['/wsdl:definitions/wsdl:binding/wsp:Policy/sp:TransportBinding']);
	});
});
