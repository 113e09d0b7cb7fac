import { alternative, capturedMessage, operation, port, wsdlFacts } from '../../core/wsdl/testing';
import type { ConnectorForm } from '../../core/tls/facts';
import { tlsConnector } from '../../core/tls/testing';
import { facts, RuleTester } from '../testing';
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

const CAPPED = ' (message-level protection is complete, so the grade is capped at C instead of F)';
const hit = (effect: 'F' | 'cap C', inputName: string | null, subject: string, address: string) =>
	({
		ruleId: 'WSDL-HTTP-ENDPOINT',
		severity: 'high',
		effect,
		inputName,
		subject,
		evidence: effect === 'cap C' ? `${address}${CAPPED}` : address,
	}) as const;

RuleTester.run(wsdlHttpEndpoint, {
	valid: [
		{
			name: 'https port',
			facts: facts({ wsdls: [wsdlFacts({ ports: [port('B', 'https://svc.example.com/ws')] })] }),
		},
		{
			name: 'https connector and wsa:To',
			facts: facts({
				connector: connector('https://api.example.com/'),
				wsdls: [
					wsdlFacts({ kind: 'capture', messages: [capturedMessage({ to: 'https://svc/ws' })] }),
				],
			}),
		},
		{
			name: 'jms port',
			facts: facts({ wsdls: [wsdlFacts({ ports: [port('B', 'jms:queue:orders')] })] }),
		},
		{
			name: 'connector JSON over https, nginx on plain http',
			facts: facts({
				tls: [
					tlsConnector({ source: 'connector', inputName: 'pega.json' }),
					tlsConnector({ source: 'nginx', endpoint: { scheme: 'http', host: null, port: 80 } }),
				],
			}),
		},
		{
			name: 'a host named http-gateway over https',
			facts: facts({ connector: connector('https://http-gateway.example.com/soap') }),
		},
	],
	invalid: [
		{
			name: 'http WSDL port, no policy → F',
			facts: facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [alternative()])],
					}),
				],
			}),
			findings: [hit('F', 'service.wsdl', 'Svc/BPort', 'http://svc.example.com/ws')],
		},
		{
			name: 'http port with complete message-level policy → cap C',
			facts: facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [complete])],
					}),
				],
			}),
			findings: [hit('cap C', 'service.wsdl', 'Svc/BPort', 'http://svc.example.com/ws')],
		},
		{
			name: 'http port, complete policy but a Basic256 (SHA-1) alternative too → F',
			facts: facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://x/')],
						operations: [
							operation('B', 'Op', [complete, { ...complete, algorithmSuite: 'Basic256' }]),
						],
					}),
				],
			}),
			findings: [hit('F', 'service.wsdl', 'Svc/BPort', 'http://x/')],
		},
		{
			name: 'http port, captured message fully protected → cap C twice (port and wsa:To)',
			facts: facts({
				wsdls: [
					wsdlFacts({
						ports: [port('B', 'http://svc.example.com/ws')],
						operations: [operation('B', 'Op', [alternative()])],
						messages: [protectedMsg],
					}),
				],
			}),
			findings: [
				hit('cap C', 'service.wsdl', 'Svc/BPort', 'http://svc.example.com/ws'),
				hit('cap C', 'request.xml', 'wsa:To of the captured message', 'http://svc.example.com/ws'),
			],
		},
		{
			name: 'captured wsa:To over http with a clear Body → F',
			facts: facts({
				wsdls: [
					wsdlFacts({ kind: 'capture', messages: [capturedMessage({ to: 'http://svc/ws' })] }),
				],
			}),
			findings: [hit('F', 'request.xml', 'wsa:To of the captured message', 'http://svc/ws')],
		},
		{
			name: 'connector endpoint http, nothing else → F',
			facts: facts({ connector: connector('http://api.example.com/soap') }),
			findings: [hit('F', null, 'connector endpoint (orders)', 'http://api.example.com/soap')],
		},
		{
			name: 'REST connector over http → F',
			facts: facts({ connector: connector(' HTTP://api.example.com/rest', 'REST') }),
			findings: [hit('F', null, 'connector endpoint (orders)', ' HTTP://api.example.com/rest')],
		},
		{
			name: 'connector JSON with an http:// endpoint → F',
			facts: facts({
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
			findings: [
				hit(
					'F',
					'pega.json',
					'connector endpoint (test connector)',
					'http://api.example.com/orders',
				),
			],
		},
	],
});
