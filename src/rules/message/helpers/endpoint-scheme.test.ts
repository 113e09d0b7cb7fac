import { describe, expect, it } from 'vitest';
import { emptyFacts, type AnalysisFacts } from '../../../core/facts';
import type { ConnectorForm } from '../../../core/tls/facts';
import { capturedMessage, port, wsdlFacts } from '../../../core/wsdl/testing';
import { endpointSchemeOf } from './endpoint-scheme';

const connector = { endpoint: 'https://api.example.com/soap' } as ConnectorForm;
const base = (partial: Partial<AnalysisFacts>): AnalysisFacts => ({
	...emptyFacts('2026-01-01T00:00:00Z'),
	...partial,
});

describe('endpoint scheme of a captured message', () => {
	it.each([
		[
			'its wsa:To',
			base({ wsdls: [wsdlFacts({ messages: [capturedMessage({ to: 'http://a/ws' })] })] }),
			'http',
			'wsa:To',
		],
		[
			'the ports of its matched binding (plain HTTP wins)',
			base({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'https://a/'), port('B', 'http://a/')],
						messages: [capturedMessage({}, { binding: 'B', operation: 'Op' })],
					}),
				],
			}),
			'http',
			'WSDL port',
		],
		['the connector form', base({ connector }), 'https', 'connector endpoint'],
		['nothing known', base({}), null, null],
	])('from %s', (_name, facts, scheme, source) => {
		expect(endpointSchemeOf(facts, 'request.xml')).toMatchObject({ scheme, source });
	});
});
