import { describe, expect, it } from 'vitest';
import type { AnalysisFacts, InputFacts } from '../../core/facts';
import { facts, runRule } from '../testing';
import { decryption } from './testing';
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

describe('WSS-BODY-NOT-ENCRYPTED-OVER-HTTP', () => {
	it.each<[string, Partial<AnalysisFacts>, number]>([
		[
			'clear Body, wsa:To http',
			{ envelopes: [envelope('m.xml', false, 'http://svc.example/x')] },
			1,
		],
		[
			'clear Body, connector endpoint http',
			{ inputs: [input('m.xml')], connector: connector('http://svc.example/x') },
			1,
		],
		[
			'clear Body, WSDL endpoint http',
			{
				inputs: [input('m.xml')],
				wsdls: [
					{ inputName: 'a.wsdl', kind: 'wsdl', ports: [{ address: 'http://svc.example/x' }] },
				] as unknown as AnalysisFacts['wsdls'],
			},
			1,
		],
		[
			'wsa:To http in the decryption facts only',
			{
				inputs: [input('m.xml')],
				decryptions: [
					decryption({ inputName: 'm.xml', location: 'header', wsaTo: 'http://svc.example/x' }),
				],
			},
			1,
		],
		[
			'Body encrypted (envelope facts), http',
			{ envelopes: [envelope('m.xml', true, 'http://svc.example/x')] },
			0,
		],
		[
			'Body encrypted (decryption facts), http',
			{
				inputs: [input('m.xml')],
				connector: connector('http://svc.example/x'),
				decryptions: [decryption({ inputName: 'm.xml', location: 'body' })],
			},
			0,
		],
		[
			'only part of the Body encrypted, http',
			{
				inputs: [input('m.xml')],
				connector: connector('http://svc.example/x'),
				decryptions: [decryption({ inputName: 'm.xml', location: 'body-part' })],
			},
			1,
		],
		[
			'clear Body over https',
			{ envelopes: [envelope('m.xml', false, 'https://svc.example/x')] },
			0,
		],
		[
			'wsa:To https wins over an http connector',
			{
				envelopes: [envelope('m.xml', false, 'https://svc.example/x')],
				connector: connector('http://svc.example/x'),
			},
			0,
		],
		['no endpoint known', { inputs: [input('m.xml')] }, 0],
		['not a SOAP message', { connector: connector('http://svc.example/x') }, 0],
	])('%s', (_name, partial, count) => {
		const hits = runRule(wssBodyNotEncryptedOverHttp, facts(partial));
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({
				severity: 'high',
				effect: 'cap C',
				inputName: 'm.xml',
				subject: 'soap:Body',
			});
	});
});
