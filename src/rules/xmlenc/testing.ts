// Test helper for this folder: a DecryptionFacts entry with sensible defaults.
import type { DecryptionFacts } from '../../core/xmlenc/facts';

export function decryption(partial: Partial<DecryptionFacts> = {}): DecryptionFacts {
	return {
		inputName: 'msg.xml',
		encryptedDataId: 'ED-1',
		dataAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
		keyTransport: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
		status: 'decrypted',
		path: '/soap:Envelope/soap:Body/xenc:EncryptedData',
		location: 'body',
		type: 'content',
		typeUri: 'http://www.w3.org/2001/04/xmlenc#Content',
		mimeType: null,
		encryptedKeyId: 'EK-1',
		oaep: null,
		keyWrap: null,
		keyAgreement: null,
		keyDerivation: null,
		cipherReference: null,
		failure: null,
		openedBy: null,
		recipient: null,
		wsaTo: null,
		...partial,
	};
}
