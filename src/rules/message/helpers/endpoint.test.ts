// Where a message goes: its own wsa:To, else the dropped WSDLs' ports, else the connector form.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../core/facts';
import type { WsdlFacts } from '../../../core/wsdl/facts';
import { endpointScheme } from './endpoint';
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
