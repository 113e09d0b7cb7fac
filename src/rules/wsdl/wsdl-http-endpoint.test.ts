import { describe, expect, it } from 'vitest';
import { alternative, capturedMessage, operation, port, wsdlFacts } from '../../core/wsdl/testing';
import type { ConnectorForm } from '../../core/tls/facts';
import { tlsConnector } from '../../core/tls/connector-builder';
import { facts, runRule } from '../testing';
import { wsdlHttpEndpoint } from './wsdl-http-endpoint';

const complete = alternative({
	binding: 'asymmetric',
	algorithmSuite: 'Basic256Sha256',
	includeTimestamp: true,
	signedParts: { body: true, allHeaders: false, headers: [], attachments: false },
	encryptedParts: { body: true, allHeaders: false, headers: [], attachments: false },
});
const connector = (endpoint: string, type: 'SOAP' | 'REST' = 'SOAP'): ConnectorForm => ({
	name: 'orders',
	type,
	endpoint,
	role: 'client',
	lowestTlsVersion: '',
	runtime: '',
	cipherSuites: '',
	keystoreInput: '',
	truststoreInput: '',
	wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: false },
});
const protectedMsg = capturedMessage(
	{
		to: 'http://svc.example.com/ws',
		securityHeader: true,
		bodyEncrypted: true,
		timestamp: { present: true, signed: true },
		signedTargets: ['Body', 'Timestamp'],
		digestAlgorithms: ['http://www.w3.org/2001/04/xmlenc#sha256'],
		signatureAlgorithms: ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'],
		keyTransports: ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p'],
	},
	{ binding: 'B', operation: 'Op' },
);

describe('WSDL-HTTP-ENDPOINT', () => {
	it.each([
		[
			'http WSDL port, no policy → F',
			facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [alternative()])],
					}),
				],
			}),
			['F'],
		],
		[
			'http port with complete message-level policy → cap C',
			facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [complete])],
					}),
				],
			}),
			['cap C'],
		],
		[
			'http port, complete policy but a Basic256 (SHA-1) alternative too → F',
			facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://x/')],
						operations: [
							operation('B', 'Op', [complete, { ...complete, algorithmSuite: 'Basic256' }]),
						],
					}),
				],
			}),
			['F'],
		],
		[
			'http port, captured message fully protected → cap C twice (port and wsa:To)',
			facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [alternative()])],
						messages: [protectedMsg],
					}),
				],
			}),
			['cap C', 'cap C'],
		],
		[
			'captured wsa:To over http with a clear Body → F',
			facts({
				wsdls: [
					wsdlFacts({ kind: 'capture', messages: [capturedMessage({ to: 'http://svc/ws' })] }),
				],
			}),
			['F'],
		],
		[
			'connector endpoint http, nothing else → F',
			facts({ connector: connector('http://api.example.com/soap') }),
			['F'],
		],
		[
			'REST connector over http → F',
			facts({ connector: connector('http://api.example.com/rest', 'REST') }),
			['F'],
		],
		[
			'connector JSON with an http:// endpoint → F',
			facts({
				tls: [
					tlsConnector({
						source: 'connector',
						inputName: 'pega.json',
						channel: 'PLAIN',
						product: 'REST connector',
						endpoint: { scheme: 'http', host: 'api.example.com', port: 80 },
						endpointUrl: 'http://api.example.com/orders',
					}),
				],
			}),
			['F'],
		],
		[
			'connector JSON with an https:// endpoint, nginx over http → nothing',
			facts({
				tls: [
					tlsConnector({ source: 'connector', inputName: 'pega.json' }),
					tlsConnector({ source: 'nginx', endpoint: { scheme: 'http', host: null, port: 80 } }),
				],
			}),
			[],
		],
		[
			'https port → nothing',
			facts({ wsdls: [wsdlFacts({ ports: [port('B', 'https://svc.example.com/ws')] })] }),
			[],
		],
		[
			'https connector and wsa:To → nothing',
			facts({
				connector: connector('https://api.example.com/'),
				wsdls: [
					wsdlFacts({ kind: 'capture', messages: [capturedMessage({ to: 'https://svc/ws' })] }),
				],
			}),
			[],
		],
		[
			'jms port → nothing',
			facts({ wsdls: [wsdlFacts({ ports: [port('B', 'jms:queue:orders')] })] }),
			[],
		],
	])('%s', (_name, input, effects) => {
		const hits = runRule(wsdlHttpEndpoint, input);
		expect(hits.map((h) => h.effect)).toEqual(effects);
		for (const h of hits) {
			expect(h.severity).toBe('high');
			expect(h.evidence).toMatch(/^http:/);
		}
	});
});
