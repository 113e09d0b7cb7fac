// The one namespace table of src/core: every stage (envelope, signatures, decryption, policy,
// WSDL, detection) takes its URIs from here so a version added once is seen everywhere.

export const NS = {
	soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
	soap12: 'http://www.w3.org/2003/05/soap-envelope',
	wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
	wsse11: 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd',
	wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
	ds: 'http://www.w3.org/2000/09/xmldsig#',
	dsig11: 'http://www.w3.org/2009/xmldsig11#',
	dsigMore2021: 'http://www.w3.org/2021/04/xmldsig-more#',
	xenc: 'http://www.w3.org/2001/04/xmlenc#',
	xenc11: 'http://www.w3.org/2009/xmlenc11#',
	exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
	saml1: 'urn:oasis:names:tc:SAML:1.0:assertion',
	saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
	wsa: 'http://www.w3.org/2005/08/addressing',
	wsa2004: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
	wsa2003: 'http://schemas.xmlsoap.org/ws/2004/03/addressing',
	wsam: 'http://www.w3.org/2007/05/addressing/metadata',
	wsaw: 'http://www.w3.org/2006/05/addressing/wsdl',
	wsdl11: 'http://schemas.xmlsoap.org/wsdl/',
	wsdl20: 'http://www.w3.org/ns/wsdl',
	soap11Binding: 'http://schemas.xmlsoap.org/wsdl/soap/',
	soap12Binding: 'http://schemas.xmlsoap.org/wsdl/soap12/',
	httpBinding: 'http://schemas.xmlsoap.org/wsdl/http/',
	wsdl20Soap: 'http://www.w3.org/ns/wsdl/soap',
	wsdl20Http: 'http://www.w3.org/ns/wsdl/http',
	xsd: 'http://www.w3.org/2001/XMLSchema',
	wsp12: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
	wsp15: 'http://www.w3.org/ns/ws-policy',
	sp11: 'http://schemas.xmlsoap.org/ws/2005/07/securitypolicy',
	sp12: 'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702',
	sp13: 'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200802',
	xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/**
 * Every WS-Addressing namespace a message may use: the W3C Recommendation (2005/08), the W3C
 * drafts (2005/03, 2004/12) and the member-submission versions (2004/08, 2004/03, 2003/03).
 */
export const WSA_NAMESPACES: ReadonlySet<string> = new Set([
	NS.wsa,
	'http://www.w3.org/2005/03/addressing',
	'http://www.w3.org/2004/12/addressing',
	NS.wsa2004,
	NS.wsa2003,
	'http://schemas.xmlsoap.org/ws/2003/03/addressing',
]);

/**
 * Namespaces of the WS-Addressing WSDL binding and metadata vocabulary (wsaw:UsingAddressing,
 * wsam:Addressing, wsaw:Action / wsam:Action): the 2007/05 metadata, the 2006/05 and 2006/02 WSDL
 * binding drafts, and the member-submission policy assertion (2004/08 addressing/policy).
 */
export const WSA_METADATA_NAMESPACES: readonly string[] = [
	NS.wsam,
	NS.wsaw,
	'http://www.w3.org/2006/02/addressing/wsdl',
	'http://schemas.xmlsoap.org/ws/2004/08/addressing/policy',
];

/** Whether a namespace is one of the WS-Addressing message namespaces of WSA_NAMESPACES. */
export function isWsa(ns: string | null | undefined): boolean {
	return WSA_NAMESPACES.has(ns ?? '');
}

/** WS-SecureConversation: the 2005/02 submission and the OASIS 1.3 (200512) standard. */
export const WSC_NAMESPACES: readonly string[] = [
	'http://schemas.xmlsoap.org/ws/2005/02/sc',
	'http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512',
];

/** WS-Trust: the 2005/02 submission and the OASIS 1.3 / 1.4 (200512, 200802) standards. */
export const WST_NAMESPACES: readonly string[] = [
	'http://schemas.xmlsoap.org/ws/2005/02/trust',
	'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
	'http://docs.oasis-open.org/ws-sx/ws-trust/200802',
];
