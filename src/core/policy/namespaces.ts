// Namespace URIs of WSDL, SOAP bindings, WS-Policy, WS-SecurityPolicy and WS-Addressing
// (shared/RULES.md 4.15, 4.16).

import { NS } from '../xml/namespaces';

export { NS };

export const WSP = [NS.wsp12, NS.wsp15] as const;
export const SP = [NS.sp11, NS.sp12, NS.sp13] as const;
export const WSA = [NS.wsa, NS.wsa2004, 'http://www.w3.org/2005/03/addressing'] as const;

export function isWsp(ns: string | null): boolean {
	return ns === NS.wsp12 || ns === NS.wsp15;
}

export function isSp(ns: string | null): boolean {
	return ns === NS.sp11 || ns === NS.sp12 || ns === NS.sp13;
}
