// The WSDL stage over the fixtures in tests/fixtures/wsdl: endpoints, operations, actions,
// effective policies, imports resolved among dropped files, and bad input.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsers } from './input';
import { runWsdlOnTexts } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
const read = (p: string) => ({
	name: p.split('/').pop()!,
	text: readFileSync(resolve(DIR, p), 'utf8'),
});
const run = (...paths: string[]) => runWsdlOnTexts(paths.map(read));

describe('WSDL 1.1 (CXF style)', () => {
	const facts = run('cxf-doubleit-asymmetric.wsdl', 'DoubleIt.xsd', 'DoubleItTypes.xsd');
	const w = facts.wsdls[0]!;
	it('lists the endpoints in contract form', () => {
		expect(w.endpoints).toEqual([
			{
				inputName: 'cxf-doubleit-asymmetric.wsdl',
				service: 'DoubleItService',
				port: 'DoubleItAsymmetricPort',
				address: 'https://localhost:9009/DoubleItAsymmetric',
				secure: true,
				binding: 'soap11',
			},
			{
				inputName: 'cxf-doubleit-asymmetric.wsdl',
				service: 'DoubleItService',
				port: 'DoubleItAsymmetricPlainPort',
				address: 'http://localhost:9001/DoubleItAsymmetric',
				secure: false,
				binding: 'soap11',
			},
		]);
	});
	it('merges binding and message policies into the effective policy', () => {
		const input = w.operations[0]!.input!;
		expect(input.attachedAt).toEqual([
			'binding (#DoubleItAsymmetricPolicy)',
			'binding input (#DoubleItBinding_DoubleIt_Input_Policy)',
		]);
		expect(w.policies[0]).toEqual({
			inputName: 'cxf-doubleit-asymmetric.wsdl',
			subject: 'DoubleItAsymmetricBinding/DoubleIt input',
			binding: 'asymmetric',
			algorithmSuite: 'Basic256',
			includeTimestamp: true,
			signedParts: ['Body'],
			encryptedParts: ['Body'],
			tokens: ['X509V3'],
		});
		expect(input.alternatives[0]?.layout).toBe('Lax');
		expect(input.alternatives[0]?.addressing).toBe(true);
	});
	it('writes the requirements in plain words', () => {
		expect(w.operations[0]!.input!.requirements[0]).toBe(
			'Requests must carry a signed Timestamp, a Body signed with RSA-SHA1 and encrypted with AES-256-CBC under RSA-OAEP, an X.509 certificate as initiator token and WS-Addressing headers, over HTTPS or plain HTTP depending on the port.',
		);
	});
	it('resolves the schema import and notes the include cycle', () => {
		expect(w.imports.map((i) => [i.kind, i.status, i.resolvedTo])).toEqual([
			['xsd:import', 'resolved', 'DoubleIt.xsd'],
			['xsd:include', 'resolved', 'DoubleItTypes.xsd'],
			['xsd:include', 'resolved', 'DoubleIt.xsd'],
		]);
		expect(w.notes.map((n) => n.message)).toEqual([
			expect.stringMatching(/Circular schema import/),
		]);
	});
	it('names the schema that was not dropped', () => {
		const alone = run('cxf-doubleit-asymmetric.wsdl').wsdls[0]!;
		expect(alone.imports[0]).toMatchObject({
			status: 'missing',
			note: expect.stringMatching(/DoubleIt\.xsd is missing/),
		});
	});
	it('sets the detail view of the input', () => {
		expect(facts.inputs[0]?.detail).toEqual({
			area: 'wsdl',
			data: {
				summary: 'WSDL 1.1, 2 endpoints, 1 operation (1 with a security policy)',
				wsdlIndex: 0,
				importedBy: null,
			},
		});
	});
});

describe('other stacks', () => {
	it('WSS4J-style WS-SP 1.1 transport policy attached with wsp:PolicyURIs', () => {
		const w = run('wss4j-transport-usernametoken.wsdl').wsdls[0]!;
		const alt = w.operations[0]!.input!.alternatives[0]!;
		expect(alt.spVersion).toBe('1.1');
		expect(alt.binding).toBe('transport');
		expect(alt.tokens.map((t) => [t.type, t.role])).toEqual([
			['HttpsToken', 'transport'],
			['UsernameToken', 'signed-supporting'],
		]);
		expect(w.operations[0]!.soapAction).toBe('urn:example:orders:PlaceOrder');
		expect(w.operations[0]!.output!.action).toBe(
			'urn:example:orders:OrdersPortType:PlaceOrderResponse',
		);
	});
	it('WCF: service WSDL importing the binding WSDL, SOAP 1.2, wsaw:Action, signed addressing headers', () => {
		const facts = run('wcf-service.wsdl', 'wcf-service1.wsdl');
		expect(facts.wsdls).toHaveLength(1);
		const w = facts.wsdls[0]!;
		expect(w.members).toEqual(['wcf-service1.wsdl']);
		expect(w.endpoints[0]).toMatchObject({ binding: 'soap12', secure: false });
		const op = w.operations[0]!;
		expect(op.input!.action).toBe('http://contoso.example/Billing/IBilling/Charge');
		const alt = op.input!.alternatives[0]!;
		expect(alt).toMatchObject({
			binding: 'symmetric',
			algorithmSuite: 'Basic256',
			layout: 'Strict',
			encryptSignature: true,
			wss: 'Wss11',
			requireSignatureConfirmation: true,
			trust: 'Trust10',
			addressing: true,
		});
		expect(alt.signedParts.headers).toContain('{http://www.w3.org/2005/08/addressing}To');
		expect(alt.tokens.map((t) => t.role)).toEqual(['protection', 'endorsing']);
		expect(w.imports.filter((i) => i.status === 'missing').map((i) => i.location)).toEqual([
			'http://billing.contoso.example/BillingService.svc?xsd=xsd0',
			'http://billing.contoso.example/BillingService.svc?xsd=xsd1',
		]);
		expect(facts.inputs[1]?.detail).toMatchObject({
			data: { importedBy: 'wcf-service.wsdl', wsdlIndex: 0 },
		});
	});
	it('Metro: wsp:Optional on the binding gives a second alternative without security; vendor assertions', () => {
		const w = run('metro-asymmetric-ut.wsdl').wsdls[0]!;
		const alts = w.operations[0]!.input!.alternatives;
		expect(alts.map((a) => a.binding)).toEqual(['asymmetric', 'none']);
		expect(alts[0]!.algorithmSuite).toBe('Basic128Rsa15');
		expect(w.notes.map((n) => n.message)).toEqual([
			'Unknown policy assertion acme:AuditEveryCall {urn:acme:policy}: not evaluated',
		]);
	});
	it('WSDL 2.0 with a policy referenced in another dropped file', () => {
		const w = run('wsdl20-quotes.wsdl', 'quotes-policy.xml').wsdls[0]!;
		expect(w.version).toBe('2.0');
		expect(w.endpoints[0]).toMatchObject({
			port: 'QuoteEndpoint',
			binding: 'soap12',
			secure: true,
		});
		const op = w.operations[0]!;
		expect(op.input!.bodyElements).toEqual(['{http://example.com/quotes/schema}GetQuote']);
		expect(op.soapAction).toBe('http://example.com/quotes/GetQuote');
		expect(op.input!.action).toBe('http://example.com/quotes/QuoteInterface/GetQuoteRequest');
		expect(op.input!.alternatives[0]).toMatchObject({
			binding: 'asymmetric',
			algorithmSuite: 'TripleDesRsa15',
			includeTimestamp: false,
		});
		const missing = run('wsdl20-quotes.wsdl').wsdls[0]!;
		expect(missing.notes.map((n) => n.message)).toContain(
			'Policy reference quotes-policy.xml#QuoteSecurity in wsdl20-quotes.wsdl: quotes-policy.xml was not dropped (external policies are never fetched)',
		);
	});
	it('rpc style, SOAP 1.2 and HTTP bindings, no policy', () => {
		const w = run('plain-http-nopolicy.wsdl').wsdls[0]!;
		expect(w.endpoints.map((e) => e.binding)).toEqual(['soap11', 'soap12', 'http']);
		expect(w.operations[0]!.input!.bodyElements).toEqual(['{urn:example:weather}GetWeather']);
		expect(w.operations[0]!.input!.parts).toEqual([
			{ name: 'city', element: null, type: '{http://www.w3.org/2001/XMLSchema}string' },
		]);
		expect(w.policies.every((p) => p.binding === 'none')).toBe(true);
	});
});

describe('bad input: specific messages, no hang, other files still analyzed', () => {
	it('cuts policy reference loops and names unresolved references', () => {
		const w = run('bad/policy-loop.wsdl').wsdls[0]!;
		expect(w.notes.map((n) => n.message)).toEqual([
			'Policy reference loop: #A → #B → #A; the loop was cut',
			'Policy reference #DoesNotExist in policy-loop.wsdl: no policy with that id in any dropped file',
		]);
		expect(w.operations[0]!.input!.alternatives[0]!.binding).toBe('transport');
	});
	it('reads circular imports once and names the missing third file', () => {
		const facts = run('bad/circular-a.wsdl', 'bad/circular-b.wsdl');
		expect(facts.wsdls).toHaveLength(1);
		const w = facts.wsdls[0]!;
		expect(w.operations.map((o) => o.name)).toEqual(['Op']);
		expect(w.notes.map((n) => n.message)).toContain(
			'Circular import: circular-a.wsdl → circular-b.wsdl → circular-a.wsdl (each file is read once)',
		);
		expect(w.imports.find((i) => i.status === 'missing')?.note).toBe(
			'not-dropped.wsdl is missing: drop it beside this file (it is never fetched)',
		);
	});
	it('names an imported file that is really an HTML page', () => {
		const facts = run(
			'bad/imports-login-page.wsdl',
			'bad/login-page.wsdl',
			'wss4j-transport-usernametoken.wsdl',
		);
		expect(facts.inputs[1]).toMatchObject({ status: 'error', error: 'an HTML page, not XML data' });
		const w = facts.wsdls.find((x) => x.inputName === 'imports-login-page.wsdl')!;
		expect(w.imports[0]?.note).toBe(
			'login-page.wsdl was dropped but could not be read: an HTML page, not XML data',
		);
		expect(
			facts.wsdls.find((x) => x.inputName === 'wss4j-transport-usernametoken.wsdl')?.endpoints,
		).toHaveLength(1);
	});
	it('bounds the alternatives of a policy with many optional assertions', () => {
		const optional = Array.from(
			{ length: 12 },
			(_, i) =>
				`<sp:SignedParts wsp:Optional="true"><sp:Header Name="H${i}" Namespace="urn:h"/></sp:SignedParts>`,
		).join('');
		const text = read('wss4j-transport-usernametoken.wsdl').text.replace(
			'<sp:SignedSupportingTokens>',
			`${optional}<sp:SignedSupportingTokens>`,
		);
		// 2^12 alternatives are never built: the expansion stops at the limit and says so.
		const w = runWsdlOnTexts([{ name: 'many.wsdl', text }]).wsdls[0]!;
		expect(w.operations[0]!.input!.alternatives).toHaveLength(64);
		expect(w.notes.map((n) => n.message)).toContain(
			'A policy expands to more than 64 alternatives; only the first 64 were evaluated',
		);
	});
	it('stops a long chain of references', () => {
		const chain = Array.from(
			{ length: 40 },
			(_, i) => `<wsp:Policy wsu:Id="P${i}"><wsp:PolicyReference URI="#P${i + 1}"/></wsp:Policy>`,
		).join('');
		const text = read('wss4j-transport-usernametoken.wsdl')
			.text.replace('<types>', `${chain}<types>`)
			.replace('wsp:PolicyURIs="#TransportUT"', 'wsp:PolicyURIs="#P0"');
		const w = runWsdlOnTexts([{ name: 'chain.wsdl', text }]).wsdls[0]!;
		expect(w.notes.map((n) => n.message)).toContain(
			'Policy references nest deeper than 16 levels at #P16; the rest was not followed',
		);
	});
});

describe('the WSDL parser', () => {
	const ctx = (text: string) => ({
		file: { id: '1', name: 'x.wsdl', bytes: new TextEncoder().encode(text) },
		kind: 'wsdl' as const,
		text,
		password: null,
		entryPasswords: new Map<string, string>(),
		progress: () => {},
		signal: new AbortController().signal,
	});
	const wsdl = read('plain-http-nopolicy.wsdl').text;
	it('ignores a DOCTYPE without entity declarations, keeping lines true', async () => {
		const text = wsdl.replace(
			'<definitions',
			'<!DOCTYPE definitions SYSTEM "wsdl.dtd">\n<definitions',
		);
		const outcome = await parsers.wsdl!(ctx(text));
		expect(outcome.xml?.doc.documentElement?.localName).toBe('definitions');
		expect(outcome.detail).toMatchObject({
			data: { summary: expect.stringMatching(/DOCTYPE, which declares no entity, was ignored/) },
		});
	});
	it('still refuses a DOCTYPE that declares entities', async () => {
		const text = wsdl.replace('<definitions', '<!DOCTYPE d [<!ENTITY e "x">]>\n<definitions');
		await expect(parsers.wsdl!(ctx(text))).rejects.toThrow(/DOCTYPE or ENTITY declaration/);
	});
	it('reports malformed XML with its line', async () => {
		await expect(
			parsers.wsdl!(
				ctx('<definitions xmlns="http://schemas.xmlsoap.org/wsdl/">\n<message>\n</definitions>'),
			),
		).rejects.toThrow(/Malformed XML at line/);
	});
});

describe('external policy attachment (WS-PolicyAttachment)', () => {
	it('attaches policies to WSDL 1.1 element identifiers from another dropped file', () => {
		const w = run('plain-http-nopolicy.wsdl', 'external-attachment.xml').wsdls[0]!;
		const soap12 = w.operations.find((o) => o.binding === 'WeatherSoap12')!;
		expect(soap12.input!.attachedAt).toEqual([
			'external attachment (urn:example:weather#wsdl11.binding(WeatherSoap12) in external-attachment.xml)',
			'external attachment (urn:example:weather#wsdl11.bindingOperation.input(WeatherSoap12/GetWeather) in external-attachment.xml)',
		]);
		expect(soap12.input!.alternatives[0]).toMatchObject({
			binding: 'transport',
			algorithmSuite: 'Basic256Sha256',
			includeTimestamp: true,
		});
		expect(soap12.input!.alternatives[0]!.tokens.map((t) => t.type)).toEqual([
			'HttpsToken',
			'UsernameToken',
		]);
		expect(soap12.output!.alternatives[0]!.tokens.map((t) => t.type)).toEqual(['HttpsToken']);
		expect(
			w.operations.find((o) => o.binding === 'WeatherSoap')!.input!.alternatives[0]!.binding,
		).toBe('none');
	});
});

describe('port-level policies', () => {
	it('says when a second port of the same binding has a policy of its own', () => {
		const text = read('cxf-doubleit-asymmetric.wsdl').text.replace(
			'<soap:address location="http://localhost:9001/DoubleItAsymmetric"/>',
			'<soap:address location="http://localhost:9001/DoubleItAsymmetric"/><wsp:PolicyReference URI="#DoubleItAsymmetricPolicy"/>',
		);
		const w = runWsdlOnTexts([{ name: 'ports.wsdl', text }]).wsdls[0]!;
		expect(w.notes.map((n) => n.message)).toContain(
			'Port DoubleItAsymmetricPlainPort has its own policy, but the operations of binding DoubleItAsymmetricBinding are shown with the policy of port DoubleItAsymmetricPort',
		);
	});
});

describe('a large service', () => {
	// The time it takes is measured by the bench (scripts/bench/cases/hostile.mjs).
	it('reads 1000 operations sharing binding and message policies', () => {
		const base = read('wcf-service1.wsdl').text;
		const n = 1000;
		const ops = Array.from(
			{ length: n },
			(_, i) =>
				`<wsdl:operation name="Op${i}"><wsdl:input wsaw:Action="urn:op${i}" message="tns:IBilling_Charge_InputMessage"/><wsdl:output message="tns:IBilling_Charge_OutputMessage"/></wsdl:operation>`,
		).join('');
		const bops = Array.from(
			{ length: n },
			(_, i) =>
				`<wsdl:operation name="Op${i}"><soap12:operation soapAction="urn:op${i}"/><wsdl:input><wsp:PolicyReference URI="#WSHttpBinding_IBilling_Charge_Input_policy"/><soap12:body use="literal"/></wsdl:input><wsdl:output><wsp:PolicyReference URI="#WSHttpBinding_IBilling_Charge_output_policy"/><soap12:body use="literal"/></wsdl:output></wsdl:operation>`,
		).join('');
		const text = base
			.replace('</wsdl:portType>', `${ops}</wsdl:portType>`)
			.replace('</wsdl:binding>', `${bops}</wsdl:binding>`);
		const w = runWsdlOnTexts([{ name: 'big.wsdl', text }]).wsdls[0]!;
		expect(w.operations).toHaveLength(n + 1);
		expect(w.operations[n]!.input!.alternatives[0]!.binding).toBe('symmetric');
	});
});
