// Namespace URIs of WSDL, SOAP bindings, WS-Policy, WS-SecurityPolicy and WS-Addressing
// (shared/RULES.md 4.15, 4.16).

export const NS = {
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
	wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
	wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
	wsse11: 'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd',
	soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
	soap12: 'http://www.w3.org/2003/05/soap-envelope',
	ds: 'http://www.w3.org/2000/09/xmldsig#',
	xenc: 'http://www.w3.org/2001/04/xmlenc#',
	wsam: 'http://www.w3.org/2007/05/addressing/metadata',
	wsaw: 'http://www.w3.org/2006/05/addressing/wsdl',
	wsa10: 'http://www.w3.org/2005/08/addressing',
	wsa04: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
	saml1: 'urn:oasis:names:tc:SAML:1.0:assertion',
	saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
	xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export const WSP = [NS.wsp12, NS.wsp15] as const;
export const SP = [NS.sp11, NS.sp12, NS.sp13] as const;
export const WSA = [NS.wsa10, NS.wsa04, 'http://www.w3.org/2005/03/addressing'] as const;

export function isWsp(ns: string | null): boolean {
	return ns === NS.wsp12 || ns === NS.wsp15;
}

export function isSp(ns: string | null): boolean {
	return ns === NS.sp11 || ns === NS.sp12 || ns === NS.sp13;
}
