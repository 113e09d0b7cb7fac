// Algorithm URIs that a published specification defines for XML signatures, beside the ones this
// analyzer implements (algorithms.ts, c14n.ts, the transforms of verify.ts). The difference decides
// a verdict: a defined algorithm we do not implement leaves the signature "cannot verify" (XML-DSig
// 1.1 §3.2 says valid signatures may need algorithms an application does not implement), while a
// URI no specification defines names no computation at all, so core validation cannot succeed for
// any verifier (xmlsec1 and Santuario reject it as well) and the signature is invalid.
import { DIGESTS, SIGNATURES } from './algorithms';
import { c14nMode } from './c14n';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const MORE = 'http://www.w3.org/2001/04/xmldsig-more#';
const MORE07 = 'http://www.w3.org/2007/05/xmldsig-more#';
const MORE21 = 'http://www.w3.org/2021/04/xmldsig-more#';
const DS11 = 'http://www.w3.org/2009/xmldsig11#';

/** Defined by XML-DSig 1.0/1.1, RFC 6931 / RFC 9231 (xmldsig-more), XML-Enc, WSS and SwA. */
const DEFINED: ReadonlySet<string> = new Set([
	// transforms
	DS + 'enveloped-signature',
	DS + 'base64',
	'http://www.w3.org/TR/1999/REC-xpath-19991116',
	'http://www.w3.org/TR/1999/REC-xslt-19991116',
	'http://www.w3.org/2002/06/xmldsig-filter2',
	'http://www.w3.org/2002/07/decrypt#XML',
	'http://www.w3.org/2002/07/decrypt#Binary',
	'http://www.w3.org/2001/04/xmldsig-more/xptr',
	'http://www.w3.org/2010/xml-c14n2',
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform',
	'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform',
	'http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Complete-Signature-Transform',
	// digests (RFC 9231 §2.1)
	MORE + 'sha224',
	MORE + 'sha384',
	MORE + 'md5',
	MORE21 + 'blake2b-512',
	MORE21 + 'blake2s-256',
	MORE07 + 'whirlpool',
	MORE + 'gostr3411',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr3411',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-512',
	// signature methods (XML-DSig 1.1 §6.4, RFC 9231 §2.2–2.3)
	DS11 + 'dsa-sha256',
	MORE07 + 'rsa-whirlpool',
	MORE07 + 'ecdsa-ripemd160',
	MORE07 + 'ecdsa-whirlpool',
	MORE + 'esign-sha1',
	MORE + 'esign-sha224',
	MORE + 'esign-sha256',
	MORE + 'esign-sha384',
	MORE + 'esign-sha512',
	MORE + 'gostr34102001-gostr3411',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102001-gostr3411',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256',
	'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-512',
	MORE07 + 'md2-rsa-MGF1',
	MORE07 + 'md5-rsa-MGF1',
	MORE07 + 'ripemd128-rsa-MGF1',
	MORE07 + 'ripemd160-rsa-MGF1',
	MORE07 + 'whirlpool-rsa-MGF1',
	MORE07 + 'sha3-224-rsa-MGF1',
	MORE07 + 'sha3-256-rsa-MGF1',
	MORE07 + 'sha3-384-rsa-MGF1',
	MORE07 + 'sha3-512-rsa-MGF1',
	MORE21 + 'eddsa-ed448',
	MORE21 + 'rsa-sha3-224',
	MORE21 + 'rsa-sha3-256',
	MORE21 + 'rsa-sha3-384',
	MORE21 + 'rsa-sha3-512',
	MORE21 + 'ecdsa-sha3-224',
	MORE21 + 'ecdsa-sha3-256',
	MORE21 + 'ecdsa-sha3-384',
	MORE21 + 'ecdsa-sha3-512',
	MORE21 + 'hmac-sha3-224',
	MORE21 + 'hmac-sha3-256',
	MORE21 + 'hmac-sha3-384',
	MORE21 + 'hmac-sha3-512',
]);

/**
 * Whether a published specification defines this algorithm URI for a signature (canonicalization,
 * transform, digest or signature method), whether or not this analyzer implements it.
 */
export function specDefinedAlgorithm(uri: string): boolean {
	return uri in SIGNATURES || uri in DIGESTS || c14nMode(uri) !== null || DEFINED.has(uri);
}
