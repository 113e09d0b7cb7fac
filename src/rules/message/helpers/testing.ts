// Test helpers for this folder: a DecryptionFacts entry, and an input listing EncryptedKeys, with
// sensible defaults.
import type { InputFacts } from '../../../core/facts';
import type { DecryptionFacts, EncryptedKeyFacts } from '../../../core/xmlenc/facts';

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

/** An input whose XML detail lists these EncryptedKeys (defaults: an unlinked RSA-OAEP key). */
export function withEncryptedKeys(keys: Partial<EncryptedKeyFacts>[]): InputFacts {
	return {
		id: 'in-1',
		name: 'msg.xml',
		size: 1,
		sha256: '',
		kind: 'soap-envelope',
		kindReason: '',
		status: 'parsed',
		detail: {
			area: 'message',
			data: {
				summary: '',
				trees: [],
				signatures: [],
				signatureIndexes: [],
				encryptedKeys: keys.map((k) => ({
					inputName: 'msg.xml',
					id: 'EK-9',
					path: '/soap:Envelope/soap:Header/wsse:Security/xenc:EncryptedKey',
					keyTransport: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
					use: 'unlinked',
					sha1: null,
					tried: false,
					unwrapped: false,
					openedBy: null,
					note: '',
					...k,
				})),
			},
		},
	};
}
