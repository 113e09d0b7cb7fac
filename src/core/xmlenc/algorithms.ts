// XML Encryption algorithm URIs (XENC 1.0 / 1.1, RULES.md 4.16) and what each one needs.
import type { HashName } from '../crypto/hashes';
import { NS } from '../xml/namespaces';

export { NS };

export const TYPE_ELEMENT = NS.xenc + 'Element';
export const TYPE_CONTENT = NS.xenc + 'Content';
/** SOAP with Attachments types (WSS SwA profile): the ciphertext is a MIME part we never see. */
export const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
	'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Only',
	'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Complete',
]);

export type DataCipher =
	| { kind: 'aes-cbc'; keyLength: 16 | 24 | 32 }
	| { kind: 'aes-gcm'; keyLength: 16 | 24 | 32 }
	| { kind: '3des-cbc'; keyLength: 24 };

export const DATA_ALGORITHMS: Readonly<Record<string, DataCipher>> = {
	[NS.xenc + 'aes128-cbc']: { kind: 'aes-cbc', keyLength: 16 },
	[NS.xenc + 'aes192-cbc']: { kind: 'aes-cbc', keyLength: 24 },
	[NS.xenc + 'aes256-cbc']: { kind: 'aes-cbc', keyLength: 32 },
	[NS.xenc11 + 'aes128-gcm']: { kind: 'aes-gcm', keyLength: 16 },
	[NS.xenc11 + 'aes192-gcm']: { kind: 'aes-gcm', keyLength: 24 },
	[NS.xenc11 + 'aes256-gcm']: { kind: 'aes-gcm', keyLength: 32 },
	[NS.xenc + 'tripledes-cbc']: { kind: '3des-cbc', keyLength: 24 },
};

export const KEY_WRAP_ALGORITHMS: Readonly<
	Record<string, { kind: 'aes-kw' | '3des-kw'; keyLength: number }>
> = {
	[NS.xenc + 'kw-aes128']: { kind: 'aes-kw', keyLength: 16 },
	[NS.xenc + 'kw-aes192']: { kind: 'aes-kw', keyLength: 24 },
	[NS.xenc + 'kw-aes256']: { kind: 'aes-kw', keyLength: 32 },
	[NS.xenc + 'kw-tripledes']: { kind: '3des-kw', keyLength: 24 },
};

export const RSA_15 = NS.xenc + 'rsa-1_5';
export const RSA_OAEP_MGF1P = NS.xenc + 'rsa-oaep-mgf1p';
export const RSA_OAEP_11 = NS.xenc11 + 'rsa-oaep';
export const ECDH_ES = NS.xenc11 + 'ECDH-ES';
export const CONCAT_KDF = NS.xenc11 + 'ConcatKDF';
export const PBKDF2 = NS.xenc11 + 'pbkdf2';
export const HKDF = NS.dsigMore2021 + 'hkdf';

export const DIGESTS: Readonly<Record<string, HashName>> = {
	'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
	'http://www.w3.org/2001/04/xmldsig-more#sha224': 'SHA-224',
	'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
	'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
	'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

export const MGFS: Readonly<Record<string, HashName>> = {
	[NS.xenc11 + 'mgf1sha1']: 'SHA-1',
	[NS.xenc11 + 'mgf1sha224']: 'SHA-224',
	[NS.xenc11 + 'mgf1sha256']: 'SHA-256',
	[NS.xenc11 + 'mgf1sha384']: 'SHA-384',
	[NS.xenc11 + 'mgf1sha512']: 'SHA-512',
};

export const HMAC_PRFS: Readonly<Record<string, HashName>> = {
	'http://www.w3.org/2000/09/xmldsig#hmac-sha1': 'SHA-1',
	'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256': 'SHA-256',
	'http://www.w3.org/2001/04/xmldsig-more#hmac-sha384': 'SHA-384',
	'http://www.w3.org/2001/04/xmldsig-more#hmac-sha512': 'SHA-512',
};

/** The fragment after '#', for short display ("aes256-gcm"). */
export function shortName(uri: string | null): string {
	if (!uri) return 'none';
	const i = uri.lastIndexOf('#');
	return i >= 0 ? uri.slice(i + 1) : uri;
}
