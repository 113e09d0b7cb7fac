// Where a message goes: its own wsa:To, else the WSDL binding it matched, else the dropped
// WSDLs' ports, else the connector form.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../core/facts';
import type { WsdlFacts } from '../../../core/wsdl/facts';
import { capturedMessage, port, wsdlFacts } from '../../../core/wsdl/testing';
import { endpointScheme, matchedBindingScheme } from './endpoint';
import { envFacts } from '../../../core/soap/testing';

const wsa = (to: string | null) =>
	envFacts({ wsa: { to, action: null, messageId: null, replyTo: null } });
const wsdl = (address: string) => ({ kind: 'wsdl', ports: [{ address }] }) as unknown as WsdlFacts;

describe('endpointScheme', () => {
	it.each([
		['wsa:To http', wsa('http://a.example/ws'), [], null, { scheme: 'http', source: 'wsa:To' }],
		[
			'wsa:To https wins over a WSDL',
			wsa('https://a.example/ws'),
			[wsdl('http://b.example')],
			null,
			{ scheme: 'https', source: 'wsa:To' },
		],
		[
			'anonymous wsa:To falls through to the WSDL',
			wsa('urn:anonymous'),
			[wsdl('http://b.example')],
			null,
			{ scheme: 'http', source: 'WSDL' },
		],
		[
			'connector form last',
			wsa(null),
			[],
			'https://c.example/ws',
			{ scheme: 'https', source: 'connector' },
		],
		['nothing known', wsa(null), [], null, null],
	])('%s', (_name, env, wsdls, endpoint, want) => {
		const facts = { ...emptyFacts('2026-01-01T00:00:00Z'), wsdls };
		if (endpoint) facts.connector = { endpoint } as typeof facts.connector;
		const got = endpointScheme(facts, env);
		expect(got ? { scheme: got.scheme, source: got.source } : null).toEqual(want);
	});
});

describe('the WSDL binding a captured message matched', () => {
	const request = { inputName: 'request.xml', wsaTo: null };
	const at = (to: string | null) =>
		wsdlFacts({
			ports: [port('B', 'https://a/'), port('B', 'http://a/'), port('C', 'https://c/')],
			messages: [capturedMessage({ to }, { binding: 'B', operation: 'Op' })],
		});
	const facts = (w: WsdlFacts) => ({ ...emptyFacts('2026-01-01T00:00:00Z'), wsdls: [w] });

	it('answers with its ports, plain HTTP first (the weaker transport decides)', () => {
		expect(matchedBindingScheme(facts(at(null)), 'request.xml')).toEqual({
			scheme: 'http',
			evidence: 'https://a/, http://a/',
		});
		expect(endpointScheme(facts(at(null)), request)).toEqual({
			scheme: 'http',
			address: 'https://a/, http://a/',
			source: 'WSDL',
		});
	});

	it('still decides when the message says only an anonymous wsa:To', () => {
		const onlyHttps = wsdlFacts({
			ports: [port('B', 'https://a/'), port('C', 'http://c/')],
			messages: [capturedMessage({ to: 'urn:anonymous' }, { binding: 'B', operation: 'Op' })],
		});
		expect(endpointScheme(facts(onlyHttps), { ...request, wsaTo: 'urn:anonymous' })).toEqual({
			scheme: 'https',
			address: 'https://a/',
			source: 'WSDL',
		});
	});

	it('is null when no WSDL matched the message', () => {
		const unmatched = wsdlFacts({ ports: [port('B', 'http://a/')], messages: [capturedMessage()] });
		expect(matchedBindingScheme(facts(unmatched), 'request.xml')).toBeNull();
	});
});
