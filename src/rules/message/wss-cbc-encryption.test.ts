import { facts, RuleTester } from '../testing';
import { decryption } from './helpers/testing';
import { wssCbcEncryption } from './wss-cbc-encryption';

const X = 'http://www.w3.org/2001/04/xmlenc#';
const X11 = 'http://www.w3.org/2009/xmlenc11#';

RuleTester.run(wssCbcEncryption, {
	valid: [
		{
			name: 'aes256-gcm',
			facts: facts({ decryptions: [decryption({ dataAlgorithm: X11 + 'aes256-gcm' })] }),
		},
		{
			name: 'aes128-gcm with kw-aes128',
			facts: facts({
				decryptions: [decryption({ dataAlgorithm: X11 + 'aes128-gcm', keyWrap: X + 'kw-aes128' })],
			}),
		},
	],
	invalid: [
		{
			name: 'aes128-cbc',
			facts: facts({ decryptions: [decryption({ dataAlgorithm: X + 'aes128-cbc' })] }),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
				},
			],
		},
		{
			name: 'aes192-cbc',
			facts: facts({ decryptions: [decryption({ dataAlgorithm: X + 'aes192-cbc' })] }),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#aes192-cbc',
				},
			],
		},
		{
			name: 'aes256-cbc, even undecrypted',
			facts: facts({
				decryptions: [decryption({ dataAlgorithm: X + 'aes256-cbc', status: 'no-key' })],
			}),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'medium',
					effect: 'cap B',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
				},
			],
		},
		{
			name: 'tripledes-cbc',
			facts: facts({ decryptions: [decryption({ dataAlgorithm: X + 'tripledes-cbc' })] }),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',
					title: 'XML Encryption with Triple-DES',
				},
			],
		},
		{
			name: 'kw-tripledes with GCM data',
			facts: facts({
				decryptions: [
					decryption({ dataAlgorithm: X11 + 'aes128-gcm', keyWrap: X + 'kw-tripledes' }),
				],
			}),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#kw-tripledes',
					title: 'XML Encryption with Triple-DES',
				},
			],
		},
		{
			name: 'kw-tripledes with CBC data: the higher tier only',
			facts: facts({
				decryptions: [decryption({ dataAlgorithm: X + 'aes128-cbc', keyWrap: X + 'kw-tripledes' })],
			}),
			findings: [
				{
					ruleId: 'WSS-CBC-ENCRYPTION',
					severity: 'high',
					effect: 'cap C',
					inputName: 'msg.xml',
					subject: '/soap:Envelope/soap:Body/xenc:EncryptedData',
					evidence: 'http://www.w3.org/2001/04/xmlenc#kw-tripledes',
					title: 'XML Encryption with Triple-DES',
				},
			],
		},
	],
});
