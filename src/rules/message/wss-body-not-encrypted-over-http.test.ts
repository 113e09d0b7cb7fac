import type { AnalysisFacts, InputFacts } from '../../core/facts';
import { facts, RuleTester } from '../testing';
import { decryption } from './helpers/testing';
import { wssBodyNotEncryptedOverHttp } from './wss-body-not-encrypted-over-http';

function input(name: string): InputFacts {
	return {
		id: name,
		name,
		size: 1,
		sha256: '00',
		kind: 'soap-envelope',
		kindReason: 'SOAP',
		status: 'parsed',
	};
}

/** An envelope fact as the signature stage writes it (only the fields this rule reads). */
function envelope(
	name: string,
	bodyEncrypted: boolean,
	to: string | null,
): AnalysisFacts['envelopes'][number] {
	return {
		inputName: name,
		soapVersion: '1.1',
		documentOrigin: 'input',
		bodyEncrypted,
		wsa: { to },
	} as unknown as AnalysisFacts['envelopes'][number];
}

const connector = (endpoint: string): AnalysisFacts['connector'] =>
	({ endpoint }) as unknown as AnalysisFacts['connector'];

RuleTester.run(wssBodyNotEncryptedOverHttp, {
	valid: [
		{
			name: 'Body encrypted (envelope facts), http',
			facts: facts({ envelopes: [envelope('m.xml', true, 'http://svc.example/x')] }),
		},
		{
			name: 'Body encrypted (decryption facts), http',
			facts: facts({
				inputs: [input('m.xml')],
				connector: connector('http://svc.example/x'),
				decryptions: [decryption({ inputName: 'm.xml', location: 'body' })],
			}),
		},
		{
			name: 'clear Body over https',
			facts: facts({ envelopes: [envelope('m.xml', false, 'https://svc.example/x')] }),
		},
		{
			name: 'wsa:To https wins over an http connector',
			facts: facts({
				envelopes: [envelope('m.xml', false, 'https://svc.example/x')],
				connector: connector('http://svc.example/x'),
			}),
		},
		{ name: 'no endpoint known', facts: facts({ inputs: [input('m.xml')] }) },
		{ name: 'not a SOAP message', facts: facts({ connector: connector('http://svc.example/x') }) },
	],
	invalid: [
		{
			name: 'clear Body, wsa:To http',
			facts: facts({ envelopes: [envelope('m.xml', false, 'http://svc.example/x')] }),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
					severity: 'high',
					effect: 'cap C',
					inputName: 'm.xml',
					subject: 'soap:Body',
					evidence: 'Body not encrypted; endpoint http://svc.example/x (from wsa:To)',
				},
			],
		},
		{
			name: 'clear Body, connector endpoint http',
			facts: facts({ inputs: [input('m.xml')], connector: connector('http://svc.example/x') }),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
					severity: 'high',
					effect: 'cap C',
					inputName: 'm.xml',
					subject: 'soap:Body',
					evidence: 'Body not encrypted; endpoint http://svc.example/x (from connector)',
				},
			],
		},
		{
			name: 'clear Body, WSDL endpoint http',
			facts: facts({
				inputs: [input('m.xml')],
				wsdls: [
					{ inputName: 'a.wsdl', kind: 'wsdl', ports: [{ address: 'http://svc.example/x' }] },
				] as unknown as AnalysisFacts['wsdls'],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
					severity: 'high',
					effect: 'cap C',
					inputName: 'm.xml',
					subject: 'soap:Body',
					evidence: 'Body not encrypted; endpoint http://svc.example/x (from WSDL)',
				},
			],
		},
		{
			name: 'wsa:To http in the decryption facts only',
			facts: facts({
				inputs: [input('m.xml')],
				decryptions: [
					decryption({ inputName: 'm.xml', location: 'header', wsaTo: 'http://svc.example/x' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
					severity: 'high',
					effect: 'cap C',
					inputName: 'm.xml',
					subject: 'soap:Body',
					evidence: 'Body not encrypted; endpoint http://svc.example/x (from wsa:To)',
				},
			],
		},
		{
			name: 'only part of the Body encrypted, http',
			facts: facts({
				inputs: [input('m.xml')],
				connector: connector('http://svc.example/x'),
				decryptions: [decryption({ inputName: 'm.xml', location: 'body-part' })],
			}),
			findings: [
				{
					ruleId: 'WSS-BODY-NOT-ENCRYPTED-OVER-HTTP',
					severity: 'high',
					effect: 'cap C',
					inputName: 'm.xml',
					subject: 'soap:Body',
					evidence: 'Body not encrypted; endpoint http://svc.example/x (from connector)',
				},
			],
		},
	],
});
