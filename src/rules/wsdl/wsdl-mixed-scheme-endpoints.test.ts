import { describe, expect, it } from 'vitest';
import { port, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { wsdlMixedSchemeEndpoints } from './wsdl-mixed-scheme-endpoints';

describe('WSDL-MIXED-SCHEME-ENDPOINTS', () => {
	it.each([
		['same binding on http and https', [port('B', 'http://a/'), port('B', 'https://a/')], 1],
		[
			'same portType through two bindings',
			[
				port('B1', 'http://a/', { interfaceName: 'PT' }),
				port('B2', 'https://a/', { interfaceName: 'PT' }),
			],
			1,
		],
		['only https', [port('B', 'https://a/'), port('B', 'https://b/')], 0],
		['only http (WSDL-HTTP-ENDPOINT covers it)', [port('B', 'http://a/')], 0],
		[
			'different services',
			[port('B', 'http://a/', { service: 'S1' }), port('B', 'https://a/', { service: 'S2' })],
			0,
		],
		['different portTypes', [port('B1', 'http://a/'), port('B2', 'https://a/')], 0],
	])('%s', (_name, ports, count) => {
		const hits = runRule(wsdlMixedSchemeEndpoints, facts({ wsdls: [wsdlFacts({ ports })] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'medium', effect: 'cap B' });
	});
});
